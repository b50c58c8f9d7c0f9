import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '../common/access/actor';
import { AccessPolicy } from '../common/access/policy';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { PeerErasureService } from './peer-erasure.service';
import { PeerExportService } from './peer-export.service';
import { ERASE_PEER, EXPORT_PEER_DATA } from './privacy.policies';

/** A peer's rights over what is held about them: a copy of it, and its erasure. */
@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly erasure: PeerErasureService,
    private readonly exports: PeerExportService,
  ) {}

  @Query(() => String, {
    description:
      'A JSON document of all that is held about the peer: profile, consents, requests, suggestions, matches, notes, and who read their health information.',
  })
  @AccessPolicy(EXPORT_PEER_DATA)
  async exportPeerData(
    @Args('peerId', { type: () => ID, description: 'The peer whose data to copy.' }, ParseIdPipe) peerId: string,
  ): Promise<string> {
    return JSON.stringify(await this.exports.export(peerId), null, 2);
  }

  @Mutation(() => Boolean, {
    description:
      'Erases the peer’s name, demographics, lived experience, interests and notes for good. Anonymous requests, suggestions and matches stay for reports.',
  })
  @AccessPolicy(ERASE_PEER)
  async erasePeer(
    @Args('id', { type: () => ID, description: 'The peer to erase.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<boolean> {
    await this.erasure.erase(id, actor);
    return true;
  }
}
