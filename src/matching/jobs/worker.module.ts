import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching.module';
import { FanOutService } from './fan-out.service';
import { MatchingProcessor } from './matching.processor';
import { RecomputeService } from './recompute.service';
import { SweepSchedule } from './sweep-schedule';
import { SweeperService } from './sweeper.service';
import { TaxonomyCache } from './taxonomy-cache';
import { WorkerProfileCache } from './worker-profile-cache';

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
export class WorkerModule {}
