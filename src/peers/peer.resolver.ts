import { Args, Context, ID, Info, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AuditAction, AuditSubject } from '../audit/audit.enums';
import { Audited } from '../audit/audited.decorator';
import { CurrentPrincipal, Roles, RolesWithServiceScope } from '../common/auth/access.decorators';
import { assertOwnRecord } from '../common/auth/ownership';
import type { Principal } from '../common/auth/principal';
import { rootFieldOf, type GraphqlContext } from '../common/graphql-context';
import { Connection, ConnectionOf, PageArgs } from '../common/pagination/connection';
import { Location, locationOf } from '../common/profile/location';
import { tagsOfKind } from '../common/profile/tags-of-kind';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { TagKind } from '../taxonomy/tag-kind';
import { Tag } from '../taxonomy/tag.entity';
import { CreatePeerInput } from './dto/create-peer.input';
import { UpdatePeerInput } from './dto/update-peer.input';
import { Peer } from './peer.entity';
import { assertMayReadPeerField } from './peer-field-access';
import { PeerErasureService } from './peer-erasure.service';
import { PeersService } from './peers.service';

@ObjectType()
export class PeerConnection extends ConnectionOf(Peer, 'Peer') {}

@Resolver(() => Peer)
export class PeerResolver {
  constructor(
    private readonly peersService: PeersService,
    private readonly erasure: PeerErasureService,
  ) {}

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
  @Audited(AuditAction.CREATE, AuditSubject.PEER, (peer: Peer) => ({ subjectId: peer.id, personId: peer.id }))
  createPeer(@Args('input') input: CreatePeerInput): Promise<Peer> {
    return this.peersService.create(input);
  }

  @Mutation(() => Peer)
  @RolesWithServiceScope('profiles:write', 'ADMIN', 'INTAKE')
  @Audited(AuditAction.UPDATE, AuditSubject.PEER, (peer: Peer) => ({ subjectId: peer.id, personId: peer.id }))
  updatePeer(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input') input: UpdatePeerInput,
  ): Promise<Peer> {
    return this.peersService.update(id, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Erases the peer’s name, demographics, lived experience, interests and notes for good. Anonymous requests, suggestions and matches stay for reports.',
  })
  @Roles('ADMIN', 'PEER')
  @Audited(AuditAction.ERASE, AuditSubject.PEER, (_: boolean, args) => ({
    subjectId: String(args.id),
    personId: String(args.id),
  }))
  async erasePeer(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    assertOwnRecord(principal, { peerId: id }, 'PEER_NOT_FOUND', `No peer with id ${id}`);
    await this.erasure.erase(id);
    return true;
  }

  @ResolveField(() => Location, { nullable: true })
  location(@Parent() peer: Peer, @Context() context: GraphqlContext): Location | null {
    assertMayReadPeerField(context, peer, 'private');
    return locationOf(peer);
  }

  @ResolveField(() => [Tag], {
    description: 'Health information: shown only as the peer consented; every read is audited.',
  })
  livedExperiences(
    @Parent() peer: Peer,
    @Context() context: GraphqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Tag[]> {
    assertMayReadPeerField(context, peer, 'livedExperience');
    context.audit.recordHealthRead(
      { subjectType: AuditSubject.PEER, subjectId: peer.id, personId: peer.id, owner: { peerId: peer.id } },
      rootFieldOf(info),
    );
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
