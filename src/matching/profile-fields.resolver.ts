import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../common/graphql-context';
import { Peer } from '../peers/peer.entity';
import { SupportWorker } from '../support-workers/support-worker.entity';
import { Match } from './matches/match.entity';
import { SuggestionStatus } from './matching.enums';
import { Suggestion } from './suggestions/suggestion.entity';
import { SuggestionsService } from './suggestions/suggestions.service';

/** The matching side of a peer: their suggestions and their match. */
@Resolver(() => Peer)
export class PeerMatchingFieldsResolver {
  constructor(private readonly suggestionsService: SuggestionsService) {}

  @ResolveField(() => [Suggestion], { description: 'Newest first, best first within a set.' })
  suggestions(
    @Parent() peer: Peer,
    @Args('status', { type: () => SuggestionStatus, nullable: true }) status?: SuggestionStatus | null,
  ): Promise<Suggestion[]> {
    return this.suggestionsService.forPeer(peer.id, status);
  }

  @ResolveField(() => Match, { nullable: true })
  activeMatch(@Parent() peer: Peer, @Context() context: GraphqlContext): Promise<Match | null> {
    return context.loaders.activeMatchOfPeer.load(peer.id);
  }
}

@Resolver(() => SupportWorker)
export class SupportWorkerMatchingFieldsResolver {
  @ResolveField(() => Int)
  activeMatchCount(@Parent() worker: SupportWorker, @Context() context: GraphqlContext): Promise<number> {
    return context.loaders.activeMatchCountOfSupportWorker.load(worker.id);
  }
}
