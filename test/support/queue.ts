import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { INTERACTIVE_QUEUE, JobName, MATCHING_QUEUE } from '../../src/matching/jobs/queue-names';

export function matchingQueue(app: INestApplicationContext): Queue {
  return app.get<Queue>(getQueueToken(MATCHING_QUEUE));
}

export function interactiveQueue(app: INestApplicationContext): Queue {
  return app.get<Queue>(getQueueToken(INTERACTIVE_QUEUE));
}

/** Resolves once `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until no peer or fan-out is owed and the matching queues have nothing waiting, running or
 * retrying (the repeating sweep aside).
 */
export async function waitForJobs(app: INestApplicationContext, timeoutMs = 20_000): Promise<void> {
  const queues = [matchingQueue(app), interactiveQueue(app)];
  const dataSource = app.get(DataSource);
  let last = '';
  await eventually(
    async () => {
      const [owed]: { peers: number; fanOuts: number }[] = await dataSource.query(
        `SELECT (SELECT count(*)::int FROM recompute_due) AS peers, (SELECT count(*)::int FROM fan_out_due) AS "fanOuts"`,
      );
      const jobs = [];
      for (const queue of queues) {
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children', 'failed');
        const delayed = (await queue.getDelayed()).filter((job) => job.name !== JobName.SWEEP).length;
        jobs.push({ queue: queue.name, ...counts, delayed });
      }
      last = JSON.stringify({ owed, jobs, due: await dataSource.query(`SELECT *, now() FROM recompute_due LIMIT 3`) });
      return (
        owed.peers + owed.fanOuts === 0 &&
        jobs.every(({ queue: _, ...counts }) => Object.values(counts).every((n) => n === 0))
      );
    },
    'the matching queues to be idle',
    timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message}: ${last}`);
  });
}
