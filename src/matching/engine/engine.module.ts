import { Module } from '@nestjs/common';
import { MatchingProfilesService } from './matching-profiles.service';

/** The profiles the engine scores, for the explanations the API gives and the recomputes the consumer runs. */
@Module({
  providers: [MatchingProfilesService],
  exports: [MatchingProfilesService],
})
export class EngineModule {}
