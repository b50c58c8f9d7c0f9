import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import { Environment } from '../../config/environment';
import { JobName, MATCHING_QUEUE } from './queue-names';

/**
 * One repeating sweep per deployment, however many consumers start. The schedule lives in the
 * queue's own storage, which can lose it (Redis restarted empty, the queue's tables emptied), and
 * nothing else would bring it back before a consumer restarts; so every consumer upserts it again
 * each interval. Upserting an intact schedule keeps its next run where it was; a lost one comes
 * back with a sweep at once.
 */
@Injectable()
export class SweepSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SweepSchedule.name);
  private readonly intervalMs: number;
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;
  private stopped = false;

  constructor(
    @InjectQueue(MATCHING_QUEUE) private readonly queue: Queue,
    config: ConfigService<Environment, true>,
  ) {
    this.intervalMs = config.get('SWEEP_INTERVAL_MS', { infer: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.upsert();
    this.timer = setInterval(() => this.refresh(), this.intervalMs).unref();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private refresh(): void {
    // While the queue is down a call may wait for the reconnection: one at a time, not a pile-up.
    if (this.refreshing) return;
    this.refreshing = this.upsert()
      .catch((error: unknown) => {
        // Not waited for on shutdown, where a queue that is down would hold it up: closing the
        // connection fails a refresh still under way, which is no news.
        if (!this.stopped) this.logger.warn(`Sweep schedule not refreshed, trying again: ${String(error)}`);
      })
      .finally(() => (this.refreshing = undefined));
  }

  private async upsert(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'sweeper',
      { every: this.intervalMs },
      { name: JobName.SWEEP, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
    );
  }
}
