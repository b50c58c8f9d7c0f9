import { DataSource, EntityManager } from 'typeorm';
import { retryingTransaction } from '../common/database/retrying-transaction';
import { Environment } from '../config/environment';
import { PeerProfile, TagInfo, TaxonomyIndex, WorkerProfile } from '../matching/core';
import { RecomputeDueStore } from '../matching/engine/recompute-due';
import { pickFeatures } from './demo-features';
import { DemoMatch, planMatches } from './demo-matches';
import { daysAgo, DemoPeer, demoPopulation, DemoWorker } from './demo-population';

/** The seed cannot run here; the message says why and what to do instead, in one line. */
export class DemoSeedRefusal extends Error {}

export interface DemoSeedResult {
  /** False: the demo people were there already, and nothing was written. */
  seeded: boolean;
  peers: number;
  supportWorkers: number;
  openRequests: number;
  activeMatches: number;
}

/** Any constant of this project's own: two seeds at once (an API and a consumer starting) take turns. */
const SEED_LOCK = 720_310_002;
const RECORDED_BY = { subject: 'demo seed', role: 'SYSTEM', operation: 'seed:demo' };

interface TagRow {
  id: string;
  slug: string;
  kind: TagInfo['kind'];
  parent_id: string | null;
  label: string;
}

/** One statement per table, whatever the number of rows: the rows go as one JSON parameter. */
async function insert(
  manager: EntityManager,
  table: string,
  columns: Record<string, string>,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (!rows.length) return;
  const names = Object.keys(columns);
  await manager.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${names.map((name) => `${name} ${columns[name]}`).join(', ')})`,
    [JSON.stringify(rows)],
  );
}

async function counts(manager: EntityManager): Promise<{ others: number; demo: number }> {
  const [row]: { others: number; demo: number }[] = await manager.query(
    `SELECT (SELECT count(*) FROM peer p WHERE NOT EXISTS (SELECT 1 FROM demo_record d WHERE d.peer_id = p.id))::int
          + (SELECT count(*) FROM support_worker w
              WHERE NOT EXISTS (SELECT 1 FROM demo_record d WHERE d.support_worker_id = w.id))::int AS others,
            (SELECT count(*) FROM demo_record)::int AS demo`,
  );
  return row;
}

async function present(manager: EntityManager): Promise<DemoSeedResult> {
  const [row]: Omit<DemoSeedResult, 'seeded'>[] = await manager.query(
    `SELECT count(d.peer_id)::int AS peers, count(d.support_worker_id)::int AS "supportWorkers",
            (SELECT count(*) FROM match_request r JOIN demo_record d ON d.peer_id = r.peer_id
              WHERE r.status IN ('PENDING', 'READY', 'NO_CANDIDATES'))::int AS "openRequests",
            (SELECT count(*) FROM match m JOIN demo_record d ON d.peer_id = m.peer_id
              WHERE m.status = 'ACTIVE')::int AS "activeMatches"
       FROM demo_record d`,
  );
  return { seeded: false, ...row };
}

/** The generated profiles name tags by slug; the core and the tables use the tags' ids. */
function withTagIds<P extends PeerProfile | WorkerProfile>(
  profile: P,
  tagId: (kind: string, slug: string) => string,
): P {
  return {
    ...profile,
    livedExperienceIds: profile.livedExperienceIds.map((slug) => tagId('LIVED_EXPERIENCE', slug)),
    interestIds: profile.interestIds.map((slug) => tagId('INTEREST', slug)),
    cultureIds: profile.cultureIds.map((slug) => tagId('CULTURE', slug)),
  };
}

function profileRow(person: DemoWorker | DemoPeer, now: Date) {
  const { profile } = person;
  const registered = daysAgo(now, person.registeredDaysAgo).toISOString();
  return {
    id: profile.id,
    display_name: person.displayName,
    gender: profile.gender,
    birth_year: profile.birthYear,
    languages: profile.languages,
    modes: profile.modes,
    latitude: profile.location?.latitude ?? null,
    longitude: profile.location?.longitude ?? null,
    availability: profile.availability ?? null,
    created_at: registered,
    updated_at: registered,
  };
}

const PROFILE_COLUMNS = {
  id: 'uuid',
  display_name: 'varchar',
  gender: 'gender',
  birth_year: 'smallint',
  languages: 'varchar(2)[]',
  modes: 'support_mode[]',
  latitude: 'float8',
  longitude: 'float8',
  availability: 'integer',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

const tagRows = (owner: string, people: readonly { profile: PeerProfile | WorkerProfile }[]) =>
  people.flatMap(({ profile }) =>
    [...profile.livedExperienceIds, ...profile.interestIds, ...profile.cultureIds].map((tag) => ({
      [owner]: profile.id,
      tag_id: tag,
    })),
  );

/**
 * The people, in one transaction: support workers, then peers in id order with their tags and
 * consents, then requests, the suggestions matches were accepted from, the matches, the demo
 * records, and last the peers owed a recompute, in id order (the order every writer of many
 * peers takes). Only new rows are written, so no row another writer holds is waited for.
 */
async function write(manager: EntityManager, now: Date): Promise<DemoSeedResult> {
  const tags: TagRow[] = await manager.query(`SELECT id, slug, kind, parent_id, label FROM tag`);
  const tagIds = new Map(tags.map((tag) => [`${tag.kind}:${tag.slug}`, tag.id]));
  const tagId = (kind: string, slug: string) => tagIds.get(`${kind}:${slug}`)!;
  const taxonomy = new TaxonomyIndex(
    tags.map((tag) => ({ id: tag.id, kind: tag.kind, parentId: tag.parent_id, label: tag.label })),
  );
  const population = demoPopulation();
  const workers = population.workers.map((worker) => ({ ...worker, profile: withTagIds(worker.profile, tagId) }));
  const peers = population.peers
    .map((peer) => ({ ...peer, profile: withTagIds(peer.profile, tagId) }))
    .sort((a, b) => (a.profile.id < b.profile.id ? -1 : 1));

  const matches = planMatches(
    peers.filter((peer) => peer.plan === 'match').map((peer) => peer.profile),
    workers.map((worker) => worker.profile),
    taxonomy,
  );
  const matchOf = new Map<string, DemoMatch>(matches.map((match) => [match.peerId, match]));
  // A peer who wanted a match that no worker fits is still asking.
  const asking = peers.filter(
    (peer) => peer.plan === 'request' || (peer.plan === 'match' && !matchOf.has(peer.profile.id)),
  );
  const askingIds = new Set(asking.map((peer) => peer.profile.id));
  const features = pickFeatures(workers, peers, matches, askingIds);

  await insert(
    manager,
    'support_worker',
    { ...PROFILE_COLUMNS, service_radius_km: 'float8', capacity: 'smallint', active: 'boolean' },
    workers.map((worker) => ({
      ...profileRow(worker, now),
      service_radius_km: worker.profile.serviceRadiusKm,
      capacity: worker.profile.capacity,
      active: worker.profile.active,
    })),
  );
  await insert(
    manager,
    'support_worker_tag',
    { support_worker_id: 'uuid', tag_id: 'uuid' },
    tagRows('support_worker_id', workers),
  );
  await insert(
    manager,
    'peer',
    {
      ...PROFILE_COLUMNS,
      max_distance_km: 'float8',
      preferences: 'jsonb',
      consent_use_lived_experience_for_matching: 'boolean',
      consent_share_lived_experience_with_workers: 'boolean',
    },
    peers.map((peer) => ({
      ...profileRow(peer, now),
      max_distance_km: peer.profile.maxDistanceKm,
      preferences: {
        workerGenders: peer.profile.workerGenders,
        importance: Object.entries(peer.profile.importance).map(([factor, importance]) => ({ factor, importance })),
      },
      consent_use_lived_experience_for_matching: peer.profile.consent.useLivedExperienceForMatching,
      consent_share_lived_experience_with_workers: peer.profile.consent.shareLivedExperienceWithWorkers,
    })),
  );
  await insert(manager, 'peer_tag', { peer_id: 'uuid', tag_id: 'uuid' }, tagRows('peer_id', peers));
  await insert(
    manager,
    'consent_record',
    {
      peer_id: 'uuid',
      use_lived_experience_for_matching: 'boolean',
      share_lived_experience_with_workers: 'boolean',
      recorded_at: 'timestamptz',
      recorded_by_subject: 'varchar',
      recorded_by_role: 'varchar',
      operation: 'varchar',
    },
    peers.map((peer) => ({
      peer_id: peer.profile.id,
      use_lived_experience_for_matching: peer.profile.consent.useLivedExperienceForMatching,
      share_lived_experience_with_workers: peer.profile.consent.shareLivedExperienceWithWorkers,
      recorded_at: daysAgo(now, peer.registeredDaysAgo).toISOString(),
      recorded_by_subject: RECORDED_BY.subject,
      recorded_by_role: RECORDED_BY.role,
      operation: RECORDED_BY.operation,
    })),
  );

  // Asked days ago, as the requests say; what they are owed is recorded below.
  const requests = [
    ...asking.map((peer) => ({ peer, status: 'PENDING', at: daysAgo(now, peer.actedDaysAgo) })),
    ...peers
      .filter((peer) => matchOf.has(peer.profile.id))
      // The suggestion was accepted a day or two after the request.
      .map((peer) => ({ peer, status: 'ACCEPTED', at: daysAgo(now, peer.actedDaysAgo + 1.5) })),
  ];
  const requestIds: { id: string; peer_id: string }[] = await manager.query(
    `INSERT INTO match_request (peer_id, status, created_at, updated_at)
     SELECT peer_id, status, at, at FROM jsonb_to_recordset($1::jsonb)
         AS r(peer_id uuid, status match_request_status, at timestamptz)
     RETURNING id, peer_id`,
    [
      JSON.stringify(
        requests.map(({ peer, status, at }) => ({ peer_id: peer.profile.id, status, at: at.toISOString() })),
      ),
    ],
  );
  const requestOf = new Map(requestIds.map((row) => [row.peer_id, row.id]));
  const startedAt = (peerId: string) => daysAgo(now, peers.find((peer) => peer.profile.id === peerId)!.actedDaysAgo);
  const suggestionIds: { id: string; peer_id: string }[] = await manager.query(
    `INSERT INTO suggestion (request_id, peer_id, support_worker_id, rank, score, status, reasons, explained, breakdown,
                             weights, created_at, updated_at)
     SELECT request_id, peer_id, support_worker_id, 1, score, 'ACCEPTED', reasons, explained, breakdown, weights,
            created_at, at
       FROM jsonb_to_recordset($1::jsonb) AS r(request_id uuid, peer_id uuid, support_worker_id uuid, score float8,
            reasons jsonb, explained jsonb, breakdown jsonb, weights jsonb, created_at timestamptz, at timestamptz)
     RETURNING id, peer_id`,
    [
      JSON.stringify(
        matches.map((match) => ({
          request_id: requestOf.get(match.peerId),
          peer_id: match.peerId,
          support_worker_id: match.workerId,
          score: match.explanation.score,
          reasons: match.explanation.reasons,
          explained: match.explanation.explained,
          breakdown: match.explanation.breakdown,
          weights: match.weights,
          created_at: daysAgo(startedAt(match.peerId), 1.5).toISOString(),
          at: startedAt(match.peerId).toISOString(),
        })),
      ),
    ],
  );
  const suggestionOf = new Map(suggestionIds.map((row) => [row.peer_id, row.id]));
  await insert(
    manager,
    'match',
    { peer_id: 'uuid', support_worker_id: 'uuid', suggestion_id: 'uuid', started_at: 'timestamptz' },
    matches.map((match) => ({
      peer_id: match.peerId,
      support_worker_id: match.workerId,
      suggestion_id: suggestionOf.get(match.peerId),
      started_at: startedAt(match.peerId).toISOString(),
    })),
  );
  await insert(manager, 'demo_record', { peer_id: 'uuid', support_worker_id: 'uuid', feature: 'varchar' }, [
    ...workers.map(({ profile }) => ({ support_worker_id: profile.id, feature: features.get(profile.id) ?? null })),
    ...peers.map(({ profile }) => ({ peer_id: profile.id, feature: features.get(profile.id) ?? null })),
  ]);
  await new RecomputeDueStore(manager.connection).mark([...askingIds], 'background', { manager });
  // Owed since the peer asked: a running service's next sweep wakes work left waiting that long.
  await manager.query(
    `UPDATE recompute_due d SET due_since = r.created_at
       FROM match_request r WHERE r.peer_id = d.peer_id AND r.status = 'PENDING' AND d.peer_id = ANY($1::uuid[])`,
    [[...askingIds]],
  );
  return {
    seeded: true,
    peers: peers.length,
    supportWorkers: workers.length,
    openRequests: asking.length,
    activeMatches: matches.length,
  };
}

/** Demo people have no place beside a service's real records, nor in the configuration that serves them. */
export function refuseInProduction(environment: Pick<Environment, 'NODE_ENV'>): void {
  if (environment.NODE_ENV === 'production') {
    throw new DemoSeedRefusal(
      'Refusing to seed demo people with NODE_ENV=production: demo data is for development only',
    );
  }
}

/**
 * Fills the database with the demo service's people, or leaves it as it is when they are there
 * already. Refuses in production, and on a database holding any peer or support worker it did
 * not make: demo people are never mixed with real ones.
 */
export async function seedDemo(
  dataSource: DataSource,
  environment: Pick<Environment, 'NODE_ENV'>,
  now = new Date(),
): Promise<DemoSeedResult> {
  refuseInProduction(environment);
  return retryingTransaction(dataSource, async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const { others, demo } = await counts(manager);
    if (others > 0) {
      throw new DemoSeedRefusal(
        `Refusing to seed demo people: the database holds ${others} peer(s) or support worker(s) that are not demo records; ` +
          'seed an empty database (another EMBEDDED_DB_DIR or DATABASE_URL)',
      );
    }
    if (demo > 0) return present(manager);
    return write(manager, now);
  });
}
