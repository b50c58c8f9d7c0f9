import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { recordChange } from '../../audit/change-record';
import type { Actor } from '../../common/access/actor';
import { MAX_PAGE_SIZE } from '../../common/pagination/connection';
import { DomainError } from '../../common/errors/domain-error';
import { SupportWorker } from '../../support-workers/support-worker.entity';
import { MatchEndReason, MatchStatus, SuggestionStatus } from '../core/matching.enums';
import { assertOpen, lockSuggestionInOrder, takeSuggestion } from '../suggestions/suggestion-choice';
import { Match } from './match.entity';
import { MatchEnded, MatchStarted, PlaceTakenFirst } from './match.events';
import { retryingTransaction } from '../../common/database/retrying-transaction';

@Injectable()
export class MatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventEmitter2,
  ) {}

  forWorker(supportWorkerId: string, status?: MatchStatus | null): Promise<Match[]> {
    return this.dataSource.manager.find(Match, {
      where: { supportWorkerId, ...(status ? { status } : {}) },
      order: { startedAt: 'DESC' },
      take: MAX_PAGE_SIZE,
    });
  }

  /**
   * The peer takes this suggestion: one transaction with the worker's row locked, so that a
   * worker never has more active matches than places. Accepting again returns the same match.
   */
  async accept(suggestionId: string, actor: Actor): Promise<Match> {
    let peerId: string | undefined;
    try {
      const { match, workerNowFull } = await retryingTransaction(this.dataSource, async (manager) => {
        const suggestion = await lockSuggestionInOrder(manager, suggestionId);
        peerId = suggestion.peerId;
        if (suggestion.status === SuggestionStatus.ACCEPTED) {
          const match = await manager.findOneByOrFail(Match, { suggestionId });
          await this.recordAccept(manager, actor, match);
          return { match, workerNowFull: false };
        }
        assertOpen(suggestion);
        const worker = await manager.findOne(SupportWorker, {
          where: { id: suggestion.supportWorkerId },
          lock: { mode: 'pessimistic_write' },
        });
        const activeMatches = await manager.count(Match, {
          where: { supportWorkerId: suggestion.supportWorkerId, status: MatchStatus.ACTIVE },
        });
        // Until the fan-out withdraws it, a suggestion may still name a worker who stopped taking new peers.
        if (!worker || !worker.active || !worker.acceptingNewPeers || activeMatches >= worker.capacity) {
          throw new DomainError('WORKER_AT_CAPACITY', 'This support worker has no free place any more');
        }
        if (await manager.exists(Match, { where: { peerId: suggestion.peerId, status: MatchStatus.ACTIVE } })) {
          throw new DomainError('PEER_ALREADY_MATCHED', 'This peer already has an active match');
        }
        const created = await manager.save(
          manager.create(Match, {
            peerId: suggestion.peerId,
            supportWorkerId: suggestion.supportWorkerId,
            suggestionId: suggestion.id,
            status: MatchStatus.ACTIVE,
          }),
        );
        await takeSuggestion(manager, suggestion);
        await this.recordAccept(manager, actor, created);
        return { match: created, workerNowFull: activeMatches + 1 >= worker.capacity };
      });
      await this.events.emitAsync(MatchStarted.NAME, new MatchStarted(match.supportWorkerId, workerNowFull));
      return match;
    } catch (error) {
      if (error instanceof DomainError && error.reason === 'WORKER_AT_CAPACITY' && peerId) {
        await this.events.emitAsync(PlaceTakenFirst.NAME, new PlaceTakenFirst(peerId));
      }
      throw error;
    }
  }

  /** Ends an active match; ending it again returns it unchanged. The worker's place is offered again. */
  async end(id: string, reason: MatchEndReason, note: string | null, actor: Actor): Promise<Match> {
    const { match, ended } = await retryingTransaction(this.dataSource, async (manager) => {
      const match = await manager.findOne(Match, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const missing = `No match with id ${id}`;
      if (!match) throw new DomainError('MATCH_NOT_FOUND', missing);
      await recordChange(manager, actor, {
        action: AuditAction.END,
        subjectType: AuditSubject.MATCH,
        subjectId: match.id,
        personId: match.peerId,
      });
      if (match.status === MatchStatus.ENDED) return { match, ended: false };
      match.status = MatchStatus.ENDED;
      match.endedAt = new Date();
      match.endReason = reason;
      match.endNote = note;
      return { match: await manager.save(match), ended: true };
    });
    if (ended) await this.events.emitAsync(MatchEnded.NAME, new MatchEnded(match.supportWorkerId));
    return match;
  }

  private recordAccept(manager: EntityManager, actor: Actor, match: Match): Promise<void> {
    return recordChange(manager, actor, {
      action: AuditAction.ACCEPT,
      subjectType: AuditSubject.MATCH,
      subjectId: match.id,
      personId: match.peerId,
    });
  }
}
