import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { AuditSubject } from '../../audit/audit.enums';
import type { GraphqlContext } from '../../common/graphql-context';
import { Roles } from '../../common/auth/access.decorators';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { MatchExplanation } from './match-explanation.model';
import { ExplanationsService } from './explanations.service';

@Resolver(() => MatchExplanation)
export class ExplanationsResolver {
  constructor(private readonly explanations: ExplanationsService) {}

  @Query(() => MatchExplanation, {
    description: 'Why this support worker is or is not suggested to this peer: intake staff asking "why not?".',
  })
  @Roles('ADMIN', 'INTAKE')
  async explainMatch(
    @Args('peerId', { type: () => ID }, ParseIdPipe) peerId: string,
    @Args('supportWorkerId', { type: () => ID }, ParseIdPipe) supportWorkerId: string,
    @Context() context: GraphqlContext,
  ): Promise<MatchExplanation> {
    const explanation = await this.explanations.explain(peerId, supportWorkerId);
    // An explanation speaks of both people's lived experience.
    for (const [subjectType, id] of [
      [AuditSubject.PEER, peerId],
      [AuditSubject.SUPPORT_WORKER, supportWorkerId],
    ] as const) {
      const owner = subjectType === AuditSubject.PEER ? { peerId: id } : { supportWorkerId: id };
      context.audit.recordHealthRead({ subjectType, subjectId: id, personId: id, owner }, 'explainMatch');
    }
    return explanation;
  }
}
