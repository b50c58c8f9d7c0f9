/**
 * Seeds W support workers and P peers with open requests into a fresh database, enqueues a
 * recompute for every peer through the real queue, and measures how fast the consumer brings
 * them to READY. The queue is Redis when REDIS_URL is set, else PostgreSQL.
 * Usage: npm run bench:recompute [-- --open 2000 --workers 1000 --concurrency 2 --seed 11]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app/bootstrap';
import { parseEnvironment } from '../src/config/environment';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { MatchingJobs } from '../src/matching/jobs/matching-jobs.service';
import { JobName, MATCHING_QUEUE } from '../src/matching/jobs/queue-names';
import { DeclineReason } from '../src/matching/core/matching.enums';
import { MatchRequestsService } from '../src/matching/requests/match-requests.service';
import { SuggestionsService } from '../src/matching/suggestions/suggestions.service';
import { UpdateSupportWorkerInput } from '../src/support-workers/dto/update-support-worker.input';
import { SupportWorkersService } from '../src/support-workers/support-workers.service';
import { freePort } from '../test/support/free-port';
import { generatePeers, generateWorkers, seededRandom } from '../src/population/population';
import { seedPopulation } from './seed-population';

const { values } = parseArgs({
  options: {
    open: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '2' },
    seed: { type: 'string', default: '11' },
  },
});
const peerCount = Number(values.open);
/** The bench asks as an admin would; its audit rows go with its database. */
const BENCH_ACTOR = {
  principal: { subject: 'bench', role: 'ADMIN' as const, scopes: new Set<string>() },
  operation: 'requestMatch',
};
const workerCount = Number(values.workers);
/** Newcomers asking, one every NEWCOMER_GAP_MS, while a refresh drains. */
const NEWCOMERS = 10;
const NEWCOMER_GAP_MS = 250;
const environment = parseEnvironment({ LOG_LEVEL: 'warn', ...process.env, WORKER_CONCURRENCY: values.concurrency });

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'peermatch-bench-'));
  const embedded = environment.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres', persistent: false });
  const server = new URL(environment.DATABASE_URL ?? embedded!.url);
  const database = `peermatch_bench_${Date.now()}`;
  const admin = new Client({ connectionString: Object.assign(new URL(server), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = Object.assign(new URL(server), { pathname: `/${database}` }).toString();
  try {
    await runMigrations(url);
    const random = seededRandom(Number(values.seed));
    const workers = generateWorkers(workerCount, random).map((worker) => ({ ...worker, activeMatchCount: 0 }));
    const peers = generatePeers(peerCount, random);
    const app = await createApp({
      environment,
      database: { url },
      queue: { redisUrl: environment.REDIS_URL, databaseUrl: url, prefix: database },
      role: 'all',
    });
    const dataSource = app.get(DataSource);
    const peerIds = await seedPopulation(dataSource, workers, peers);
    console.log(
      `seeded ${workerCount} workers and ${peerCount} peers with open requests; queue: ${environment.REDIS_URL ? 'redis' : 'postgres'}, concurrency ${values.concurrency}`,
    );

    const start = Date.now();
    await dataSource.query(`UPDATE match_request SET created_at = now(), updated_at = now()`);
    await app.get(MatchingJobs).enqueueRecomputes(peerIds);
    for (;;) {
      const [{ pending }] = await dataSource.query(
        `SELECT count(*)::int AS pending FROM match_request WHERE status = 'PENDING'`,
      );
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (Date.now() - start) / 1000;
    const [{ p50, ready, none }] = await dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ready_at - created_at) * 1000) AS p50,
              count(*) FILTER (WHERE status = 'READY')::int AS ready,
              count(*) FILTER (WHERE status = 'NO_CANDIDATES')::int AS none
         FROM match_request`,
    );
    const [{ suggestions }] = await dataSource.query(`SELECT count(*)::int AS suggestions FROM suggestion`);
    console.log(`requests READY: ${ready}, NO_CANDIDATES: ${none}; suggestions written: ${suggestions}`);
    console.log(
      `recompute: peers=${peerCount} workers=${workerCount} seconds=${seconds.toFixed(2)} peers_per_s=${Math.round(peerCount / seconds)} p50_request_to_ready_ms=${Math.round(p50)}`,
    );
    console.log(await exposureYields(app));
    console.log(await newRequestDuringRefresh(app, dataSource, peerIds));
    console.log(await refillAfterDecline(app, dataSource));
    console.log(await oneWorkerChange(app, dataSource));
    await app.close();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Every request back to PENDING with a background recompute each; while that backlog drains,
 * newcomers ask one after another through the real service (interactive recomputes): how long
 * each waits for READY (p50 and p95), and how much of the backlog was still waiting meanwhile.
 */
async function newRequestDuringRefresh(app: INestApplicationContext, dataSource: DataSource, peerIds: string[]) {
  const newcomers = peerIds.slice(0, NEWCOMERS);
  const backlog = peerIds.slice(NEWCOMERS);
  await dataSource.query(`DELETE FROM match_request WHERE peer_id = ANY($1::uuid[])`, [newcomers]);
  await dataSource.query(`UPDATE match_request SET status = 'PENDING' WHERE peer_id = ANY($1::uuid[])`, [backlog]);
  await app.get(MatchingJobs).enqueueRecomputes(backlog);
  const pendingNow = async () =>
    (await dataSource.query(`SELECT count(*)::int AS pending FROM match_request WHERE status = 'PENDING'`))[0]
      .pending as number;
  const times: number[] = [];
  const stillPending: number[] = [];
  for (const newcomer of newcomers) {
    const start = Date.now();
    await app.get(MatchRequestsService).request(newcomer, BENCH_ACTOR);
    for (;;) {
      const [request] = await dataSource.query(`SELECT status FROM match_request WHERE peer_id = $1`, [newcomer]);
      if (request?.status !== 'PENDING') break;
      await sleep(5);
    }
    times.push(Date.now() - start);
    stillPending.push(await pendingNow());
    await sleep(NEWCOMER_GAP_MS);
  }
  while ((await pendingNow()) > 0) await sleep(100);
  return (
    `priority: backlog=${backlog.length} newcomers=${newcomers.length} new_request_ready_ms=${percentile(times, 0.5)} ` +
    `p95_ms=${percentile(times, 0.95)} backlog_pending_at_each_ready=${stillPending.join(',')}`
  );
}

/**
 * New suggestions the refresh offered past their worker's exposure budget, because a peer would
 * otherwise have had fewer than K: each batch job records how many it made.
 */
async function exposureYields(app: INestApplicationContext) {
  const jobs = await app.get<Queue>(getQueueToken(MATCHING_QUEUE)).getJobs(['completed']);
  const batches = jobs.filter((job) => job.name === JobName.RECOMPUTE_BATCH && job.returnvalue?.peers > 0);
  const yields = batches.reduce((sum, job) => sum + (job.returnvalue.yields as number), 0);
  const [{ open }] = await app
    .get(DataSource)
    .query(`SELECT count(*)::int AS open FROM suggestion WHERE status = 'OPEN'`);
  return `exposure: batches=${batches.length} open_suggestions=${open} past_budget=${yields} share=${(yields / open).toFixed(4)}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

/** Twenty peers each decline their best suggestion: how long until they have K open again. */
async function refillAfterDecline(app: INestApplicationContext, dataSource: DataSource) {
  const k = environment.SUGGESTION_COUNT;
  const picks: { id: string; request_id: string }[] = await dataSource.query(
    `SELECT s.id, s.request_id FROM suggestion s JOIN match_request r ON r.id = s.request_id
      WHERE s.status = 'OPEN' AND s.rank = 1 AND r.status = 'READY' ORDER BY s.id LIMIT 20`,
  );
  const times: number[] = [];
  for (const pick of picks) {
    const start = Date.now();
    await app.get(SuggestionsService).decline(pick.id, DeclineReason.NOT_A_FIT, null, BENCH_ACTOR);
    for (;;) {
      const [{ open }] = await dataSource.query(
        `SELECT count(*)::int AS open FROM suggestion WHERE request_id = $1 AND status = 'OPEN'`,
        [pick.request_id],
      );
      if (open >= k || Date.now() - start > 10_000) break;
      await sleep(5);
    }
    times.push(Date.now() - start);
  }
  return `refill: p50_ms=${percentile(times, 0.5)} p95_ms=${percentile(times, 0.95)}`;
}

/** The worker suggested to most peers stops taking new ones: how long until no open suggestion names them. */
async function oneWorkerChange(app: INestApplicationContext, dataSource: DataSource) {
  const [{ support_worker_id: workerId, affected }] = await dataSource.query(
    `SELECT support_worker_id, count(*)::int AS affected FROM suggestion WHERE status = 'OPEN'
      GROUP BY support_worker_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const start = Date.now();
  await app.get(SupportWorkersService).update(workerId, { active: false } as UpdateSupportWorkerInput, BENCH_ACTOR);
  for (;;) {
    const [{ open }] = await dataSource.query(
      `SELECT count(*)::int AS open FROM suggestion WHERE support_worker_id = $1 AND status = 'OPEN'`,
      [workerId],
    );
    if (open === 0) break;
    await sleep(5);
  }
  return `change: affected=${affected} reflected_ms=${Date.now() - start}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
