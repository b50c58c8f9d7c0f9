import { Field, Float, ObjectType } from '@nestjs/graphql';
import { AccessPolicy, REACHABLE } from '../../common/access/policy';
import { HardConstraint, type ScoreComponent } from '../core';
import { ScoreComponentModel } from '../suggestions/score-component.model';

@ObjectType({ description: 'Why a support worker is, or is not, suggested to a peer.' })
@AccessPolicy(REACHABLE)
export class MatchExplanation {
  @Field() eligible!: boolean;
  @Field(() => [HardConstraint]) excludedBy!: HardConstraint[];
  @Field(() => Float, { nullable: true, description: '0..100; null when not eligible.' }) score!: number | null;
  @Field(() => [ScoreComponentModel]) breakdown!: ScoreComponent[];
  @Field(() => [String]) reasons!: string[];
}
