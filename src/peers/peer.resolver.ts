import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '../common/access/actor';
import { AccessPolicy } from '../common/access/policy';
import { type GraphqlContext } from '../common/graphql-context';
import { Connection, ConnectionOf } from '../common/pagination/connection';
import { ProfileListArgs } from '../profiles/dto/profile-list.args';
import { Location, locationOf } from '../profiles/location';
import { tagsOfKind } from '../profiles/tags-of-kind';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { TagKind } from '../taxonomy/tag-kind';
import { Tag } from '../taxonomy/tag.entity';
import { CreatePeerInput } from './dto/create-peer.input';
import { UpdatePeerInput } from './dto/update-peer.input';
import { Peer } from './peer.entity';
import { LIST_PEERS, PEER_PRIVATE, PEER_SENSITIVE, READ_PEER, UPDATE_PEER, WRITE_PEER } from './peer.policies';
import { PeersService } from './peers.service';

@ObjectType({ description: 'A page of peers, in the order they were registered; erased peers left out.' })
export class PeerConnection extends ConnectionOf(Peer, 'Peer') {}

@Resolver(() => Peer)
export class PeerResolver {
  constructor(private readonly peersService: PeersService) {}

  @Query(() => Peer, { nullable: true, description: 'Null when there is no such peer, or it is not yours to see.' })
  @AccessPolicy(READ_PEER)
  peer(
    @Args('id', { type: () => ID, description: 'The peer’s id (a UUID).' }, ParseIdPipe) id: string,
  ): Promise<Peer | null> {
    return this.peersService.findById(id);
  }

  @Query(() => PeerConnection, {
    description:
      'Every peer not erased, or those whose name holds nameContains, oldest first, a page at a time: pass the last endCursor as after.',
  })
  @AccessPolicy(LIST_PEERS)
  peers(@Args() page: ProfileListArgs): Promise<Connection<Peer>> {
    return this.peersService.list(page);
  }

  @Mutation(() => Peer, {
    description: 'Registers a peer. Their suggestions wait for requestMatch; consents start withheld unless given.',
  })
  @AccessPolicy(WRITE_PEER)
  createPeer(
    @Args('input', { description: 'Name, languages and modes are required.' }) input: CreatePeerInput,
    @CurrentActor() actor: Actor,
  ): Promise<Peer> {
    return this.peersService.create(input, actor);
  }

  @Mutation(() => Peer, {
    description:
      'Changes the fields given and leaves the rest; null clears an optional field. An open request is recomputed. A peer may change some fields of their own record.',
  })
  @AccessPolicy(UPDATE_PEER)
  updatePeer(
    @Args('id', { type: () => ID, description: 'The peer’s id (a UUID).' }, ParseIdPipe) id: string,
    @Args('input', { description: 'Only the fields to change.' }) input: UpdatePeerInput,
    @CurrentActor() actor: Actor,
  ): Promise<Peer> {
    return this.peersService.update(id, input, actor);
  }

  @ResolveField(() => Location, { nullable: true, description: 'Where the peer lives; null when not given.' })
  @AccessPolicy(PEER_PRIVATE)
  location(@Parent() peer: Peer): Location | null {
    return locationOf(peer);
  }

  @ResolveField(() => [Tag], {
    description: 'What the peer has lived through and recovered from: health information, from the taxonomy.',
  })
  @AccessPolicy(PEER_SENSITIVE)
  livedExperiences(@Parent() peer: Peer, @Context() context: GraphqlContext): Promise<Tag[]> {
    return tagsOfKind(context.loaders.tagsOfPeer, peer.id, TagKind.LIVED_EXPERIENCE);
  }

  @ResolveField(() => [Tag], { description: 'What the peer enjoys, from the taxonomy.' })
  interests(@Parent() peer: Peer, @Context() context: GraphqlContext): Promise<Tag[]> {
    return tagsOfKind(context.loaders.tagsOfPeer, peer.id, TagKind.INTEREST);
  }

  @ResolveField(() => [Tag], {
    description: 'The cultures the peer identifies with: sensitive, like lived experience, from the taxonomy.',
  })
  @AccessPolicy(PEER_SENSITIVE)
  culturalBackgrounds(@Parent() peer: Peer, @Context() context: GraphqlContext): Promise<Tag[]> {
    return tagsOfKind(context.loaders.tagsOfPeer, peer.id, TagKind.CULTURE);
  }
}
