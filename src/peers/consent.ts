import { Field, ObjectType } from '@nestjs/graphql';
import { Column } from 'typeorm';
import { AccessPolicy, REACHABLE } from '../common/access/policy';

/** What the peer agreed to about their lived experience; nothing is assumed without it. */
@ObjectType()
@AccessPolicy(REACHABLE)
export class Consent {
  @Field()
  @Column({ name: 'consent_use_lived_experience_for_matching', type: 'boolean', default: false })
  useLivedExperienceForMatching!: boolean;

  @Field()
  @Column({ name: 'consent_share_lived_experience_with_workers', type: 'boolean', default: false })
  shareLivedExperienceWithWorkers!: boolean;
}
