import { Args, Context, Float, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '../../common/access/actor';
import { AccessPolicy } from '../../common/access/policy';
import type { GraphqlContext } from '../../common/graphql-context';
import { Peer } from '../../peers/peer.entity';
import { SupportWorker } from '../../support-workers/support-worker.entity';
import type { ExplainedReason, ScoreComponent } from '../core';
import { ReasonModel } from './reason.model';
import { ScoreComponentModel } from './score-component.model';
import { DeclineSuggestionArgs } from './decline-suggestion.args';
import { Suggestion } from './suggestion.entity';
import {
  CHOOSE_SUGGESTION,
  SUGGESTION_BREAKDOWN,
  SUGGESTION_EXPLAINED,
  SUGGESTION_REASONS,
  SUGGESTION_SCORE,
} from './suggestion.policies';
import { SuggestionsService } from './suggestions.service';

@Resolver(() => Suggestion)
export class SuggestionResolver {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Mutation(() => Suggestion, {
    description: 'The peer turns this suggestion down; that worker is not suggested again.',
  })
  @AccessPolicy(CHOOSE_SUGGESTION)
  declineSuggestion(@Args() args: DeclineSuggestionArgs, @CurrentActor() actor: Actor): Promise<Suggestion> {
    return this.suggestions.decline(args.id.toLowerCase(), args.reason, args.note ?? null, actor);
  }

  @ResolveField(() => [String], {
    description:
      'Plain sentences saying what the pair shares. Read not in full, the sentences naming lived experience or cultural background are left out.',
  })
  @AccessPolicy(SUGGESTION_REASONS)
  reasons(@Parent() suggestion: Suggestion): string[] {
    return suggestion.reasons;
  }

  @ResolveField(() => [ReasonModel], {
    description:
      'What each sentence of `reasons` says, in the same order and left out where the sentence is: pages word these themselves.',
  })
  @AccessPolicy(SUGGESTION_EXPLAINED)
  explained(@Parent() suggestion: Suggestion): ExplainedReason[] {
    return suggestion.explained;
  }

  @ResolveField(() => Float, {
    description: '0..100; computed without lived experience and cultural background for whoever may not see them.',
  })
  @AccessPolicy(SUGGESTION_SCORE)
  score(@Parent() suggestion: Suggestion): number {
    return suggestion.score;
  }

  @ResolveField(() => [ScoreComponentModel], { description: 'Redacted as the score is.' })
  @AccessPolicy(SUGGESTION_BREAKDOWN)
  breakdown(@Parent() suggestion: Suggestion): ScoreComponent[] {
    return suggestion.breakdown;
  }

  @ResolveField(() => Peer, { description: 'The peer this was suggested to.' })
  peer(@Parent() suggestion: Suggestion, @Context() context: GraphqlContext): Promise<Peer | null> {
    return context.loaders.peerById.load(suggestion.peerId);
  }

  @ResolveField(() => SupportWorker, { description: 'The support worker suggested.' })
  supportWorker(@Parent() suggestion: Suggestion, @Context() context: GraphqlContext): Promise<SupportWorker | null> {
    return context.loaders.supportWorkerById.load(suggestion.supportWorkerId);
  }
}
