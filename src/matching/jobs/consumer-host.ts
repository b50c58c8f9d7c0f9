import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { Job } from 'bullmq';

/**
 * How long a consumer told to stop waits for its running jobs. Past it, it stops without them:
 * their peers stay due, claimable again once the claim's lease ends, and the queue takes the
 * jobs back as stalled, so nothing is lost; an orchestrator's own grace period (30 s by default
 * in Kubernetes) is not outlived.
 */
const STOP_GRACE_MS = 15_000;

/** What each of the consumer's queues logs, ids and errors only, never job data beyond ids. */
export abstract class ConsumerHost extends WorkerHost implements BeforeApplicationShutdown {
  protected abstract readonly logger: Logger;
  /** Once the app stops, its connections ending is expected: not worth a warning. */
  private stopping = false;

  beforeApplicationShutdown(): void {
    this.stopping = true;
    setTimeout(() => {
      if (this.worker.isRunning()) {
        this.logger.warn(`Jobs still running ${STOP_GRACE_MS} ms after the stop: stopping without them`);
        void this.worker.close(true).catch(() => undefined);
      }
    }, STOP_GRACE_MS).unref();
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
