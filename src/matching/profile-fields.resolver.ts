import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../common/graphql-context';
import { assertMayReadPeerField } from '../peers/peer-field-access';
import { Peer } from '../peers/peer.entity';
import { assertMayReadWorkerField } from '../support-workers/support-worker-field-access';
import { SupportWorker } from '../support-workers/support-worker.entity';
import { Match } from './matches/match.entity';
import { MatchStatus, SuggestionStatus } from './matching.enums';
import { MatchesService } from './matches/matches.service';
import { Suggestion } from './suggestions/suggestion.entity';
import { SuggestionsService } from './suggestions/suggestions.service';

/** The matching side of a peer: their suggestions and their match. */
@Resolver(() => Peer)
export class PeerMatchingFieldsResolver {
  constructor(private readonly suggestionsService: SuggestionsService) {}

  @ResolveField(() => [Suggestion], { description: 'Newest first, best first within a set.' })
  suggestions(
    @Parent() peer: Peer,
    @Context() context: GraphqlContext,
    @Args('status', { type: () => SuggestionStatus, nullable: true }) status?: SuggestionStatus | null,
  ): Promise<Suggestion[]> {
    assertMayReadPeerField(context, peer, 'suggestions');
    return this.suggestionsService.forPeer(peer.id, status);
  }

  @ResolveField(() => Match, { nullable: true })
  activeMatch(@Parent() peer: Peer, @Context() context: GraphqlContext): Promise<Match | null> {
    return context.loaders.activeMatchOfPeer.load(peer.id);
  }
}

@Resolver(() => SupportWorker)
export class SupportWorkerMatchingFieldsResolver {
  constructor(private readonly matchesService: MatchesService) {}

  @ResolveField(() => [Match], {
    description: 'The matches this worker is in, newest first: for the worker, staff and services with matches:read.',
  })
  matches(
    @Parent() worker: SupportWorker,
    @Context() context: GraphqlContext,
    @Args('status', { type: () => MatchStatus, nullable: true }) status?: MatchStatus | null,
  ): Promise<Match[]> {
    assertMayReadWorkerField(context.req.principal, worker.id, 'matches:read');
    return this.matchesService.forWorker(worker.id, status);
  }

  @ResolveField(() => Int)
  activeMatchCount(@Parent() worker: SupportWorker, @Context() context: GraphqlContext): Promise<number> {
    return context.loaders.activeMatchCountOfSupportWorker.load(worker.id);
  }
}
