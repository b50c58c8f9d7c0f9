import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../../config/environment';
import { RecomputeDueStore } from '../engine/recompute-due';
import { MatchingJobs } from './matching-jobs.service';
import { retryingTransaction } from '../../common/database/retrying-transaction';

export interface SweepResult {
  requeued: number;
  expired: number;
  /** Due peers and fan-outs whose wake-up was lost (the queue was down, or lost its data). */
  woken: number;
}

/**
 * Catches up on work a lost job or an unreachable queue left undone: requests still PENDING, or
 * computed from an older profile, past a bound are asked for again; due peers and fan-outs left
 * waiting past it are woken again; OPEN suggestions past their lifetime expire, and requests
 * left with none are refilled.
 */
@Injectable()
export class SweeperService {
  private readonly logger = new Logger(SweeperService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: MatchingJobs,
    private readonly due: RecomputeDueStore,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async sweep(): Promise<SweepResult> {
    const pendingAfterMs = this.config.get('PENDING_REQUEUE_AFTER_MS', { infer: true });
    const ttlHours = this.config.get('SUGGESTION_TTL_HOURS', { infer: true });
    const expired = await this.expire(ttlHours * 3600);
    const stuck: { peer_id: string }[] = await this.dataSource.query(
      `SELECT r.peer_id FROM match_request r JOIN peer p ON p.id = r.peer_id
        WHERE r.updated_at < now() - make_interval(secs => $1)
          AND (r.status = 'PENDING'
               OR (r.status IN ('READY', 'NO_CANDIDATES') AND r.computed_profile_version IS DISTINCT FROM p.profile_version)
               OR (r.status = 'READY' AND NOT EXISTS (
                     SELECT 1 FROM suggestion s WHERE s.request_id = r.id AND s.status = 'OPEN')))
        ORDER BY r.created_at`,
      [pendingAfterMs / 1000],
    );
    const peerIds = stuck.map((row) => row.peer_id);
    // Already due is as good: a batch computing one of them now need not compute it twice.
    if (peerIds.length) await this.jobs.enqueueRecomputes(peerIds, 'background', { again: false });
    const woken = await this.wakeLeftBehind(pendingAfterMs);
    if (peerIds.length || expired || woken)
      this.logger.log(
        `Sweep: ${peerIds.length} request(s) requeued, ${woken} wake-up(s) repeated, ${expired} suggestion(s) expired`,
      );
    return { requeued: peerIds.length, expired, woken };
  }

  private async wakeLeftBehind(olderThanMs: number): Promise<number> {
    const { urgent, background } = await this.due.unclaimed(olderThanMs);
    if (urgent) await this.jobs.wake('interactive', urgent);
    if (background) await this.jobs.wake('background', background);
    const fanOuts: { support_worker_id: string }[] = await this.dataSource.query(
      `SELECT support_worker_id FROM fan_out_due WHERE due_since < clock_timestamp() - make_interval(secs => $1)`,
      [olderThanMs / 1000],
    );
    await this.jobs.wakeFanOuts(fanOuts.map((row) => row.support_worker_id));
    return urgent + background + fanOuts.length;
  }

  /**
   * The peers' rows first, as every change to a peer's suggestions takes them (see
   * suggestions/suggestion-choice.ts), and in one order, as this one takes many: an accept holding a peer's row
   * and one suggestion never waits for another suggestion of theirs this holds. Suggestions that
   * pass their lifetime meanwhile are left to the next sweep.
   */
  private expire(ttlSeconds: number): Promise<number> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const due: { id: string }[] = await manager.query(
        `SELECT p.id FROM peer p
          WHERE p.id IN (SELECT s.peer_id FROM suggestion s
                          WHERE s.status = 'OPEN' AND s.created_at < now() - make_interval(secs => $1))
          ORDER BY p.id FOR UPDATE OF p`,
        [ttlSeconds],
      );
      if (!due.length) return 0;
      const [expired, count]: [{ request_id: string }[], number] = await manager.query(
        `UPDATE suggestion SET status = 'EXPIRED', updated_at = now()
          WHERE status = 'OPEN' AND created_at < now() - make_interval(secs => $1) AND peer_id = ANY($2::uuid[])
          RETURNING request_id`,
        [ttlSeconds, due.map((peer) => peer.id)],
      );
      // Their places are refilled by the requeue below, in this same sweep: the request owes a
      // computation, and its updated_at is left as it was so that it is due at once.
      await manager.query(
        `UPDATE match_request SET computed_profile_version = NULL
          WHERE id = ANY($1::uuid[]) AND status IN ('READY', 'NO_CANDIDATES')`,
        [[...new Set(expired.map((row) => row.request_id))]],
      );
      return Number(count);
    });
  }
}
