import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { signDevelopmentToken } from '../src/common/auth/development-token';
import { DEVELOPMENT_JWT_SECRET, Environment } from '../src/config/environment';
import { autoSeed } from '../src/demo/auto-seed';
import { freePort } from './support/free-port';
import { startServiceProcess, waitUntilReady } from './support/service-process';
import { createTestDatabase, TestDatabase } from './support/test-database';

async function peerCount(dataSource: DataSource): Promise<number> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM peer`);
  return count;
}

describe('a first npm start on an empty embedded database', () => {
  jest.setTimeout(120_000);

  it('seeds demo people and says so in one line, naming no one’s health', async () => {
    const home = await mkdtemp(join(tmpdir(), 'peermatch-demo-start-'));
    await chmod(home, 0o755); // the database runs as the postgres user, who must reach its directory
    const [port, databasePort] = [await freePort(), await freePort()];
    // DEMO_SEED as a developer leaves it: unset.
    const started = startServiceProcess({
      PORT: String(port),
      EMBEDDED_DB_DIR: join(home, 'postgres'),
      EMBEDDED_DB_PORT: String(databasePort),
      DEMO_SEED: undefined,
    });
    try {
      await waitUntilReady(port, started);
      const messages = started
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { msg: string }).msg);
      const seeded = messages.filter((message) => /demo/.test(message));
      expect(seeded).toEqual([
        expect.stringMatching(/^Seeded 300 demo peers .* 50 demo support workers .*DEMO_SEED=off/),
      ]);

      const token = await signDevelopmentToken(DEVELOPMENT_JWT_SECRET, { role: 'INTAKE' });
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ peers { totalCount } supportWorkers { totalCount } }' }),
      }).then(
        (r) => r.json() as Promise<{ data: { peers: { totalCount: number }; supportWorkers: { totalCount: number } } }>,
      );
      expect(response.data).toEqual({ peers: { totalCount: 300 }, supportWorkers: { totalCount: 50 } });
      expect(started.output()).not.toMatch(/anxiety|depression|psychosis|bipolar|ptsd|substance|eating|grief/i);
    } finally {
      started.child.kill('SIGTERM');
      await started.exited;
      await rm(home, { recursive: true, force: true });
    }
  });
});

describe('the seed on a first start', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const start: Pick<Environment, 'DEMO_SEED' | 'NODE_ENV' | 'DATABASE_URL'> = {
    DEMO_SEED: 'on',
    NODE_ENV: 'development',
    DATABASE_URL: undefined,
  };

  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: database.url, poolSize: 2 }).initialize();
  });
  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('seeds an empty database once, and never one with people in it or a DATABASE_URL', async () => {
    expect(await autoSeed(database.url, { ...start, DATABASE_URL: database.url })).toBeUndefined();
    expect(await autoSeed(database.url, { ...start, DEMO_SEED: 'off' })).toBeUndefined();
    expect(await peerCount(dataSource)).toBe(0);

    expect(await autoSeed(database.url, start)).toMatchObject({ seeded: true, peers: 300, supportWorkers: 50 });
    expect(await autoSeed(database.url, start)).toBeUndefined();
    expect(await peerCount(dataSource)).toBe(300);
  });

  it('leaves a database holding someone as it is', async () => {
    await dataSource.query(
      `INSERT INTO peer (display_name, languages, modes) VALUES ('Someone real', '{en}', '{PHONE}')`,
    );
    expect(await autoSeed(database.url, start)).toBeUndefined();
    expect(await peerCount(dataSource)).toBe(1);
  });
});
