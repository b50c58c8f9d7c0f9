import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { Job } from 'bullmq';

/** What each of the consumer's queues logs, ids and errors only, never job data beyond ids. */
export abstract class ConsumerHost extends WorkerHost implements BeforeApplicationShutdown {
  protected abstract readonly logger: Logger;
  /** Once the app stops, its connections ending is expected: not worth a warning. */
  private stopping = false;

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  /** The queue's connection failed (it reconnects by itself); the sweeper catches up on anything missed. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (this.stopping) return;
    this.logger.warn(`Queue connection error: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`);
  }
}
