import { Field, Float, ObjectType } from '@nestjs/graphql';
import { AccessPolicy, REACHABLE } from '../../common/access/policy';
import { MatchFactor } from '../core/match-factor';
import { HardConstraint } from '../core';

@ObjectType({ description: 'One factor of a score: contributions add up to the score.' })
@AccessPolicy(REACHABLE)
export class ScoreComponent {
  @Field(() => MatchFactor, { description: 'The factor this part of the score is for.' })
  factor!: MatchFactor;

  @Field(() => Float, { description: 'Share of the weight of the factors that apply (they add up to 1).' })
  weight!: number;

  @Field(() => Float, { description: 'How well the pair does on this factor, 0..1.' })
  value!: number;

  @Field(() => Float, { description: 'weight x value x 100: the points this factor adds to the score.' })
  contribution!: number;
}

@ObjectType({ description: 'Why a support worker is, or is not, suggested to a peer.' })
@AccessPolicy(REACHABLE)
export class MatchExplanation {
  @Field({ description: 'The worker passes every hard constraint, so may be suggested.' })
  eligible!: boolean;

  @Field(() => [HardConstraint], { description: 'Every hard constraint the pair fails; empty when eligible.' })
  excludedBy!: HardConstraint[];

  @Field(() => Float, { nullable: true, description: '0..100; null when not eligible.' })
  score!: number | null;

  @Field(() => [ScoreComponent], {
    description: 'The factors that apply, and what each adds to the score; empty when not eligible.',
  })
  breakdown!: ScoreComponent[];

  @Field(() => [String], {
    description: 'Plain sentences saying what the pair shares, strongest first; empty when not eligible.',
  })
  reasons!: string[];
}
