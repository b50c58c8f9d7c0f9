import { DataSource } from 'typeorm';
import { distanceKm } from '../src/matching/core/geo';
import { SweeperService } from '../src/matching/jobs/sweeper.service';
import { SYDNEY } from '../src/population/population';
import { demoSignIns } from '../src/demo/demo-sign-in';
import { DemoSeedRefusal, DemoSeedResult, seedDemo } from '../src/demo/seed-demo';
import { sydneySuburbs } from '../src/demo/suburbs';
import { waitForJobs } from './support/queue';
import { startTestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const DEVELOPMENT = { NODE_ENV: 'development' } as const;
const TABLES = [
  'peer',
  'support_worker',
  'peer_tag',
  'support_worker_tag',
  'consent_record',
  'match_request',
  'suggestion',
  'match',
  'recompute_due',
  'demo_record',
];

async function connect(database: TestDatabase): Promise<DataSource> {
  return new DataSource({ type: 'postgres', url: database.url, poolSize: 2 }).initialize();
}

async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
    counts[table] = count;
  }
  return counts;
}

async function one<T = number>(dataSource: DataSource, sql: string): Promise<T> {
  const [row] = await dataSource.query(sql);
  return Object.values(row)[0] as T;
}

describe('npm run seed:demo', () => {
  jest.setTimeout(60_000);
  let database: TestDatabase;
  let dataSource: DataSource;
  let seeded: DemoSeedResult;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await connect(database);
    seeded = await seedDemo(dataSource, DEVELOPMENT);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('makes the small service: 50 support workers and 300 peers, every one a demo record', async () => {
    expect(seeded).toMatchObject({ seeded: true, peers: 300, supportWorkers: 50 });
    expect(await one(dataSource, `SELECT count(*)::int FROM peer`)).toBe(300);
    expect(await one(dataSource, `SELECT count(*)::int FROM support_worker`)).toBe(50);
    expect(
      await one(
        dataSource,
        `SELECT count(*)::int FROM peer p WHERE NOT EXISTS (SELECT 1 FROM demo_record d WHERE d.peer_id = p.id)`,
      ),
    ).toBe(0);
    expect(await one(dataSource, `SELECT count(*)::int FROM demo_record`)).toBe(350);
    // About one worker in ten inactive.
    expect(await one(dataSource, `SELECT count(*)::int FROM support_worker WHERE NOT active`)).toBeGreaterThan(1);
    expect(await one(dataSource, `SELECT count(*)::int FROM support_worker WHERE NOT active`)).toBeLessThan(12);
  });

  it('gives each person lived experience and interests as the population notes say, anxiety the most common', async () => {
    const perPerson: { kind: string; min: number; max: number }[] = await dataSource.query(
      `SELECT kind, min(n)::int AS min, max(n)::int AS max FROM (
         SELECT t.kind, pt.peer_id AS owner, count(*) AS n FROM peer_tag pt JOIN tag t ON t.id = pt.tag_id GROUP BY 1, 2
         UNION ALL
         SELECT t.kind, st.support_worker_id, count(*) FROM support_worker_tag st JOIN tag t ON t.id = st.tag_id GROUP BY 1, 2
       ) AS counted GROUP BY kind`,
    );
    const range = Object.fromEntries(perPerson.map((row) => [row.kind, [row.min, row.max]]));
    expect(range.LIVED_EXPERIENCE[0]).toBeGreaterThanOrEqual(1);
    expect(range.LIVED_EXPERIENCE[1]).toBeLessThanOrEqual(3);
    expect(range.INTEREST[0]).toBeGreaterThanOrEqual(2);
    expect(range.INTEREST[1]).toBeLessThanOrEqual(5);
    expect(range.CULTURE).toEqual([1, 1]);
    const shares: { family: string; share: number }[] = await dataSource.query(
      `SELECT coalesce(parent.slug, t.slug) AS family, count(*)::float / sum(count(*)) OVER () AS share
         FROM peer_tag pt JOIN tag t ON t.id = pt.tag_id LEFT JOIN tag parent ON parent.id = t.parent_id
        WHERE t.kind = 'LIVED_EXPERIENCE' GROUP BY 1 ORDER BY 2 DESC`,
    );
    expect(shares[0].family).toBe('anxiety');
    expect(shares[0].share).toBeGreaterThan(0.3);
    expect(shares[0].share).toBeLessThan(0.5);
    const withCulture = await one(
      dataSource,
      `SELECT avg((EXISTS (SELECT 1 FROM peer_tag pt JOIN tag t ON t.id = pt.tag_id
                            WHERE pt.peer_id = p.id AND t.kind = 'CULTURE'))::int)::float FROM peer p`,
    );
    expect(withCulture).toBeGreaterThan(0.3);
    expect(withCulture).toBeLessThan(0.5);
  });

  it('leaves some peers asking, owed a recompute; matches others within capacity; the rest have neither', async () => {
    const asking = await one(dataSource, `SELECT count(*)::int FROM match_request WHERE status = 'PENDING'`);
    expect(asking).toBe(seeded.openRequests);
    expect(asking).toBeGreaterThan(50);
    // Owed through recompute_due, one row per asking peer, as a running service's consumers take them.
    expect(
      await one(
        dataSource,
        `SELECT count(*)::int FROM recompute_due d JOIN match_request r ON r.peer_id = d.peer_id AND r.status = 'PENDING'`,
      ),
    ).toBe(asking);
    expect(await one(dataSource, `SELECT count(*)::int FROM recompute_due`)).toBe(asking);

    const matched = await one(dataSource, `SELECT count(*)::int FROM match WHERE status = 'ACTIVE'`);
    expect(matched).toBe(seeded.activeMatches);
    expect(matched).toBeGreaterThan(50);
    const overCapacity = await one(
      dataSource,
      `SELECT count(*)::int FROM support_worker w
        WHERE (SELECT count(*) FROM match m WHERE m.support_worker_id = w.id AND m.status = 'ACTIVE') > w.capacity`,
    );
    expect(overCapacity).toBe(0);
    // Each match came from an accepted suggestion of an accepted request, with a worker the peer shares a language
    // with, explained as the pages read it (a code beside each sentence).
    const inconsistent = await one(
      dataSource,
      `SELECT count(*)::int FROM match m
         JOIN suggestion s ON s.id = m.suggestion_id JOIN match_request r ON r.id = s.request_id
         JOIN peer p ON p.id = m.peer_id JOIN support_worker w ON w.id = m.support_worker_id
        WHERE s.status <> 'ACCEPTED' OR r.status <> 'ACCEPTED' OR s.support_worker_id <> m.support_worker_id
           OR s.peer_id <> m.peer_id OR jsonb_array_length(s.breakdown) = 0 OR NOT (p.languages && w.languages)
           OR jsonb_array_length(s.explained) <> jsonb_array_length(s.reasons) OR jsonb_array_length(s.reasons) = 0
           OR m.started_at < p.created_at OR NOT w.active`,
    );
    expect(inconsistent).toBe(0);
    const neither = await one(
      dataSource,
      `SELECT count(*)::int FROM peer p WHERE NOT EXISTS (SELECT 1 FROM match_request r WHERE r.peer_id = p.id)`,
    );
    expect(neither).toBe(300 - asking - matched);
    expect(neither).toBeGreaterThan(50);
  });

  it('records consent for every peer, given by most and not all', async () => {
    const given = await one(dataSource, `SELECT avg(consent_use_lived_experience_for_matching::int)::float FROM peer`);
    expect(given).toBeGreaterThan(0.7);
    expect(given).toBeLessThan(0.97);
    expect(
      await one(
        dataSource,
        `SELECT count(*)::int FROM peer p JOIN consent_record c ON c.peer_id = p.id
          WHERE c.use_lived_experience_for_matching = p.consent_use_lived_experience_for_matching`,
      ),
    ).toBe(300);
  });

  it('places everyone at a real suburb within about 40 km of Sydney, under a name given once', async () => {
    const people: { name: string; latitude: number; longitude: number }[] = await dataSource.query(
      `SELECT display_name AS name, latitude, longitude FROM peer
       UNION ALL SELECT display_name, latitude, longitude FROM support_worker`,
    );
    const suburbs = sydneySuburbs();
    for (const person of people) {
      expect(distanceKm(SYDNEY.latitude, SYDNEY.longitude, person.latitude, person.longitude)).toBeLessThan(41);
      const nearest = Math.min(
        ...suburbs.map((suburb) => distanceKm(suburb.latitude, suburb.longitude, person.latitude, person.longitude)),
      );
      expect(nearest).toBeLessThan(1);
      expect(person.name).toMatch(/^\S.* \S+$/);
    }
    expect(new Set(people.map((person) => person.name)).size).toBe(350);
  });

  it('doubles nothing when run again', async () => {
    const before = await rowCounts(dataSource);
    const again = await seedDemo(dataSource, DEVELOPMENT);
    expect(again).toEqual({ ...seeded, seeded: false });
    expect(await rowCounts(dataSource)).toEqual(before);
  });

  it('offers demo peers in different states, demo workers, intake and an administrator to sign in as', async () => {
    const signIns = await demoSignIns(dataSource);
    expect(signIns.map((signIn) => signIn.role)).toEqual([
      'PEER',
      'PEER',
      'PEER',
      'SUPPORT_WORKER',
      'SUPPORT_WORKER',
      'INTAKE',
      'ADMIN',
    ]);
    const [choosing, matched, fresh, busy, withRoom] = signIns;
    expect(choosing.label).toMatch(/, peer waiting for suggestions$/);
    expect(matched.label).toMatch(/, peer matched with \S+ \S+/);
    expect(fresh.label).toMatch(/, peer who has not asked for a match yet$/);
    expect(busy.label).toMatch(/, support worker with [1-9]\d* active match/);
    expect(withRoom.label).toMatch(/room for \d+ more$/);
    const peerIds = signIns.flatMap((signIn) => signIn.peerId ?? []);
    const workerIds = signIns.flatMap((signIn) => signIn.supportWorkerId ?? []);
    expect(await one(dataSource, `SELECT count(*)::int FROM peer WHERE id = ANY('{${peerIds}}'::uuid[])`)).toBe(3);
    expect(
      await one(dataSource, `SELECT count(*)::int FROM support_worker WHERE id = ANY('{${workerIds}}'::uuid[])`),
    ).toBe(2);
  });

  // Last: the service's consumer takes the work owed, and its app is closed with the database.
  it('owes suggestions that a running service computes, and the peer choosing then has them', async () => {
    const t = await startTestApp({ database });
    try {
      await t.app.get(SweeperService).sweep();
      await waitForJobs(t.app, 40_000);
      expect(await one(dataSource, `SELECT count(*)::int FROM match_request WHERE status = 'PENDING'`)).toBe(0);
      expect(await one(dataSource, `SELECT count(*)::int FROM match_request WHERE status = 'READY'`)).toBeGreaterThan(
        seeded.openRequests - 5,
      );
      const [choosing] = await demoSignIns(dataSource);
      expect(choosing.label).toMatch(/, peer choosing from 5 suggestions$/);
    } finally {
      await t.app.close();
    }
  });
});

describe('seeding refuses', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = await connect(database);
  });
  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('in production, in one line, writing nothing', async () => {
    const refused = seedDemo(dataSource, { NODE_ENV: 'production' });
    await expect(refused).rejects.toThrow(DemoSeedRefusal);
    await expect(refused).rejects.toThrow(/^Refusing to seed demo people with NODE_ENV=production[^\n]*$/);
    expect(await one(dataSource, `SELECT count(*)::int FROM peer`)).toBe(0);
  });

  it('on a database holding a peer it did not make, in one line, writing nothing', async () => {
    await dataSource.query(
      `INSERT INTO peer (display_name, languages, modes) VALUES ('Someone real', '{en}', '{PHONE}')`,
    );
    const refused = seedDemo(dataSource, DEVELOPMENT);
    await expect(refused).rejects.toThrow(DemoSeedRefusal);
    await expect(refused).rejects.toThrow(
      /^Refusing to seed demo people: the database holds 1 peer\(s\) or support worker\(s\) that are not demo records[^\n]*$/,
    );
    expect(await rowCounts(dataSource)).toMatchObject({ peer: 1, support_worker: 0, demo_record: 0 });
  });

  it('on demo people beside a record it did not make', async () => {
    await seedDemo(dataSource, DEVELOPMENT);
    await dataSource.query(
      `INSERT INTO support_worker (display_name, languages, modes, capacity) VALUES ('Someone real', '{en}', '{PHONE}', 4)`,
    );
    await expect(seedDemo(dataSource, DEVELOPMENT)).rejects.toThrow(
      /1 peer\(s\) or support worker\(s\) that are not demo/,
    );
  });
});
