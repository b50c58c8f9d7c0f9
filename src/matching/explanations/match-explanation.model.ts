import { Field, Float, ObjectType } from '@nestjs/graphql';
import { AccessPolicy, REACHABLE } from '../../common/access/policy';
import { MatchFactor } from '../core/match-factor';
import { HardConstraint } from '../core';

@ObjectType({ description: 'One factor of a score: contributions add up to the score.' })
@AccessPolicy(REACHABLE)
export class ScoreComponent {
  @Field(() => MatchFactor) factor!: MatchFactor;
  @Field(() => Float, { description: 'Share of the weight of the factors that apply (they add up to 1).' })
  weight!: number;
  @Field(() => Float, { description: '0..1' }) value!: number;
  @Field(() => Float, { description: 'weight x value x 100' }) contribution!: number;
}

@ObjectType({ description: 'Why a support worker is, or is not, suggested to a peer.' })
@AccessPolicy(REACHABLE)
export class MatchExplanation {
  @Field() eligible!: boolean;
  @Field(() => [HardConstraint]) excludedBy!: HardConstraint[];
  @Field(() => Float, { nullable: true, description: '0..100; null when not eligible.' }) score!: number | null;
  @Field(() => [ScoreComponent]) breakdown!: ScoreComponent[];
  @Field(() => [String]) reasons!: string[];
}
