import { Module } from '@nestjs/common';
import { AffectedPeers } from '../engine/affected-peers';
import { EngineModule } from '../engine/engine.module';
import { RecomputeService } from '../engine/recompute.service';
import { TaxonomyCache } from '../engine/taxonomy-cache';
import { WorkerProfileCache } from '../engine/worker-profile-cache';
import { FanOutService } from './fan-out.service';
import { JobsModule } from './jobs.module';
import { MatchingProcessor } from './matching.processor';
import { SweepSchedule } from './sweep-schedule';
import { SweeperService } from './sweeper.service';

/** The queue consumer: only in processes started with APP_ROLE=worker or all. */
@Module({
  imports: [JobsModule, EngineModule],
  providers: [
    RecomputeService,
    AffectedPeers,
    WorkerProfileCache,
    TaxonomyCache,
    FanOutService,
    SweeperService,
    SweepSchedule,
    MatchingProcessor,
  ],
})
export class ConsumerModule {}
