import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '../../common/access/actor';
import { AccessPolicy } from '../../common/access/policy';
import type { GraphqlContext } from '../../common/graphql-context';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { Peer } from '../../peers/peer.entity';
import { MatchRequest } from './match-request.entity';
import { CANCEL_MATCH_REQUEST, READ_MATCH_REQUEST, REQUEST_MATCH } from './match-request.policies';
import { MatchRequestsService } from './match-requests.service';

@Resolver(() => MatchRequest)
export class MatchRequestResolver {
  constructor(private readonly requests: MatchRequestsService) {}

  @Mutation(() => MatchRequest, {
    description: 'Asks for suggestions for a peer: PENDING at once, READY or NO_CANDIDATES once computed.',
  })
  @AccessPolicy(REQUEST_MATCH)
  requestMatch(
    @Args('peerId', { type: () => ID, description: 'The peer to find workers for.' }, ParseIdPipe) peerId: string,
    @CurrentActor() actor: Actor,
  ): Promise<MatchRequest> {
    return this.requests.request(peerId, actor);
  }

  @Mutation(() => MatchRequest, {
    description:
      'Withdraws an open request (PENDING, READY or NO_CANDIDATES): CANCELLED, its open suggestions WITHDRAWN, nothing more computed for it. Cancelling a cancelled request returns it unchanged; an accepted one answers CONFLICT.',
  })
  @AccessPolicy(CANCEL_MATCH_REQUEST)
  cancelMatchRequest(
    @Args('id', { type: () => ID, description: 'The request’s id (a UUID).' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<MatchRequest> {
    return this.requests.cancel(id, actor);
  }

  @Query(() => MatchRequest, { nullable: true, description: 'Null when there is no such request, or it is not yours.' })
  @AccessPolicy(READ_MATCH_REQUEST)
  matchRequest(
    @Args('id', { type: () => ID, description: 'The request’s id (a UUID).' }, ParseIdPipe) id: string,
  ): Promise<MatchRequest | null> {
    return this.requests.findById(id);
  }

  @ResolveField(() => Peer, { description: 'The peer the request is for.' })
  async peer(@Parent() request: MatchRequest, @Context() context: GraphqlContext): Promise<Peer | null> {
    return context.loaders.peerById.load(request.peerId);
  }
}
