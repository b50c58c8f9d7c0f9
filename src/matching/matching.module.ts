import { Module } from '@nestjs/common';
import { ExplanationsResolver } from './explanations/explanations.resolver';
import { ExplanationsService } from './explanations/explanations.service';
import { MatchResolver } from './matches/match.resolver';
import { MatchesService } from './matches/matches.service';
import { PeerMatchingFieldsResolver, SupportWorkerMatchingFieldsResolver } from './profile-fields.resolver';
import { MatchingProfilesService } from './engine/matching-profiles.service';
import { MatchRequestResolver } from './requests/match-request.resolver';
import { MatchRequestsService } from './requests/match-requests.service';
import { SuggestionResolver } from './suggestions/suggestion.resolver';
import { SuggestionsService } from './suggestions/suggestions.service';

/** The GraphQL side of matching: requests, suggestions, matches, explanations. */
@Module({
  providers: [
    MatchingProfilesService,
    ExplanationsService,
    ExplanationsResolver,
    MatchRequestsService,
    MatchRequestResolver,
    SuggestionsService,
    SuggestionResolver,
    MatchesService,
    MatchResolver,
    PeerMatchingFieldsResolver,
    SupportWorkerMatchingFieldsResolver,
  ],
  exports: [MatchingProfilesService],
})
export class MatchingModule {}
