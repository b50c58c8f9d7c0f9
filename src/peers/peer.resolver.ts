import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, RolesWithServiceScope } from '../common/auth/access.decorators';
import type { Principal } from '../common/auth/principal';
import type { GraphqlContext } from '../common/graphql-context';
import { Connection, ConnectionOf, PageArgs } from '../common/pagination/connection';
import { Location, locationOf } from '../common/profile/location';
import { tagsOfKind } from '../common/profile/tags-of-kind';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { TagKind } from '../taxonomy/tag-kind';
import { Tag } from '../taxonomy/tag.entity';
import { CreatePeerInput } from './dto/create-peer.input';
import { UpdatePeerInput } from './dto/update-peer.input';
import { Peer } from './peer.entity';
import { PeersService } from './peers.service';

@ObjectType()
export class PeerConnection extends ConnectionOf(Peer, 'Peer') {}

@Resolver(() => Peer)
export class PeerResolver {
  constructor(private readonly peersService: PeersService) {}

  @Query(() => Peer, { nullable: true, description: 'Null when there is no such peer, or it is not yours to see.' })
  @RolesWithServiceScope('profiles:read', 'ADMIN', 'INTAKE', 'PEER')
  async peer(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Peer | null> {
    if (principal.role === 'PEER' && principal.peerId !== id) return null;
    return this.peersService.findById(id);
  }

  @Query(() => PeerConnection)
  @RolesWithServiceScope('profiles:read', 'ADMIN', 'INTAKE')
  peers(@Args() page: PageArgs): Promise<Connection<Peer>> {
    return this.peersService.list(page);
  }

  @Mutation(() => Peer)
  @RolesWithServiceScope('profiles:write', 'ADMIN', 'INTAKE')
  createPeer(@Args('input') input: CreatePeerInput): Promise<Peer> {
    return this.peersService.create(input);
  }

  @Mutation(() => Peer)
  @RolesWithServiceScope('profiles:write', 'ADMIN', 'INTAKE')
  updatePeer(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input') input: UpdatePeerInput,
  ): Promise<Peer> {
    return this.peersService.update(id, input);
  }

  @ResolveField(() => Location, { nullable: true })
  location(@Parent() peer: Peer): Location | null {
    return locationOf(peer);
  }

  @ResolveField(() => [Tag])
  livedExperiences(@Parent() peer: Peer, @Context() context: GraphqlContext): Promise<Tag[]> {
    return tagsOfKind(context.loaders.tagsOfPeer, peer.id, TagKind.LIVED_EXPERIENCE);
  }

  @ResolveField(() => [Tag])
  interests(@Parent() peer: Peer, @Context() context: GraphqlContext): Promise<Tag[]> {
    return tagsOfKind(context.loaders.tagsOfPeer, peer.id, TagKind.INTEREST);
  }

  @ResolveField(() => [Tag])
  culturalBackgrounds(@Parent() peer: Peer, @Context() context: GraphqlContext): Promise<Tag[]> {
    return tagsOfKind(context.loaders.tagsOfPeer, peer.id, TagKind.CULTURE);
  }
}
