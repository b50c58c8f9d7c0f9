import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessPolicy } from '../common/access/policy';
import type { GraphqlContext } from '../common/graphql-context';
import { Peer } from '../peers/peer.entity';
import { WORKER_MATCHES } from '../support-workers/support-worker.policies';
import { SupportWorker } from '../support-workers/support-worker.entity';
import { PEER_ACTIVE_MATCH, PEER_SUGGESTIONS } from './profile-fields.policies';
import { Match } from './matches/match.entity';
import { MatchStatus, SuggestionStatus } from './core/matching.enums';
import { MatchesService } from './matches/matches.service';
import { Suggestion } from './suggestions/suggestion.entity';
import { SuggestionsService } from './suggestions/suggestions.service';

/** The matching side of a peer: their suggestions and their match. */
@Resolver(() => Peer)
export class PeerMatchingFieldsResolver {
  constructor(private readonly suggestionsService: SuggestionsService) {}

  @ResolveField(() => [Suggestion], { description: 'The newest request’s first, each request’s by rank; at most 100.' })
  @AccessPolicy(PEER_SUGGESTIONS)
  suggestions(
    @Parent() peer: Peer,
    @Args('status', { type: () => SuggestionStatus, nullable: true }) status?: SuggestionStatus | null,
  ): Promise<Suggestion[]> {
    return this.suggestionsService.forPeer(peer.id, status);
  }

  @ResolveField(() => Match, { nullable: true })
  @AccessPolicy(PEER_ACTIVE_MATCH)
  activeMatch(@Parent() peer: Peer, @Context() context: GraphqlContext): Promise<Match | null> {
    return context.loaders.activeMatchOfPeer.load(peer.id);
  }
}

@Resolver(() => SupportWorker)
export class SupportWorkerMatchingFieldsResolver {
  constructor(private readonly matchesService: MatchesService) {}

  @ResolveField(() => [Match], {
    description:
      'The matches this worker is in, newest first, at most 100: for the worker, staff and services with matches:read.',
  })
  @AccessPolicy(WORKER_MATCHES)
  matches(
    @Parent() worker: SupportWorker,
    @Args('status', { type: () => MatchStatus, nullable: true }) status?: MatchStatus | null,
  ): Promise<Match[]> {
    return this.matchesService.forWorker(worker.id, status);
  }

  @ResolveField(() => Int)
  activeMatchCount(@Parent() worker: SupportWorker, @Context() context: GraphqlContext): Promise<number> {
    return context.loaders.activeMatchCountOfSupportWorker.load(worker.id);
  }
}
