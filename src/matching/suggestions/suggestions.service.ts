import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { recordChange } from '../../audit/change-record';
import type { Actor } from '../../common/access/actor';
import { MAX_PAGE_SIZE } from '../../common/pagination/connection';
import { Peer } from '../../peers/peer.entity';
import { DeclineReason, SuggestionStatus, VISIBLE_SUGGESTION_STATUSES } from '../core/matching.enums';
import { MatchRequest } from '../requests/match-request.entity';
import { NUDGE_LEVELS, NUDGED_FACTOR } from './decline-nudges';
import { assertOpen, lockSuggestionInOrder } from './suggestion-choice';
import { Suggestion } from './suggestion.entity';
import { SuggestionsNeedRefill } from './suggestion.events';
import { retryingTransaction } from '../../common/database/retrying-transaction';

@Injectable()
export class SuggestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventEmitter2,
  ) {}

  /** Newest request first, and within a request by rank: a refill made later never jumps ahead of rank 1. */
  forPeer(peerId: string, status?: SuggestionStatus | null): Promise<Suggestion[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(Suggestion, 'suggestion')
      .innerJoin(MatchRequest, 'request', 'request.id = suggestion.request_id')
      .where('suggestion.peer_id = :peerId', { peerId })
      .orderBy('request.created_at', 'DESC')
      .addOrderBy('suggestion.rank', 'ASC')
      .addOrderBy('suggestion.created_at', 'DESC')
      .limit(MAX_PAGE_SIZE);
    if (status) query.andWhere('suggestion.status = :status', { status });
    return query.getMany();
  }

  /** The request's current suggestions, best first: everything but what was withdrawn or expired. */
  forRequest(requestId: string): Promise<Suggestion[]> {
    return this.dataSource.manager.find(Suggestion, {
      where: {
        requestId,
        status: In(VISIBLE_SUGGESTION_STATUSES),
      },
      order: { rank: 'ASC', createdAt: 'ASC' },
      take: MAX_PAGE_SIZE,
    });
  }

  /**
   * The peer turns this suggestion down. The worker is never suggested to them again, the reason
   * raises the weight of the factor it names, and the free place is refilled once this commits,
   * the other open suggestions staying as they are.
   */
  async decline(id: string, reason: DeclineReason, note: string | null, actor: Actor): Promise<Suggestion> {
    const { suggestion, refill } = await retryingTransaction(this.dataSource, async (manager) => {
      const suggestion = await lockSuggestionInOrder(manager, id);
      await recordChange(manager, actor, {
        action: AuditAction.DECLINE,
        subjectType: AuditSubject.SUGGESTION,
        subjectId: suggestion.id,
        personId: suggestion.peerId,
      });
      if (suggestion.status === SuggestionStatus.DECLINED) return { suggestion, refill: false };
      assertOpen(suggestion);
      suggestion.status = SuggestionStatus.DECLINED;
      suggestion.declineReason = reason;
      suggestion.declineNote = note;
      await manager.save(suggestion);
      await this.nudge(manager, suggestion.peerId, reason);
      // Marked as owing a computation, so that the sweeper refills it should the job below be lost.
      await manager.query(
        `UPDATE match_request SET computed_profile_version = NULL, updated_at = now() WHERE id = $1`,
        [suggestion.requestId],
      );
      return { suggestion, refill: true };
    });
    if (refill) await this.events.emitAsync(SuggestionsNeedRefill.NAME, new SuggestionsNeedRefill(suggestion.peerId));
    return suggestion;
  }

  private async nudge(manager: EntityManager, peerId: string, reason: DeclineReason): Promise<void> {
    const factor = NUDGED_FACTOR[reason];
    if (!factor) return;
    const peer = await manager.findOne(Peer, { where: { id: peerId }, lock: { mode: 'pessimistic_write' } });
    if (!peer || (peer.declineNudges[factor] ?? 0) >= NUDGE_LEVELS) return;
    peer.declineNudges = { ...peer.declineNudges, [factor]: NUDGE_LEVELS };
    peer.profileVersion += 1;
    await manager.save(peer);
  }
}
