import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { Audited } from '../../audit/audited.decorator';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, RolesWithServiceScope } from '../../common/auth/access.decorators';
import type { Principal } from '../../common/auth/principal';
import type { GraphqlContext } from '../../common/graphql-context';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { Peer } from '../../peers/peer.entity';
import { Suggestion } from '../suggestions/suggestion.entity';
import { SuggestionsService } from '../suggestions/suggestions.service';
import { MatchRequest } from './match-request.entity';
import { MatchRequestsService } from './match-requests.service';

@Resolver(() => MatchRequest)
export class MatchRequestResolver {
  constructor(
    private readonly requests: MatchRequestsService,
    private readonly suggestionsService: SuggestionsService,
  ) {}

  @Mutation(() => MatchRequest, {
    description: 'Asks for suggestions for a peer: PENDING at once, READY or NO_CANDIDATES once computed.',
  })
  @RolesWithServiceScope('matches:write', 'ADMIN', 'INTAKE')
  @Audited(AuditAction.REQUEST_MATCH, AuditSubject.MATCH_REQUEST, (request: MatchRequest) => ({
    subjectId: request.id,
    personId: request.peerId,
  }))
  requestMatch(@Args('peerId', { type: () => ID }, ParseIdPipe) peerId: string): Promise<MatchRequest> {
    return this.requests.request(peerId);
  }

  @Query(() => MatchRequest, { nullable: true, description: 'Null when there is no such request, or it is not yours.' })
  @RolesWithServiceScope('matches:read', 'ADMIN', 'INTAKE', 'PEER')
  matchRequest(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatchRequest | null> {
    return this.requests.findVisible(principal, id);
  }

  @ResolveField(() => Peer)
  async peer(@Parent() request: MatchRequest, @Context() context: GraphqlContext): Promise<Peer | null> {
    return context.loaders.peerById.load(request.peerId);
  }

  @ResolveField(() => [Suggestion], { description: 'Ordered by rank; withdrawn and expired ones left out.' })
  suggestions(@Parent() request: MatchRequest): Promise<Suggestion[]> {
    return this.suggestionsService.forRequest(request.id);
  }
}
