import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { writeFile } from 'node:fs/promises';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job } from 'bullmq';
import { Environment } from '../../config/environment';
import { RecomputeService } from '../engine/recompute.service';
import { ConsumerHost } from './consumer-host';
import { FanOutService } from './fan-out.service';
import { MatchingJobs } from './matching-jobs.service';
import { FanOutJob, JobName, LegacyRecomputeJob, MATCHING_QUEUE } from './queue-names';
import { SweeperService } from './sweeper.service';

const HEARTBEAT_EVERY_MS = 10_000;

/** Background work: refresh batches, fan-outs, sweeps. */
@Processor(MATCHING_QUEUE)
export class MatchingProcessor extends ConsumerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(MatchingProcessor.name);
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly recomputes: RecomputeService,
    private readonly fanOut: FanOutService,
    private readonly sweeper: SweeperService,
    private readonly jobs: MatchingJobs,
    private readonly config: ConfigService<Environment, true>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.get('WORKER_CONCURRENCY', { infer: true });
    await this.worker.waitUntilReady();
    await this.sweeper.sweep();
    const heartbeatFile = this.config.get('HEARTBEAT_FILE', { infer: true });
    if (heartbeatFile) {
      const beat = () => (this.worker.isRunning() ? writeFile(heartbeatFile, new Date().toISOString()) : undefined);
      await beat();
      this.heartbeat = setInterval(() => void beat()?.catch(() => undefined), HEARTBEAT_EVERY_MS).unref();
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.heartbeat);
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.RECOMPUTE_BATCH:
        return this.jobs.runBatch(() => this.recomputes.runClaimed('background'));
      case JobName.FAN_OUT:
        return this.fanOut.run(job.data as Partial<FanOutJob>);
      case JobName.SWEEP:
        return this.sweeper.sweep();
      case JobName.LEGACY_RECOMPUTE:
        return this.jobs.enqueueRecomputes([(job.data as LegacyRecomputeJob).peerId]);
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }

  @OnWorkerEvent('closed')
  onClosed(): void {
    this.logger.log('queue consumer stopped');
  }
}
