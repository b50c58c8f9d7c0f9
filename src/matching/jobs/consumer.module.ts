import { Module } from '@nestjs/common';
import { AffectedPeers } from '../engine/affected-peers';
import { CandidatePools } from '../engine/candidate-pool';
import { SuggestionWrites } from '../engine/suggestion-writes';
import { EngineModule } from '../engine/engine.module';
import { RecomputeService } from '../engine/recompute.service';
import { TaxonomyCache } from '../engine/taxonomy-cache';
import { WorkerProfileCache } from '../engine/worker-profile-cache';
import { ConsumerRegistration } from './consumer-registration';
import { FanOutService } from './fan-out.service';
import { InteractiveProcessor } from './interactive.processor';
import { JobsModule } from './jobs.module';
import { MatchingProcessor } from './matching.processor';
import { SweepSchedule } from './sweep-schedule';
import { SweeperService } from './sweeper.service';

/** The queue consumer: only in processes started with APP_ROLE=worker or all. */
@Module({
  imports: [JobsModule, EngineModule],
  providers: [
    RecomputeService,
    CandidatePools,
    SuggestionWrites,
    AffectedPeers,
    WorkerProfileCache,
    TaxonomyCache,
    FanOutService,
    SweeperService,
    SweepSchedule,
    MatchingProcessor,
    InteractiveProcessor,
    ConsumerRegistration,
  ],
})
export class ConsumerModule {}
