import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MatchingJobs } from './matching-jobs.service';
import { RecomputeTriggers } from './recompute-triggers';
import { INTERACTIVE_QUEUE, MATCHING_QUEUE } from './queue-names';
import { InteractiveGate } from '../engine/interactive-gate';
import { RecomputeDueStore } from '../engine/recompute-due';

/** The matching queues, their producer and what turns committed changes into jobs, for every process. */
@Module({
  imports: [BullModule.registerQueue({ name: MATCHING_QUEUE }, { name: INTERACTIVE_QUEUE })],
  providers: [MatchingJobs, RecomputeTriggers, RecomputeDueStore, InteractiveGate],
  exports: [MatchingJobs, RecomputeDueStore, InteractiveGate, BullModule],
})
export class JobsModule {}
