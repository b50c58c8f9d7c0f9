import { Field, Float, ObjectType } from '@nestjs/graphql';
import { AccessPolicy, REACHABLE } from '../../common/access/policy';
import type { ScoreComponent } from '../core';
import { MatchFactor } from '../core/match-factor';

/** The GraphQL face of the core's ScoreComponent: the compiler holds the two to one shape. */
@ObjectType('ScoreComponent', { description: 'One factor of a score: contributions add up to the score.' })
@AccessPolicy(REACHABLE)
export class ScoreComponentModel implements ScoreComponent {
  @Field(() => MatchFactor, { description: 'The factor this part of the score is for.' })
  factor!: MatchFactor;

  @Field(() => Float, { description: 'Share of the weight of the factors that apply (they add up to 1).' })
  weight!: number;

  @Field(() => Float, { description: 'How well the pair does on this factor, 0..1.' })
  value!: number;

  @Field(() => Float, { description: 'weight x value x 100: the points this factor adds to the score.' })
  contribution!: number;
}
