import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { recordChange } from '../../audit/change-record';
import type { Actor } from '../../common/access/actor';
import { MAX_PAGE_SIZE } from '../../common/pagination/connection';
import { DomainError } from '../../common/errors/domain-error';
import { MatchingJobs } from '../jobs/matching-jobs.service';
import { MatchEndReason, MatchStatus } from '../core/matching.enums';
import { Match } from './match.entity';

@Injectable()
export class MatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: MatchingJobs,
  ) {}

  forWorker(supportWorkerId: string, status?: MatchStatus | null): Promise<Match[]> {
    return this.dataSource.manager.find(Match, {
      where: { supportWorkerId, ...(status ? { status } : {}) },
      order: { startedAt: 'DESC' },
      take: MAX_PAGE_SIZE,
    });
  }

  /** Ends an active match; ending it again returns it unchanged. The worker's place is offered again. */
  async end(id: string, reason: MatchEndReason, note: string | null, actor: Actor): Promise<Match> {
    const { match, ended } = await this.dataSource.transaction(async (manager) => {
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
    if (ended) await this.jobs.fanOut({ scope: 'open-requests', supportWorkerId: match.supportWorkerId });
    return match;
  }
}
