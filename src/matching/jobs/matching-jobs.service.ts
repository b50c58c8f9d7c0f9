import { InjectQueue } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobsOptions, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Environment } from '../../config/environment';
import { InteractiveGate } from '../engine/interactive-gate';
import { DueCounts, RecomputeDueStore, Urgency } from '../engine/recompute-due';
import type { BatchResult } from '../engine/recompute.service';
import { FanOutJob, INTERACTIVE_QUEUE, JobName, MATCHING_QUEUE } from './queue-names';

export type { Urgency } from '../engine/recompute-due';

/** Past this, enqueueing gives up: what is owed stays in PostgreSQL and the sweeper wakes it later. */
const ENQUEUE_TIMEOUT_MS = 3000;
/** Background jobs are taken after any without a priority (the sweep), on both backends. */
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
 * Records matching work after the data it depends on is committed, and wakes consumers to do it.
 * Never throws: a queue that is down must not fail a mutation, and what is owed is in
 * PostgreSQL, where the sweeper finds it.
 */
@Injectable()
export class MatchingJobs implements BeforeApplicationShutdown {
  private readonly logger = new Logger(MatchingJobs.name);
  /** Once the app stops, the database or Redis going away next is the plan, not a fault. */
  private stopping = false;
  private readonly batchSize: number;

  constructor(
    @InjectQueue(MATCHING_QUEUE) private readonly queue: Queue,
    @InjectQueue(INTERACTIVE_QUEUE) private readonly interactive: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly due: RecomputeDueStore,
    private readonly gate: InteractiveGate,
    config: ConfigService<Environment, true>,
  ) {
    this.batchSize = config.get('RECOMPUTE_BATCH_SIZE', { infer: true });
    // The connections reconnect by themselves; until then waking fails and the sweeper catches up.
    for (const each of [queue, interactive]) {
      each.on('error', (error) => {
        if (!this.stopping) this.logger.warn(`Queue connection error: ${error.message}`);
      });
    }
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  /**
   * Marks the peers due, then wakes enough batches for them. A peer already due is not
   * duplicated: it is computed once more after a batch computing it now (its ask is news), and
   * an interactive ask moves a waiting background one ahead.
   */
  async enqueueRecomputes(
    peerIds: readonly string[],
    urgency: Urgency = 'background',
    { again = true }: { again?: boolean } = {},
  ): Promise<boolean> {
    if (!peerIds.length) return true;
    try {
      // Woken by the urgency each peer has now: one someone waits for stays ahead of a refresh.
      const record = async () => this.wakeFor(await this.due.mark(peerIds, urgency, { again }));
      // Someone waits: this process's background batches step aside meanwhile.
      return await (urgency === 'interactive' ? this.gate.during(record) : record());
    } catch (error) {
      // The sweeper asks again for what a request still owes (PENDING, stale, refill due).
      this.logger.warn(`Recompute of ${peerIds.length} peer(s) not recorded: ${String(error)}`);
      return false;
    }
  }

  /** Wakes batches for peers just marked due, by the urgency each has now. */
  async wakeFor({ urgent, background }: DueCounts): Promise<boolean> {
    const woken = await Promise.all([this.wake('interactive', urgent), this.wake('background', background)]);
    return woken.every(Boolean);
  }

  /** Wakes batches for `peers` due peers; for interactive work one, which claims every one due, up to a batch. */
  async wake(urgency: Urgency, peers: number): Promise<boolean> {
    if (peers <= 0) return true;
    // Stopping: what is owed stays in PostgreSQL for the consumers that go on.
    if (this.stopping) return false;
    try {
      await withTimeout<unknown>(
        urgency === 'interactive'
          ? // Not deduplicated: a job that finds its peers taken by an earlier one ends at once.
            this.interactive.add(JobName.RECOMPUTE_BATCH, {}, RETRIES)
          : this.queue.addBulk(
              Array.from({ length: Math.ceil(peers / this.batchSize) }, () => ({
                name: JobName.RECOMPUTE_BATCH,
                data: {},
                opts: { ...RETRIES, priority: BACKGROUND_PRIORITY },
              })),
            ),
        'waking a recompute batch',
      );
      return true;
    } catch (error) {
      this.logger.warn(`Recompute batch not woken: ${String(error)}`);
      return false;
    }
  }

  /**
   * Runs one claimed batch. What is still due afterwards (the batch was full, or peers were asked
   * for again while it computed) gets jobs enough to take it, counting those already waiting:
   * the producer's count of jobs may have been made with another batch size, or lost.
   */
  async runBatch(batch: () => Promise<BatchResult>): Promise<{ peers: number; yields: number }> {
    const { outcomes, stillDue, yields } = await batch();
    // Bounded, and never failing the batch: once stopping, or with the queue down, the sweeper wakes it.
    if (!this.stopping && (outcomes.size >= this.batchSize || stillDue.urgent + stillDue.background > 0)) {
      await withTimeout(this.topUp(), 'waking what is still due').catch((error: unknown) => {
        if (!this.stopping) this.logger.warn(`Still-due work not woken: ${String(error)}`);
      });
    }
    return { peers: outcomes.size, yields };
  }

  private async topUp(): Promise<void> {
    const [due, interactiveJobs, backgroundJobs] = await Promise.all([
      this.due.unclaimed(0),
      this.interactive.getJobCountByTypes('waiting', 'prioritized'),
      this.queue.getJobCountByTypes('waiting', 'prioritized'),
    ]);
    if (due.urgent && !interactiveJobs) await this.wake('interactive', due.urgent);
    const missing = Math.ceil(due.background / this.batchSize) - backgroundJobs;
    if (missing > 0) await this.wake('background', missing * this.batchSize);
  }

  /** Records the worker's change as owed a fan-out, then enqueues it. */
  async enqueueFanOut(job: FanOutJob): Promise<boolean> {
    try {
      await this.dataSource.query(
        `INSERT INTO fan_out_due (support_worker_id) VALUES ($1)
         ON CONFLICT (support_worker_id) DO UPDATE SET generation = nextval('due_generation')`,
        [job.supportWorkerId],
      );
      return await this.wakeFanOuts([job.supportWorkerId]);
    } catch (error) {
      this.logger.warn(`Fan-out not recorded: ${String(error)}`);
      return false;
    }
  }

  /** One fan-out job per worker, in one call: the sweeper may find many left behind. */
  async wakeFanOuts(supportWorkerIds: readonly string[]): Promise<boolean> {
    if (!supportWorkerIds.length || this.stopping) return !supportWorkerIds.length;
    try {
      await withTimeout(
        this.queue.addBulk(
          supportWorkerIds.map((supportWorkerId) => ({
            name: JobName.FAN_OUT,
            data: { supportWorkerId } satisfies FanOutJob,
            opts: {
              ...RETRIES,
              priority: BACKGROUND_PRIORITY,
              deduplication: { id: `fan-out:${supportWorkerId}`, keepLastIfActive: true },
            },
          })),
        ),
        'enqueueing fan-outs',
      );
      return true;
    } catch (error) {
      this.logger.warn(`Fan-out of ${supportWorkerIds.length} worker(s) not enqueued: ${String(error)}`);
      return false;
    }
  }
}
