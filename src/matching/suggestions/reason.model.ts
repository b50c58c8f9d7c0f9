import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AccessPolicy, REACHABLE } from '../../common/access/policy';
import type { ExplainedReason } from '../core';
import { ReasonCode } from '../core/reason-code';

/** The GraphQL face of the core's ExplainedReason; its tags resolve through the tag loader (ReasonResolver). */
@ObjectType('Reason', {
  description:
    'What one sentence of `reasons` says, at the same place in the list, for pages to word themselves ("you both…" to the peer, "they both…" to staff).',
})
@AccessPolicy(REACHABLE)
export class ReasonModel implements ExplainedReason {
  @Field(() => ReasonCode, { description: 'What the pair shares.' })
  code!: ReasonCode;

  tagIds!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'For SHARED_FIRST_LANGUAGE and SHARED_LANGUAGE: the ISO 639-1 code both speak; null otherwise.',
  })
  language?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'For NEARBY: how far apart they live, in whole kilometres; 0 for less than 1 km; null otherwise.',
  })
  distanceKm?: number;
}
