import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { recordChange } from '../../audit/change-record';
import type { Actor } from '../../common/access/actor';
import { DomainError } from '../../common/errors/domain-error';
import { lockAfterPeer } from '../../peers/lock-after-peer';
import { Peer } from '../../peers/peer.entity';
import { MatchRequestStatus, OPEN_REQUEST_STATUSES } from '../core/matching.enums';
import { MatchRequest } from './match-request.entity';
import { MatchRequested } from './match-request.events';
import { RequestAdmission } from './request-admission';
import { retryingTransaction } from '../../common/database/retrying-transaction';

@Injectable()
export class MatchRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventEmitter2,
    private readonly admission: RequestAdmission,
  ) {}

  /**
   * Stores a PENDING request and, once committed, asks for its computation. A peer with an
   * open request gets that request back; a peer already in an active match cannot ask.
   */
  async request(peerId: string, actor: Actor): Promise<MatchRequest> {
    const { request, created } = await retryingTransaction(this.dataSource, async (manager) => {
      // Locking the peer serialises concurrent requests for them.
      const peer = await manager.findOne(Peer, { where: { id: peerId }, lock: { mode: 'pessimistic_write' } });
      if (!peer || peer.erasedAt) throw new DomainError('PEER_NOT_FOUND', `No peer with id ${peerId}`);
      await this.admission.admit(manager, peerId);
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
    if (created) await this.events.emitAsync(MatchRequested.NAME, new MatchRequested(peerId));
    return request;
  }

  /**
   * Withdraws an open request: CANCELLED, its OPEN suggestions WITHDRAWN, and nothing owed for
   * the peer any more. Cancelling again returns it unchanged; an accepted one stays accepted.
   * The peer's row is taken first, then the request's, then what is owed, as every writer of a
   * peer's requests does: a recompute or an accept for the peer either commits before this reads
   * the request, or finds it cancelled.
   */
  async cancel(id: string, actor: Actor): Promise<MatchRequest> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const request = await lockAfterPeer(
        manager,
        MatchRequest,
        id,
        () => new DomainError('MATCH_REQUEST_NOT_FOUND', `No match request with id ${id}`),
      );
      if (request.status === MatchRequestStatus.ACCEPTED) {
        throw new DomainError('MATCH_REQUEST_ACCEPTED', 'This request was accepted: end the match instead');
      }
      await recordChange(manager, actor, {
        action: AuditAction.CANCEL_REQUEST,
        subjectType: AuditSubject.MATCH_REQUEST,
        subjectId: request.id,
        personId: request.peerId,
      });
      if (request.status === MatchRequestStatus.CANCELLED) return request;
      // A batch holding the peer's claim then finds it gone and writes nothing for them.
      await manager.query(`DELETE FROM recompute_due WHERE peer_id = $1`, [request.peerId]);
      await manager.query(
        `UPDATE suggestion SET status = 'WITHDRAWN', updated_at = now() WHERE request_id = $1 AND status = 'OPEN'`,
        [request.id],
      );
      request.status = MatchRequestStatus.CANCELLED;
      return manager.save(request);
    });
  }

  findById(id: string): Promise<MatchRequest | null> {
    return this.dataSource.manager.findOneBy(MatchRequest, { id });
  }
}
