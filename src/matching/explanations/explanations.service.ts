import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { MatchingProfilesService } from '../engine/matching-profiles.service';
import { explainPair, PairExplanation, preparePeer, prepareWorkers } from '../core';

@Injectable()
export class ExplanationsService {
  constructor(private readonly profiles: MatchingProfilesService) {}

  async explain(peerId: string, supportWorkerId: string): Promise<PairExplanation> {
    const [taxonomy, [peer], [worker]] = await Promise.all([
      this.profiles.taxonomy(),
      this.profiles.peerProfiles([peerId]),
      this.profiles.workerProfiles([supportWorkerId]),
    ]);
    if (!peer) throw new DomainError('PEER_NOT_FOUND', `No peer with id ${peerId}`);
    if (!worker) throw new DomainError('SUPPORT_WORKER_NOT_FOUND', `No support worker with id ${supportWorkerId}`);
    const workers = prepareWorkers([worker], taxonomy);
    return explainPair(preparePeer(peer, workers), workers, 0);
  }
}
