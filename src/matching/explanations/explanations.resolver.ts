import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { definePolicy, AccessPolicy } from '../../common/access/policy';
import { STAFF } from '../../common/access/staff';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { MatchExplanation } from './match-explanation.model';
import { ExplanationsService } from './explanations.service';

/** Intake staff asking "why not?": an explanation speaks of both people's lived experience, and is on record for both. */
const EXPLAIN_MATCH = definePolicy('explainMatch', STAFF, {
  audit: {
    persons: ({ args }) => [
      { type: 'PEER', id: String(args.peerId).toLowerCase() },
      { type: 'SUPPORT_WORKER', id: String(args.supportWorkerId).toLowerCase() },
    ],
  },
});

@Resolver(() => MatchExplanation)
export class ExplanationsResolver {
  constructor(private readonly explanations: ExplanationsService) {}

  @Query(() => MatchExplanation, {
    description: 'Why this support worker is or is not suggested to this peer: intake staff asking "why not?".',
  })
  @AccessPolicy(EXPLAIN_MATCH)
  explainMatch(
    @Args('peerId', { type: () => ID, description: 'The peer, by id (a UUID).' }, ParseIdPipe) peerId: string,
    @Args('supportWorkerId', { type: () => ID, description: 'The support worker, by id (a UUID).' }, ParseIdPipe)
    supportWorkerId: string,
  ): Promise<MatchExplanation> {
    return this.explanations.explain(peerId, supportWorkerId);
  }
}
