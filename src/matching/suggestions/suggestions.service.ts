import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { recordChange } from '../../audit/change-record';
import type { Actor } from '../../common/access/actor';
import { MAX_PAGE_SIZE } from '../../common/pagination/connection';
import { DomainError } from '../../common/errors/domain-error';
import { Peer } from '../../peers/peer.entity';
import { SupportWorker } from '../../support-workers/support-worker.entity';
import { MatchingJobs } from '../jobs/matching-jobs.service';
import { Match } from '../matches/match.entity';
import {
  DeclineReason,
  MatchRequestStatus,
  MatchStatus,
  SuggestionStatus,
  VISIBLE_SUGGESTION_STATUSES,
} from '../core/matching.enums';
import { MatchRequest } from '../requests/match-request.entity';
import { NUDGE_LEVELS, NUDGED_FACTOR } from './decline-nudges';
import { Suggestion } from './suggestion.entity';

@Injectable()
export class SuggestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: MatchingJobs,
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
   * The peer takes this suggestion: one transaction with the worker's row locked, so that a
   * worker never has more active matches than places. Accepting again returns the same match.
   */
  async accept(id: string, actor: Actor): Promise<Match> {
    let peerId: string | undefined;
    try {
      const { match, workerNowFull } = await this.dataSource.transaction(async (manager) => {
        const suggestion = await this.lockInOrder(manager, id);
        peerId = suggestion.peerId;
        if (suggestion.status === SuggestionStatus.ACCEPTED) {
          const match = await manager.findOneByOrFail(Match, { suggestionId: id });
          await this.recordAccept(manager, actor, match);
          return { match, workerNowFull: false };
        }
        if (suggestion.status !== SuggestionStatus.OPEN) {
          throw new DomainError('SUGGESTION_NOT_OPEN', `This suggestion is ${suggestion.status.toLowerCase()}`);
        }
        const worker = await manager.findOne(SupportWorker, {
          where: { id: suggestion.supportWorkerId },
          lock: { mode: 'pessimistic_write' },
        });
        const activeMatches = await manager.count(Match, {
          where: { supportWorkerId: suggestion.supportWorkerId, status: MatchStatus.ACTIVE },
        });
        if (!worker || !worker.active || activeMatches >= worker.capacity) {
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
        await manager.update(Suggestion, { id }, { status: SuggestionStatus.ACCEPTED });
        await manager.update(
          Suggestion,
          { peerId: suggestion.peerId, status: SuggestionStatus.OPEN },
          { status: SuggestionStatus.WITHDRAWN },
        );
        await manager.update(MatchRequest, { id: suggestion.requestId }, { status: MatchRequestStatus.ACCEPTED });
        await this.recordAccept(manager, actor, created);
        return { match: created, workerNowFull: activeMatches + 1 >= worker.capacity };
      });
      if (workerNowFull) await this.jobs.fanOut({ scope: 'suggested', supportWorkerId: match.supportWorkerId });
      return match;
    } catch (error) {
      // The place went to someone else: find this peer other workers.
      if (error instanceof DomainError && error.reason === 'WORKER_AT_CAPACITY' && peerId) {
        await this.jobs.recompute([peerId]);
      }
      throw error;
    }
  }

  /**
   * The peer turns this suggestion down. The worker is never suggested to them again, the reason
   * raises the weight of the factor it names, and a refill is computed once none is left open.
   */
  async decline(id: string, reason: DeclineReason, note: string | null, actor: Actor): Promise<Suggestion> {
    const { suggestion, recompute } = await this.dataSource.transaction(async (manager) => {
      const suggestion = await this.lockInOrder(manager, id);
      await recordChange(manager, actor, {
        action: AuditAction.DECLINE,
        subjectType: AuditSubject.SUGGESTION,
        subjectId: suggestion.id,
        personId: suggestion.peerId,
      });
      if (suggestion.status === SuggestionStatus.DECLINED) return { suggestion, recompute: false };
      if (suggestion.status !== SuggestionStatus.OPEN) {
        throw new DomainError('SUGGESTION_NOT_OPEN', `This suggestion is ${suggestion.status.toLowerCase()}`);
      }
      suggestion.status = SuggestionStatus.DECLINED;
      suggestion.declineReason = reason;
      suggestion.declineNote = note;
      await manager.save(suggestion);
      const nudged = await this.nudge(manager, suggestion.peerId, reason);
      const openLeft = await manager.count(Suggestion, {
        where: { requestId: suggestion.requestId, status: SuggestionStatus.OPEN },
      });
      return { suggestion, recompute: nudged || openLeft === 0 };
    });
    if (recompute) await this.jobs.recompute([suggestion.peerId]);
    return suggestion;
  }

  private async nudge(manager: EntityManager, peerId: string, reason: DeclineReason): Promise<boolean> {
    const factor = NUDGED_FACTOR[reason];
    if (!factor) return false;
    const peer = await manager.findOne(Peer, { where: { id: peerId }, lock: { mode: 'pessimistic_write' } });
    if (!peer || (peer.declineNudges[factor] ?? 0) >= NUDGE_LEVELS) return false;
    peer.declineNudges = { ...peer.declineNudges, [factor]: NUDGE_LEVELS };
    peer.profileVersion += 1;
    await manager.save(peer);
    return true;
  }

  /**
   * Locks the peer, then the suggestion: every change to a peer's suggestions (accept, decline,
   * a recompute's write, erasure, expiry) takes the peer's row first, so two of them never wait
   * on each other's rows in opposite orders. The second of two accepts then finds its suggestion
   * withdrawn and answers SUGGESTION_NOT_OPEN instead of deadlocking.
   */
  private async lockInOrder(manager: EntityManager, id: string): Promise<Suggestion> {
    const missing = () => new DomainError('SUGGESTION_NOT_FOUND', `No suggestion with id ${id}`);
    const unlocked = await manager.findOne(Suggestion, { where: { id }, select: { id: true, peerId: true } });
    if (!unlocked) throw missing();
    await manager.findOne(Peer, { where: { id: unlocked.peerId }, lock: { mode: 'pessimistic_write' } });
    const suggestion = await manager.findOne(Suggestion, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!suggestion) throw missing();
    return suggestion;
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
