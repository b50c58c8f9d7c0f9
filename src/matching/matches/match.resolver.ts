import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '../../common/access/actor';
import { AccessPolicy } from '../../common/access/policy';
import type { GraphqlContext } from '../../common/graphql-context';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe';
import { Peer } from '../../peers/peer.entity';
import { SupportWorker } from '../../support-workers/support-worker.entity';
import { CHOOSE_SUGGESTION } from '../suggestions/suggestion.policies';
import { EndMatchArgs } from './end-match.args';
import { Match } from './match.entity';
import { END_MATCH } from './match.policies';
import { MatchesService } from './matches.service';

@Resolver(() => Match)
export class MatchResolver {
  constructor(private readonly matches: MatchesService) {}

  @Mutation(() => Match, { description: 'The peer takes this suggestion. Repeating it returns the same match.' })
  @AccessPolicy(CHOOSE_SUGGESTION)
  acceptSuggestion(
    @Args('id', { type: () => ID, description: 'The suggestion’s id (a UUID).' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<Match> {
    return this.matches.accept(id, actor);
  }

  @Mutation(() => Match, { description: 'Ends an active match and frees the worker’s place.' })
  @AccessPolicy(END_MATCH)
  endMatch(@Args() args: EndMatchArgs, @CurrentActor() actor: Actor): Promise<Match> {
    return this.matches.end(args.id.toLowerCase(), args.reason, args.note ?? null, actor);
  }

  @ResolveField(() => Peer, {
    description: 'A support worker sees the peer only while the match is active.',
  })
  peer(@Parent() match: Match, @Context() context: GraphqlContext): Promise<Peer | null> {
    return context.loaders.peerById.load(match.peerId);
  }

  @ResolveField(() => SupportWorker, { description: 'The support worker in the match.' })
  supportWorker(@Parent() match: Match, @Context() context: GraphqlContext): Promise<SupportWorker | null> {
    return context.loaders.supportWorkerById.load(match.supportWorkerId);
  }
}
