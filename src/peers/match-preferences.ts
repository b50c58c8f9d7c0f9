import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AccessPolicy, REACHABLE } from '../common/access/policy';
import { Gender } from '../matching/core/profile.enums';
import { MatchFactor } from '../matching/core/match-factor';

@ObjectType({ description: 'How much one factor counts for this peer.' })
@AccessPolicy(REACHABLE)
export class FactorImportance {
  @Field(() => MatchFactor, { description: 'The factor.' })
  factor!: MatchFactor;

  @Field(() => Int, {
    description: '0 ignore .. 3 very important; a factor not listed counts as 2, its default weight.',
  })
  importance!: number;
}

@ObjectType({ description: 'What the peer asked for in a support worker.' })
@AccessPolicy(REACHABLE)
export class MatchPreferences {
  @Field(() => [Gender], { nullable: true, description: 'Genders of worker the peer wants; none given: any.' })
  workerGenders?: Gender[] | null;

  @Field(() => [FactorImportance], {
    nullable: true,
    description: 'The factors the peer weighted themselves; null: all at their default weight.',
  })
  importance?: FactorImportance[] | null;
}
