import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessPolicy } from '../../common/access/policy';
import { Peer } from '../../peers/peer.entity';
import { SuggestionStatus } from '../core/matching.enums';
import { MatchRequest } from '../requests/match-request.entity';
import { Suggestion } from './suggestion.entity';
import { MATCH_REQUEST_SUGGESTIONS, PEER_SUGGESTIONS } from './suggestion.policies';
import { SuggestionsService } from './suggestions.service';

/** A peer's suggestions, across their requests. */
@Resolver(() => Peer)
export class PeerSuggestionsResolver {
  constructor(private readonly service: SuggestionsService) {}

  @ResolveField(() => [Suggestion], { description: 'The newest request’s first, each request’s by rank; at most 100.' })
  @AccessPolicy(PEER_SUGGESTIONS)
  suggestions(
    @Parent() peer: Peer,
    @Args('status', {
      type: () => SuggestionStatus,
      nullable: true,
      description: 'Only suggestions in this status; all of them when null.',
    })
    status?: SuggestionStatus | null,
  ): Promise<Suggestion[]> {
    return this.service.forPeer(peer.id, status);
  }
}

/** The suggestions computed for one request. */
@Resolver(() => MatchRequest)
export class MatchRequestSuggestionsResolver {
  constructor(private readonly service: SuggestionsService) {}

  @ResolveField(() => [Suggestion], {
    description: 'Ordered by rank; withdrawn and expired ones left out; at most 100.',
  })
  @AccessPolicy(MATCH_REQUEST_SUGGESTIONS)
  suggestions(@Parent() request: MatchRequest): Promise<Suggestion[]> {
    return this.service.forRequest(request.id);
  }
}
