import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, RolesWithServiceScope } from '../../common/auth/access.decorators';
import type { Principal } from '../../common/auth/principal';
import type { GraphqlContext } from '../../common/graphql-context';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { Peer } from '../../peers/peer.entity';
import { SupportWorker } from '../../support-workers/support-worker.entity';
import { Match } from '../matches/match.entity';
import { DeclineSuggestionArgs } from './decline-suggestion.args';
import { Suggestion } from './suggestion.entity';
import { SuggestionsService } from './suggestions.service';

@Resolver(() => Suggestion)
export class SuggestionResolver {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Mutation(() => Match, { description: 'The peer takes this suggestion. Repeating it returns the same match.' })
  @RolesWithServiceScope('matches:write', 'ADMIN', 'INTAKE', 'PEER')
  acceptSuggestion(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Match> {
    return this.suggestions.accept(principal, id);
  }

  @Mutation(() => Suggestion, {
    description: 'The peer turns this suggestion down; that worker is not suggested again.',
  })
  @RolesWithServiceScope('matches:write', 'ADMIN', 'INTAKE', 'PEER')
  declineSuggestion(
    @Args() args: DeclineSuggestionArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Suggestion> {
    return this.suggestions.decline(principal, args.id.toLowerCase(), args.reason, args.note ?? null);
  }

  @ResolveField(() => Peer)
  peer(@Parent() suggestion: Suggestion, @Context() context: GraphqlContext): Promise<Peer | null> {
    return context.loaders.peerById.load(suggestion.peerId);
  }

  @ResolveField(() => SupportWorker)
  supportWorker(@Parent() suggestion: Suggestion, @Context() context: GraphqlContext): Promise<SupportWorker | null> {
    return context.loaders.supportWorkerById.load(suggestion.supportWorkerId);
  }
}
