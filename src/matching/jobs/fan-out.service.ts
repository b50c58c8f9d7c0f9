import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../../config/environment';
import { AffectedPeers } from '../engine/affected-peers';
import { RecomputeDueStore } from '../engine/recompute-due';
import { MatchingJobs } from './matching-jobs.service';
import { FanOutJob } from './queue-names';

/**
 * Turns one worker's change into recomputes of the peers it may affect. The peers are marked due
 * in the transaction that takes the fan-out off fan_out_due, so a fan-out is done exactly when
 * its recomputes are recorded: one lost before that is found there by the sweeper.
 */
@Injectable()
export class FanOutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: MatchingJobs,
    private readonly due: RecomputeDueStore,
    private readonly affected: AffectedPeers,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async run({ supportWorkerId }: Partial<FanOutJob>): Promise<number> {
    const owed: { generation: string }[] = supportWorkerId
      ? await this.dataSource.query(`SELECT generation FROM fan_out_due WHERE support_worker_id = $1`, [
          supportWorkerId,
        ])
      : [];
    const peerIds = await this.peersAffectedBy(supportWorkerId);
    const marked = await this.dataSource.transaction(async (manager) => {
      const counts = await this.due.mark(peerIds, 'background', { manager });
      // Changed again while this ran: its generation moved on, and the fan-out stays owed.
      if (owed.length)
        await manager.query(`DELETE FROM fan_out_due WHERE support_worker_id = $1 AND generation = $2`, [
          supportWorkerId,
          owed[0].generation,
        ]);
      return counts;
    });
    // Not woken (the queue is down): the peers are due, and the sweeper wakes batches for them.
    await this.jobs.wakeFor(marked);
    return peerIds.length;
  }

  /** A job from before fan-outs named their worker meant every open request. */
  private async peersAffectedBy(supportWorkerId: string | undefined): Promise<string[]> {
    if (supportWorkerId)
      return this.affected.ofWorker(supportWorkerId, this.config.get('SUGGESTION_COUNT', { infer: true }));
    const rows: { peer_id: string }[] = await this.dataSource.query(
      `SELECT peer_id FROM match_request WHERE status IN ('PENDING', 'READY', 'NO_CANDIDATES')`,
    );
    return rows.map((row) => row.peer_id);
  }
}
