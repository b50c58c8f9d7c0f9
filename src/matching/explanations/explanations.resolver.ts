import { Args, ID, Query, Resolver } from '@nestjs/graphql';
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
  explainMatch(
    @Args('peerId', { type: () => ID }, ParseIdPipe) peerId: string,
    @Args('supportWorkerId', { type: () => ID }, ParseIdPipe) supportWorkerId: string,
  ): Promise<MatchExplanation> {
    return this.explanations.explain(peerId, supportWorkerId);
  }
}
