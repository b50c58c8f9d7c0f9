import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { recordChange } from '../../audit/change-record';
import type { Actor } from '../../common/access/actor';
import { DomainError } from '../../common/errors/domain-error';
import { Peer } from '../../peers/peer.entity';
import { MatchingJobs } from '../jobs/matching-jobs.service';
import { Match } from '../matches/match.entity';
import { MatchRequestStatus, MatchStatus, OPEN_REQUEST_STATUSES } from '../core/matching.enums';
import { MatchRequest } from './match-request.entity';

@Injectable()
export class MatchRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: MatchingJobs,
  ) {}

  /**
   * Stores a PENDING request and, once committed, enqueues its computation. A peer with an
   * open request gets that request back; a peer already in an active match cannot ask.
   */
  async request(peerId: string, actor: Actor): Promise<MatchRequest> {
    const { request, created } = await this.dataSource.transaction(async (manager) => {
      // Locking the peer serialises concurrent requests for them.
      const peer = await manager.findOne(Peer, { where: { id: peerId }, lock: { mode: 'pessimistic_write' } });
      if (!peer || peer.erasedAt) throw new DomainError('PEER_NOT_FOUND', `No peer with id ${peerId}`);
      if (await manager.exists(Match, { where: { peerId, status: MatchStatus.ACTIVE } })) {
        throw new DomainError('PEER_ALREADY_MATCHED', 'This peer already has an active match; end it first');
      }
      const open = await manager.findOne(MatchRequest, { where: { peerId, status: In([...OPEN_REQUEST_STATUSES]) } });
      const request =
        open ?? (await manager.save(manager.create(MatchRequest, { peerId, status: MatchRequestStatus.PENDING })));
      await recordChange(manager, actor, {
        action: AuditAction.REQUEST_MATCH,
        subjectType: AuditSubject.MATCH_REQUEST,
        subjectId: request.id,
        personId: peerId,
      });
      return { request, created: !open };
    });
    if (created) await this.jobs.recompute([peerId]);
    return request;
  }

  findById(id: string): Promise<MatchRequest | null> {
    return this.dataSource.manager.findOneBy(MatchRequest, { id });
  }
}
