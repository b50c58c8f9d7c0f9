import { Args, Context, ID, Info, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { Audited } from '../../audit/audited.decorator';
import { CurrentPrincipal, RolesWithServiceScope } from '../../common/auth/access.decorators';
import type { Principal } from '../../common/auth/principal';
import { rootFieldOf, type GraphqlContext } from '../../common/graphql-context';
import { ScoreComponent } from '../explanations/match-explanation.model';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { Peer } from '../../peers/peer.entity';
import { SupportWorker } from '../../support-workers/support-worker.entity';
import { Match } from '../matches/match.entity';
import { DeclineSuggestionArgs } from './decline-suggestion.args';
import { Suggestion } from './suggestion.entity';
import { SuggestionsService } from './suggestions.service';

/** A suggestion's reasons and breakdown speak of the peer's lived experience. */
function auditSuggestionRead(context: GraphqlContext, suggestion: Suggestion, info: GraphQLResolveInfo): void {
  context.audit.recordHealthRead(
    {
      subjectType: AuditSubject.SUGGESTION,
      subjectId: suggestion.id,
      personId: suggestion.peerId,
      owner: { peerId: suggestion.peerId },
    },
    rootFieldOf(info),
  );
}

@Resolver(() => Suggestion)
export class SuggestionResolver {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Mutation(() => Match, { description: 'The peer takes this suggestion. Repeating it returns the same match.' })
  @RolesWithServiceScope('matches:write', 'ADMIN', 'INTAKE', 'PEER')
  @Audited(AuditAction.ACCEPT, AuditSubject.MATCH, (match: Match) => ({ subjectId: match.id, personId: match.peerId }))
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
  @Audited(AuditAction.DECLINE, AuditSubject.SUGGESTION, (suggestion: Suggestion) => ({
    subjectId: suggestion.id,
    personId: suggestion.peerId,
  }))
  declineSuggestion(
    @Args() args: DeclineSuggestionArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Suggestion> {
    return this.suggestions.decline(principal, args.id.toLowerCase(), args.reason, args.note ?? null);
  }

  @ResolveField(() => [String], {
    description: 'Plain sentences saying what the pair shares; read by anyone but the peer, audited.',
  })
  reasons(
    @Parent() suggestion: Suggestion,
    @Context() context: GraphqlContext,
    @Info() info: GraphQLResolveInfo,
  ): string[] {
    auditSuggestionRead(context, suggestion, info);
    return suggestion.reasons;
  }

  @ResolveField(() => [ScoreComponent])
  breakdown(
    @Parent() suggestion: Suggestion,
    @Context() context: GraphqlContext,
    @Info() info: GraphQLResolveInfo,
  ): ScoreComponent[] {
    auditSuggestionRead(context, suggestion, info);
    return suggestion.breakdown;
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
