import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { MatchingJobs } from './matching-jobs.service';
import { MATCHING_QUEUE } from './queue-names';

/** The matching queue and its producer, for every process that enqueues work. */
@Global()
@Module({
  imports: [BullModule.registerQueue({ name: MATCHING_QUEUE })],
  providers: [MatchingJobs],
  exports: [MatchingJobs, BullModule],
})
export class JobsModule {}
