import { InjectQueue } from '@nestjs/bullmq';
import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import { Environment } from '../../config/environment';
import { MatchingModule } from '../matching.module';
import { FanOutService } from './fan-out.service';
import { MatchingProcessor } from './matching.processor';
import { JobName, MATCHING_QUEUE } from './queue-names';
import { RecomputeService } from './recompute.service';
import { SweeperService } from './sweeper.service';
import { TaxonomyCache } from './taxonomy-cache';
import { WorkerProfileCache } from './worker-profile-cache';

/** The queue consumer: only in processes started with APP_ROLE=worker or all. */
@Module({
  imports: [MatchingModule],
  providers: [RecomputeService, WorkerProfileCache, TaxonomyCache, FanOutService, SweeperService, MatchingProcessor],
})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(MATCHING_QUEUE) private readonly queue: Queue,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** One repeating sweep per deployment, however many consumers start. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'sweeper',
      { every: this.config.get('SWEEP_INTERVAL_MS', { infer: true }) },
      { name: JobName.SWEEP, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
    );
  }
}
