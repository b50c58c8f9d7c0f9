import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ClientBase } from 'pg';
import { DataSource } from 'typeorm';
import { AuditAction, AuditSubject } from '../audit/audit.enums';
import { recordChange } from '../audit/change-record';
import type { Actor } from '../common/access/actor';
import { DomainError } from '../common/errors/domain-error';
import { MatchEnded } from '../matching/matches/match.events';
import { Peer } from '../peers/peer.entity';
import { retryingTransaction } from '../common/database/retrying-transaction';

export const ERASED_NAME = 'Erased peer';

/** The tables erasure rewrites: vacuumed afterwards so that the old row versions leave their pages. */
export const ERASED_TABLES = ['peer', 'peer_tag', 'suggestion', 'match', 'match_request'] as const;

/**
 * Removes a peer's personal and health data for good, keeping anonymous rows (requests,
 * suggestions, matches) so that reports and workers' caseload history stay consistent.
 * Nothing is computed for the peer afterwards, so nothing can be recomputed from what was removed.
 */
@Injectable()
export class PeerErasureService {
  private readonly logger = new Logger(PeerErasureService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventEmitter2,
  ) {}

  async erase(peerId: string, actor: Actor): Promise<void> {
    const freedWorkers = await retryingTransaction(this.dataSource, async (manager) => {
      const peer = await manager.findOne(Peer, { where: { id: peerId }, lock: { mode: 'pessimistic_write' } });
      if (!peer || peer.erasedAt) throw new DomainError('PEER_NOT_FOUND', `No peer with id ${peerId}`);
      await manager.query(
        `UPDATE peer SET display_name = $2, gender = NULL, birth_year = NULL, languages = '{}', modes = '{}',
                latitude = NULL, longitude = NULL, availability = NULL, max_distance_km = NULL,
                preferences = '{}', decline_nudges = '{}',
                consent_use_lived_experience_for_matching = false, consent_share_lived_experience_with_workers = false,
                erased_at = now(), profile_version = profile_version + 1, updated_at = now()
          WHERE id = $1`,
        [peerId, ERASED_NAME],
      );
      await manager.query(`DELETE FROM peer_tag WHERE peer_id = $1`, [peerId]);
      // Reasons and breakdowns describe what the pair shared; notes are the peer's own words.
      await manager.query(
        `UPDATE suggestion SET reasons = '[]', explained = '[]', breakdown = '[]', weights = '{}', decline_note = NULL,
                status = CASE WHEN status = 'OPEN' THEN 'WITHDRAWN'::suggestion_status ELSE status END, updated_at = now()
          WHERE peer_id = $1`,
        [peerId],
      );
      await manager.query(
        `UPDATE match_request SET status = 'CANCELLED', updated_at = now()
          WHERE peer_id = $1 AND status IN ('PENDING', 'READY', 'NO_CANDIDATES')`,
        [peerId],
      );
      // An UPDATE ... RETURNING answers [rows, count].
      const [ended]: [{ support_worker_id: string }[], number] = await manager.query(
        `UPDATE match SET status = 'ENDED', ended_at = now(), end_reason = 'PEER_CHOICE'
          WHERE peer_id = $1 AND status = 'ACTIVE' RETURNING support_worker_id`,
        [peerId],
      );
      await manager.query(`UPDATE match SET end_note = NULL WHERE peer_id = $1`, [peerId]);
      // Nothing outlives the erasure: a browser still signed in as the peer is signed out with it.
      await manager.query(`DELETE FROM user_session WHERE peer_id = $1`, [peerId]);
      await recordChange(manager, actor, {
        action: AuditAction.ERASE,
        subjectType: AuditSubject.PEER,
        subjectId: peerId,
        personId: peerId,
      });
      return ended.map((row) => row.support_worker_id);
    });
    await this.vacuum();
    // A place freed is offered to other peers; nothing is computed for the erased one.
    for (const supportWorkerId of freedWorkers) {
      await this.events.emitAsync(MatchEnded.NAME, new MatchEnded(supportWorkerId));
    }
  }

  /**
   * An UPDATE leaves the old row version in the table's pages until a vacuum removes it. Where
   * the database lets this role vacuum, it runs now rather than whenever autovacuum gets to it;
   * what stays in the write-ahead log and in backups is said in the README.
   */
  private async vacuum(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    // A table this role may not vacuum is skipped with a warning, not an error: the warnings are
    // the only sign. SQLSTATE class 01 is a warning whatever language the server speaks.
    const warnings: string[] = [];
    const onNotice = (notice: { code?: string; message?: string }) => {
      if (notice.code?.startsWith('01')) warnings.push(notice.message ?? notice.code);
    };
    try {
      const client: ClientBase = await runner.connect();
      client.on('notice', onNotice);
      try {
        await runner.query(`VACUUM ${ERASED_TABLES.join(', ')}`);
      } finally {
        client.off('notice', onNotice);
      }
    } catch (error) {
      this.logger.warn(`Vacuum after erasure not run: ${error instanceof Error ? error.name : 'unknown error'}`);
    } finally {
      await runner.release();
    }
    // The server names tables only, never values.
    if (warnings.length) this.logger.warn(`Vacuum after erasure incomplete: ${warnings.join('; ')}`);
  }
}
