import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { FanOutJob, JobName, MATCHING_QUEUE, RecomputeJob } from './queue-names';

/** Past this, enqueueing gives up: the request stays PENDING and the sweeper enqueues it later. */
const ENQUEUE_TIMEOUT_MS = 3000;
const BULK_CHUNK = 500;

export const RETRIES: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  // Failed jobs stay for inspection for a week.
  removeOnFail: { age: 7 * 24 * 3600 },
};

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Enqueues matching work after the data it depends on is committed. Never throws: a queue that
 * is down must not fail a mutation, and the rows it would have acted on are the source of truth.
 */
@Injectable()
export class MatchingJobs {
  private readonly logger = new Logger(MatchingJobs.name);

  constructor(@InjectQueue(MATCHING_QUEUE) private readonly queue: Queue) {
    // The connection reconnects by itself; until then enqueueing fails and the sweeper catches up.
    queue.on('error', (error) => this.logger.warn(`Queue connection error: ${error.message}`));
  }

  /**
   * One job per peer, deduplicated so that a burst leaves at most one running and one waiting,
   * and a change arriving while one runs is computed after it rather than dropped.
   */
  async enqueueRecomputes(peerIds: readonly string[]): Promise<boolean> {
    try {
      for (let start = 0; start < peerIds.length; start += BULK_CHUNK) {
        const jobs = peerIds.slice(start, start + BULK_CHUNK).map((peerId) => ({
          name: JobName.RECOMPUTE,
          data: { peerId } satisfies RecomputeJob,
          opts: { ...RETRIES, deduplication: { id: `peer:${peerId}`, keepLastIfActive: true } },
        }));
        await withTimeout(this.queue.addBulk(jobs), 'enqueueing recomputes');
      }
      return true;
    } catch (error) {
      this.logger.warn(`Recompute of ${peerIds.length} peer(s) not enqueued; the sweeper will: ${String(error)}`);
      return false;
    }
  }

  async enqueueFanOut(job: FanOutJob): Promise<boolean> {
    try {
      await withTimeout(this.queue.add(JobName.FAN_OUT, job, RETRIES), 'enqueueing a fan-out');
      return true;
    } catch (error) {
      this.logger.warn(`Fan-out not enqueued: ${String(error)}`);
      return false;
    }
  }
}
