import { Module } from '@nestjs/common';
import { MatchingModule } from './matching.module';
import { FanOutService } from './jobs/fan-out.service';
import { MatchingProcessor } from './jobs/matching.processor';
import { RecomputeService } from './engine/recompute.service';
import { SweepSchedule } from './jobs/sweep-schedule';
import { SweeperService } from './jobs/sweeper.service';
import { TaxonomyCache } from './engine/taxonomy-cache';
import { WorkerProfileCache } from './engine/worker-profile-cache';

/** The queue consumer: only in processes started with APP_ROLE=worker or all. */
@Module({
  imports: [MatchingModule],
  providers: [
    RecomputeService,
    WorkerProfileCache,
    TaxonomyCache,
    FanOutService,
    SweeperService,
    SweepSchedule,
    MatchingProcessor,
  ],
})
export class ConsumerModule {}
