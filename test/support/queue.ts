import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, MATCHING_QUEUE } from '../../src/matching/jobs/queue-names';

export function matchingQueue(app: INestApplicationContext): Queue {
  return app.get<Queue>(getQueueToken(MATCHING_QUEUE));
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

/** Waits until the matching queue has nothing waiting, running or retrying (the repeating sweep aside). */
export async function waitForJobs(app: INestApplicationContext, timeoutMs = 20_000): Promise<void> {
  const queue = matchingQueue(app);
  await eventually(
    async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      if (Object.values(counts).some((count) => count > 0)) return false;
      const delayed = await queue.getDelayed();
      return delayed.every((job) => job.name === JobName.SWEEP);
    },
    'the matching queue to be idle',
    timeoutMs,
  );
}
