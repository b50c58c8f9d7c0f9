import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { makePeer, makeSupportWorker } from './support/factories';
import { freePort } from './support/free-port';
import { JobName } from '../src/matching/jobs/queue-names';
import { eventually, interactiveQueue, matchingQueue } from './support/queue';
import { ServiceProcess, startServiceProcess } from './support/service-process';
import { startTestApp } from './support/test-app';

jest.setTimeout(90_000);

const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id status } }`;
const SWEEP_INTERVAL_MS = 1000;
const PENDING_REQUEUE_AFTER_MS = 2000;
const PROMISED_MS = PENDING_REQUEUE_AFTER_MS + 2 * SWEEP_INTERVAL_MS;
// The recompute itself and the polling that sees it, on a machine shared with other test files.
const MARGIN_MS = 1500;

/** Where the queue keeps its data, and a way to lose all of it. */
interface QueueStore {
  loseEverything(): Promise<void>;
  dispose(): void;
}

/** A Redis of this test's own, so that emptying it touches no other test file's queue. */
async function ownRedis(): Promise<QueueStore & { url: string }> {
  const port = await freePort();
  // No persistence: emptied, it is what a Redis restarted without its data comes back as.
  const server: ChildProcess = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const cli = (...args: string[]) => spawnSync('redis-cli', ['-p', String(port), ...args]).stdout?.toString() ?? '';
  await eventually(async () => cli('ping').includes('PONG'), 'redis');
  return {
    url: `redis://127.0.0.1:${port}`,
    loseEverything: async () => expect(cli('flushall')).toContain('OK'),
    dispose: () => void server.kill('SIGKILL'),
  };
}

/** The PostgreSQL backend keeps the queue in the bullmq schema; all of it but the migration ledger goes. */
function postgresQueueStore(query: (sql: string) => Promise<{ tablename: string }[]>): QueueStore {
  return {
    loseEverything: async () => {
      const tables = await query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'bullmq' AND tablename <> 'migration'`,
      );
      expect(tables.map((table) => table.tablename)).toEqual(expect.arrayContaining(['job', 'scheduler', 'meta']));
      await query(`TRUNCATE ${tables.map((table) => `bullmq."${table.tablename}"`).join(', ')} CASCADE`);
    },
    dispose: () => undefined,
  };
}

describe('the queue losing its data while requests wait', () => {
  it('brings them to READY within PENDING_REQUEUE_AFTER_MS + 2 x SWEEP_INTERVAL_MS, the consumer still running', async () => {
    const redis = process.env.REDIS_URL ? await ownRedis() : undefined;
    // This process serves the API only; the queue is consumed by a worker process that runs throughout.
    const t = await startTestApp({ role: 'api', redisUrl: redis?.url ?? null });
    const store = redis ?? postgresQueueStore((sql) => t.dataSource.query(sql));
    const queue = matchingQueue(t.app);
    const interactive = interactiveQueue(t.app);
    let consumer: ServiceProcess | undefined;
    try {
      const intake = await t.tokenFor({ role: 'INTAKE' });
      await makeSupportWorker(t);
      const peers = [];
      for (let i = 0; i < 3; i++) peers.push(await makePeer(t));

      consumer = startServiceProcess({
        APP_ROLE: 'worker',
        DATABASE_URL: t.database.url,
        REDIS_URL: redis?.url,
        QUEUE_PREFIX: t.queuePrefix,
        SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_MS),
        PENDING_REQUEUE_AFTER_MS: String(PENDING_REQUEUE_AFTER_MS),
        LOG_LEVEL: 'warn',
      });
      await eventually(() => queue.getJobScheduler('sweeper'), 'the consumer to schedule the sweep', 45_000);

      // Held, so that the requests' jobs are still waiting when the data goes. The pause is part
      // of that data: had it survived, nothing would reach READY and the test could not pass.
      await queue.pause();
      await interactive.pause();
      const requestIds: string[] = [];
      for (const peer of peers) {
        const response = await t.gql<{ requestMatch: { id: string; status: string } }>(
          REQUEST,
          { peerId: peer.id },
          intake,
        );
        expect(response.data?.requestMatch.status).toBe('PENDING');
        requestIds.push(response.data!.requestMatch.id);
      }
      const held = await interactive.getJobs(['waiting', 'prioritized']);
      // At least a wake-up per request (a sweep that ran as the queues paused may have added one:
      // wake-ups carry nothing, so a spare one is harmless).
      expect(held.filter((job) => job.name === JobName.RECOMPUTE_BATCH).length).toBeGreaterThanOrEqual(peers.length);
      // What is owed is in PostgreSQL, beside the data: only the jobs that wake consumers go.
      const [{ due }] = await t.dataSource.query(`SELECT count(*)::int AS due FROM recompute_due`);
      expect(due).toBe(peers.length);

      await store.loseEverything();
      const lostAt = Date.now();
      expect(await queue.isPaused()).toBe(false);
      expect(await interactive.isPaused()).toBe(false);

      const ready = async () => {
        const rows: { count: number }[] = await t.dataSource.query(
          `SELECT count(*)::int AS count FROM match_request WHERE id = ANY($1) AND status = 'READY'`,
          [requestIds],
        );
        return rows[0].count === requestIds.length;
      };
      await eventually(ready, 'every request to reach READY', 20_000).catch((error: Error) => {
        throw new Error(`${error.message}; consumer output:\n${consumer?.output()}`);
      });
      expect(Date.now() - lostAt).toBeLessThanOrEqual(PROMISED_MS + MARGIN_MS);
      expect(consumer.child.exitCode).toBeNull();
      // The schedule is back for whatever goes missing next.
      expect(await queue.getJobScheduler('sweeper')).toMatchObject({ every: SWEEP_INTERVAL_MS });
    } finally {
      consumer?.child.kill('SIGKILL');
      await consumer?.exited;
      await t.close();
      store.dispose();
    }
  });
});
