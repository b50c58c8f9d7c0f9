import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { Audited } from '../../audit/audited.decorator';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, RolesWithServiceScope } from '../../common/auth/access.decorators';
import type { Principal } from '../../common/auth/principal';
import type { GraphqlContext } from '../../common/graphql-context';
import { Peer } from '../../peers/peer.entity';
import { SupportWorker } from '../../support-workers/support-worker.entity';
import { EndMatchArgs } from './end-match.args';
import { Match } from './match.entity';
import { MatchesService } from './matches.service';

@Resolver(() => Match)
export class MatchResolver {
  constructor(private readonly matches: MatchesService) {}

  @Mutation(() => Match, { description: 'Ends an active match and frees the worker’s place.' })
  @RolesWithServiceScope('matches:write', 'ADMIN', 'INTAKE', 'PEER', 'SUPPORT_WORKER')
  @Audited(AuditAction.END, AuditSubject.MATCH, (match: Match) => ({ subjectId: match.id, personId: match.peerId }))
  endMatch(@Args() args: EndMatchArgs, @CurrentPrincipal() principal: Principal): Promise<Match> {
    return this.matches.end(principal, args.id.toLowerCase(), args.reason, args.note ?? null);
  }

  @ResolveField(() => Peer)
  peer(@Parent() match: Match, @Context() context: GraphqlContext): Promise<Peer | null> {
    return context.loaders.peerById.load(match.peerId);
  }

  @ResolveField(() => SupportWorker)
  supportWorker(@Parent() match: Match, @Context() context: GraphqlContext): Promise<SupportWorker | null> {
    return context.loaders.supportWorkerById.load(match.supportWorkerId);
  }
}
