import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertOwnRecord } from '../../common/auth/ownership';
import { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { MatchingJobs } from '../jobs/matching-jobs.service';
import { MatchEndReason, MatchStatus } from '../matching.enums';
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
    });
  }

  /** Ends an active match; ending it again returns it unchanged. The worker's place is offered again. */
  async end(principal: Principal, id: string, reason: MatchEndReason, note: string | null): Promise<Match> {
    const { match, ended } = await this.dataSource.transaction(async (manager) => {
      const match = await manager.findOne(Match, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const missing = `No match with id ${id}`;
      if (!match) throw new DomainError('MATCH_NOT_FOUND', missing);
      assertOwnRecord(principal, match, 'MATCH_NOT_FOUND', missing);
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
