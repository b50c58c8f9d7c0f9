import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessPolicy } from '../../common/access/policy';
import type { GraphqlContext } from '../../common/graphql-context';
import { Peer } from '../../peers/peer.entity';
import { WORKER_MATCHES } from '../../support-workers/support-worker.policies';
import { SupportWorker } from '../../support-workers/support-worker.entity';
import { MatchStatus } from '../core/matching.enums';
import { Match } from './match.entity';
import { PEER_ACTIVE_MATCH } from './match.policies';
import { MatchesService } from './matches.service';

/** The match a peer is in. */
@Resolver(() => Peer)
export class PeerMatchResolver {
  @ResolveField(() => Match, { nullable: true, description: 'The peer’s active match; null when they have none.' })
  @AccessPolicy(PEER_ACTIVE_MATCH)
  activeMatch(@Parent() peer: Peer, @Context() context: GraphqlContext): Promise<Match | null> {
    return context.loaders.activeMatchOfPeer.load(peer.id);
  }
}

/** The matches a support worker is in, and how many places they fill. */
@Resolver(() => SupportWorker)
export class SupportWorkerMatchesResolver {
  constructor(private readonly matchesService: MatchesService) {}

  @ResolveField(() => [Match], {
    description: 'The matches this worker is in, newest first, at most 100.',
  })
  @AccessPolicy(WORKER_MATCHES)
  matches(
    @Parent() worker: SupportWorker,
    @Args('status', {
      type: () => MatchStatus,
      nullable: true,
      description: 'Only matches in this status; all of them when null.',
    })
    status?: MatchStatus | null,
  ): Promise<Match[]> {
    return this.matchesService.forWorker(worker.id, status);
  }

  @ResolveField(() => Int, { description: 'Places this worker fills now: their ACTIVE matches, at most capacity.' })
  activeMatchCount(@Parent() worker: SupportWorker, @Context() context: GraphqlContext): Promise<number> {
    return context.loaders.activeMatchCountOfSupportWorker.load(worker.id);
  }
}
