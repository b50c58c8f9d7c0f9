import { Field, ObjectType } from '@nestjs/graphql';
import { Column } from 'typeorm';
import { AccessPolicy, REACHABLE } from '../common/access/policy';

/** What the peer agreed to about their lived experience; nothing is assumed without it. */
@ObjectType({ description: 'What the peer agreed to about their lived experience; both false until they say.' })
@AccessPolicy(REACHABLE)
export class Consent {
  @Field({ description: 'Lived experience may count in scores (the LIVED_EXPERIENCE factor).' })
  @Column({ name: 'consent_use_lived_experience_for_matching', type: 'boolean', default: false })
  useLivedExperienceForMatching!: boolean;

  @Field({
    description:
      'A support worker in an active match may see the peer’s lived experience and cultural backgrounds, and reasons naming them.',
  })
  @Column({ name: 'consent_share_lived_experience_with_workers', type: 'boolean', default: false })
  shareLivedExperienceWithWorkers!: boolean;
}
