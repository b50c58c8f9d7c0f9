import { Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { RecomputeService } from '../engine/recompute.service';
import { ConsumerHost } from './consumer-host';
import { MatchingJobs } from './matching-jobs.service';
import { INTERACTIVE_QUEUE, JobName } from './queue-names';

/**
 * The consumer slot kept for work someone waits for: it claims only interactive peers, so a new
 * request never waits behind a background batch, however long the backlog.
 */
@Processor(INTERACTIVE_QUEUE)
export class InteractiveProcessor extends ConsumerHost implements OnApplicationBootstrap {
  protected readonly logger = new Logger(InteractiveProcessor.name);

  constructor(
    private readonly recomputes: RecomputeService,
    private readonly jobs: MatchingJobs,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // One at a time: each batch claims every interactive peer due, so more slots would only split them.
    this.worker.concurrency = 1;
    await this.worker.waitUntilReady();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== JobName.RECOMPUTE_BATCH) throw new Error(`Unknown job ${job.name}`);
    return this.jobs.runBatch(() => this.recomputes.runClaimed('interactive'));
  }
}
