import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MatchingJobs } from './matching-jobs.service';
import { RecomputeTriggers } from './recompute-triggers';
import { MATCHING_QUEUE } from './queue-names';

/** The matching queue, its producer and what turns committed changes into jobs, for every process. */
@Module({
  imports: [BullModule.registerQueue({ name: MATCHING_QUEUE })],
  providers: [MatchingJobs, RecomputeTriggers],
  exports: [MatchingJobs, BullModule],
})
export class JobsModule {}
