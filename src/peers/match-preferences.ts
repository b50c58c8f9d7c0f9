import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AccessPolicy, REACHABLE } from '../common/access/policy';
import { Gender } from '../matching/core/profile.enums';
import { MatchFactor } from '../matching/core/match-factor';

@ObjectType()
@AccessPolicy(REACHABLE)
export class FactorImportance {
  @Field(() => MatchFactor) factor!: MatchFactor;
  @Field(() => Int, { description: '0 ignore .. 3 very important' }) importance!: number;
}

@ObjectType()
@AccessPolicy(REACHABLE)
export class MatchPreferences {
  @Field(() => [Gender], { nullable: true, description: 'Genders of worker the peer wants; none given: any.' })
  workerGenders?: Gender[] | null;

  @Field(() => [FactorImportance], { nullable: true })
  importance?: FactorImportance[] | null;
}
