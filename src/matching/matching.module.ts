import { Module } from '@nestjs/common';
import { ExplanationsResolver } from './explanations/explanations.resolver';
import { ExplanationsService } from './explanations/explanations.service';
import { ActiveMatchAdmission } from './matches/active-match-admission';
import { PeerMatchResolver, SupportWorkerMatchesResolver } from './matches/match-fields.resolver';
import { MatchResolver } from './matches/match.resolver';
import { MatchesService } from './matches/matches.service';
import { EngineModule } from './engine/engine.module';
import { MatchRequestResolver } from './requests/match-request.resolver';
import { MatchRequestsService } from './requests/match-requests.service';
import { PeerOpenRequestResolver } from './requests/peer-open-request.resolver';
import { RequestAdmission } from './requests/request-admission';
import { MatchRequestSuggestionsResolver, PeerSuggestionsResolver } from './suggestions/suggestion-lists.resolver';
import { ReasonResolver } from './suggestions/reason.resolver';
import { SuggestionResolver } from './suggestions/suggestion.resolver';
import { SuggestionsService } from './suggestions/suggestions.service';

/** The GraphQL side of matching: requests, suggestions, matches, explanations. */
@Module({
  imports: [EngineModule],
  providers: [
    ExplanationsService,
    ExplanationsResolver,
    MatchRequestsService,
    MatchRequestResolver,
    PeerOpenRequestResolver,
    { provide: RequestAdmission, useClass: ActiveMatchAdmission },
    SuggestionsService,
    SuggestionResolver,
    ReasonResolver,
    PeerSuggestionsResolver,
    MatchRequestSuggestionsResolver,
    MatchesService,
    MatchResolver,
    PeerMatchResolver,
    SupportWorkerMatchesResolver,
  ],
})
export class MatchingModule {}
