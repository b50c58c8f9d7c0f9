import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessPolicy } from '../../common/access/policy';
import type { GraphqlContext } from '../../common/graphql-context';
import { Peer } from '../../peers/peer.entity';
import { MatchRequest } from './match-request.entity';
import { PEER_OPEN_REQUEST } from './match-request.policies';

/** The request a peer is waiting on, if any. */
@Resolver(() => Peer)
export class PeerOpenRequestResolver {
  @ResolveField(() => MatchRequest, {
    nullable: true,
    description: 'The peer’s request that is PENDING, READY or NO_CANDIDATES; null when they have none.',
  })
  @AccessPolicy(PEER_OPEN_REQUEST)
  openRequest(@Parent() peer: Peer, @Context() context: GraphqlContext): Promise<MatchRequest | null> {
    return context.loaders.openRequestOfPeer.load(peer.id);
  }
}
