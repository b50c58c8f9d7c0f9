import { Field, Float, ObjectType } from '@nestjs/graphql';
import { AccessPolicy, REACHABLE } from '../../common/access/policy';
import type { ExplainedReason, ScoreComponent } from '../core';
import { HardConstraint } from '../core/hard-constraint';
import { ReasonModel } from '../suggestions/reason.model';
import { ScoreComponentModel } from '../suggestions/score-component.model';

@ObjectType({ description: 'Why a support worker is, or is not, suggested to a peer.' })
@AccessPolicy(REACHABLE)
export class MatchExplanation {
  @Field({ description: 'The worker passes every hard constraint, so may be suggested.' })
  eligible!: boolean;

  @Field(() => [HardConstraint], { description: 'Every hard constraint the pair fails; empty when eligible.' })
  excludedBy!: HardConstraint[];

  @Field(() => Float, { nullable: true, description: '0..100; null when not eligible.' })
  score!: number | null;

  @Field(() => [ScoreComponentModel], {
    description: 'The factors that apply, and what each adds to the score; empty when not eligible.',
  })
  breakdown!: ScoreComponent[];

  @Field(() => [String], {
    description: 'Plain sentences saying what the pair shares, strongest first; empty when not eligible.',
  })
  reasons!: string[];

  @Field(() => [ReasonModel], { description: 'What each sentence of `reasons` says, in the same order.' })
  explained!: ExplainedReason[];
}
