import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePeer, makeSupportWorker } from './support/factories';
import { freePort } from './support/free-port';
import { eventually } from './support/queue';
import { ServiceProcess, startServiceProcess } from './support/service-process';
import { startTestApp } from './support/test-app';

jest.setTimeout(180_000);

const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id status } }`;

async function statusCounts(query: (sql: string) => Promise<{ status: string; count: number }[]>) {
  const rows = await query(`SELECT status, count(*)::int AS count FROM match_request GROUP BY status`);
  return Object.fromEntries(rows.map((row) => [row.status, row.count])) as Record<string, number>;
}

describe('a consumer process killed mid-job', () => {
  it('loses no request: another consumer brings every one to READY', async () => {
    // This process serves the API only; the queue is consumed by separate worker processes.
    const t = await startTestApp({ role: 'api' });
    const workerEnv = {
      APP_ROLE: 'worker',
      DATABASE_URL: t.database.url,
      REDIS_URL: process.env.REDIS_URL,
      QUEUE_PREFIX: t.queuePrefix,
      WORKER_CONCURRENCY: '1',
      // Batches of two: the consumer is killed with peers claimed and not yet written.
      RECOMPUTE_BATCH_SIZE: '2',
      // A dead consumer's job and claim are taken back after this long.
      JOB_LOCK_MS: '1000',
      PENDING_REQUEUE_AFTER_MS: '2000',
      SWEEP_INTERVAL_MS: '1000',
      LOG_LEVEL: 'warn',
    };
    let consumer: ServiceProcess | undefined;
    const heartbeatDir = mkdtempSync(join(tmpdir(), 'peermatch-heartbeat-'));
    try {
      const intake = await t.tokenFor({ role: 'INTAKE' });
      for (let i = 0; i < 150; i++) await makeSupportWorker(t, { interests: ['music', 'art'] });
      const peers = [];
      for (let i = 0; i < 120; i++) peers.push(await makePeer(t, { interests: ['music'] }));
      for (const peer of peers) await t.gql(REQUEST, { peerId: peer.id }, intake);
      const counts = () => statusCounts((sql) => t.dataSource.query(sql));

      consumer = startServiceProcess(workerEnv);
      await eventually(async () => ((await counts()).READY ?? 0) >= 5, 'the first consumer to make progress', 60_000);
      consumer.child.kill('SIGKILL');
      await consumer.exited;
      const afterKill = await counts();
      expect(afterKill.PENDING).toBeGreaterThan(0);

      const heartbeat = join(heartbeatDir, 'worker.heartbeat');
      consumer = startServiceProcess({ ...workerEnv, HEARTBEAT_FILE: heartbeat });
      await eventually(
        async () => (await counts()).READY === peers.length,
        'every request to reach READY',
        90_000,
      ).catch(async (error: Error) => {
        const due = await t.dataSource.query(
          `SELECT urgency, claim IS NOT NULL AS claimed, count(*)::int FROM recompute_due GROUP BY 1, 2`,
        );
        throw new Error(`${error.message}: ${JSON.stringify({ counts: await counts(), due })}\n${consumer?.output()}`);
      });
      // The running consumer says it is alive, for a container health check.
      expect(Date.now() - statSync(heartbeat).mtimeMs).toBeLessThan(30_000);

      // A consumer told to stop finishes what it is doing and exits cleanly.
      consumer.child.kill('SIGTERM');
      // What the consumer said, should the stop take longer than its grace period allows.
      const slowStop = setTimeout(() => console.warn(`Stopping slowly:\n${consumer?.output().slice(-3000)}`), 20_000);
      expect(await consumer.exited).toBe(0);
      clearTimeout(slowStop);
    } finally {
      consumer?.child.kill('SIGKILL');
      rmSync(heartbeatDir, { recursive: true, force: true });
      await t.close();
    }
  });
});

/** Makes the queue unreachable for the app under test, then reachable again. */
interface Outage {
  begin(): Promise<void>;
  end(): Promise<void>;
  dispose(): void;
}

function postgresQueueOutage(query: (sql: string) => Promise<unknown>): Outage {
  return {
    begin: async () => void (await query('ALTER SCHEMA bullmq RENAME TO bullmq_unreachable')),
    end: async () => void (await query('ALTER SCHEMA bullmq_unreachable RENAME TO bullmq')),
    dispose: () => undefined,
  };
}

function redisOutage(port: number): Outage {
  // Persistence on, as in production: the queue's content survives the restart.
  const dir = mkdtempSync(join(tmpdir(), 'peermatch-redis-'));
  const start = () =>
    spawn('redis-server', ['--port', String(port), '--dir', dir, '--appendonly', 'yes', '--save', ''], {
      stdio: 'ignore',
      detached: false,
    });
  let server = start();
  const waitForPing = () =>
    eventually(
      async () =>
        spawnSync('redis-cli', ['-p', String(port), 'ping'])
          .stdout?.toString()
          .includes('PONG'),
      'redis',
    );
  return {
    begin: async () => {
      await waitForPing();
      spawnSync('redis-cli', ['-p', String(port), 'shutdown']);
      await new Promise((resolve) => server.once('exit', resolve));
    },
    end: async () => {
      server = start();
      await waitForPing();
    },
    dispose: () => {
      server.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('the queue unreachable while a match is requested', () => {
  it('stores the request at once, and brings it to READY once the queue is back', async () => {
    const redisPort = process.env.REDIS_URL ? await freePort() : undefined;
    const redis = redisPort ? redisOutage(redisPort) : undefined;
    const t = await startTestApp({
      redisUrl: redisPort ? `redis://127.0.0.1:${redisPort}` : null,
      env: { SWEEP_INTERVAL_MS: '500', PENDING_REQUEUE_AFTER_MS: '0' },
    });
    const outage = redis ?? postgresQueueOutage((sql) => t.dataSource.query(sql));
    try {
      const intake = await t.tokenFor({ role: 'INTAKE' });
      await makeSupportWorker(t);
      const peer = await makePeer(t);
      await outage.begin();

      const started = Date.now();
      const response = await t.gql<{ requestMatch: { id: string; status: string } }>(
        REQUEST,
        { peerId: peer.id },
        intake,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.requestMatch.status).toBe('PENDING');
      expect(Date.now() - started).toBeLessThan(5000);
      const [{ status }] = await t.dataSource.query(`SELECT status FROM match_request WHERE id = $1`, [
        response.data!.requestMatch.id,
      ]);
      expect(status).toBe('PENDING');

      await outage.end();
      await eventually(
        async () =>
          (
            await t.dataSource.query(`SELECT status FROM match_request WHERE id = $1`, [response.data!.requestMatch.id])
          )[0].status === 'READY',
        'the request to reach READY',
        30_000,
      );
    } finally {
      await t.close();
      outage.dispose();
    }
  });
});
