import { InjectQueue } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Job, JobsOptions, Queue } from 'bullmq';
import { FanOutJob, JobName, MATCHING_QUEUE, RecomputeJob } from './queue-names';

/** Past this, enqueueing gives up: the request stays PENDING and the sweeper enqueues it later. */
const ENQUEUE_TIMEOUT_MS = 3000;
const BULK_CHUNK = 500;

/**
 * Who waits for a recompute. Someone at a screen (a new request, a peer's own change, the refill
 * after a decline) is served before background refreshes (fan-outs, sweeps): both backends take a
 * job without a priority before any job with one.
 */
export type Urgency = 'interactive' | 'background';
const BACKGROUND_PRIORITY = 10;

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
export class MatchingJobs implements BeforeApplicationShutdown {
  private readonly logger = new Logger(MatchingJobs.name);
  /** Once the app stops, the database or Redis going away next is the plan, not a fault. */
  private stopping = false;

  constructor(@InjectQueue(MATCHING_QUEUE) private readonly queue: Queue) {
    // The connection reconnects by itself; until then enqueueing fails and the sweeper catches up.
    queue.on('error', (error) => {
      if (!this.stopping) this.logger.warn(`Queue connection error: ${error.message}`);
    });
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  /**
   * One job per peer, deduplicated so that a burst leaves at most one running and one waiting,
   * and a change arriving while one runs is computed after it rather than dropped.
   */
  async enqueueRecomputes(peerIds: readonly string[], urgency: Urgency = 'background'): Promise<boolean> {
    const priority = urgency === 'background' ? { priority: BACKGROUND_PRIORITY } : {};
    try {
      for (let start = 0; start < peerIds.length; start += BULK_CHUNK) {
        const jobs = peerIds.slice(start, start + BULK_CHUNK).map((peerId) => ({
          name: JobName.RECOMPUTE,
          data: { peerId } satisfies RecomputeJob,
          opts: { ...RETRIES, ...priority, deduplication: { id: `peer:${peerId}`, keepLastIfActive: true } },
        }));
        // Moving ahead is bounded too: a mutation waits for this, and a queue that is down must not hang it.
        await withTimeout(
          this.queue.addBulk(jobs).then(async (added) => {
            if (urgency === 'interactive') for (const job of added) await this.promote(job);
          }),
          'enqueueing recomputes',
        );
      }
      return true;
    } catch (error) {
      // The sweeper enqueues again what a request still owes (PENDING, stale, refill due).
      this.logger.warn(`Recompute of ${peerIds.length} peer(s) not enqueued: ${String(error)}`);
      return false;
    }
  }

  /**
   * An interactive recompute of a peer whose background one is still waiting was deduplicated
   * into it: that job is moved ahead instead, so the person is not served after the backlog.
   */
  private async promote(added: Job): Promise<void> {
    const waiting = added.id ? await this.queue.getJob(added.id) : undefined;
    if (!waiting || (await waiting.getState()) !== 'prioritized') return;
    // Taken by a consumer meanwhile: it is being computed, which is what was wanted.
    await waiting.changePriority({ priority: 0 }).catch(() => undefined);
  }

  async enqueueFanOut(job: FanOutJob): Promise<boolean> {
    try {
      await withTimeout(
        this.queue.add(JobName.FAN_OUT, job, { ...RETRIES, priority: BACKGROUND_PRIORITY }),
        'enqueueing a fan-out',
      );
      return true;
    } catch (error) {
      this.logger.warn(`Fan-out not enqueued: ${String(error)}`);
      return false;
    }
  }
}
