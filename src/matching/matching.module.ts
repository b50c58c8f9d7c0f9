import { Module } from '@nestjs/common';
import { ExplanationsResolver } from './explanations/explanations.resolver';
import { ExplanationsService } from './explanations/explanations.service';
import { MatchingProfilesService } from './profiles/matching-profiles.service';

@Module({
  providers: [MatchingProfilesService, ExplanationsService, ExplanationsResolver],
  exports: [MatchingProfilesService],
})
export class MatchingModule {}
