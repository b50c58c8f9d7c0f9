import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../../config/environment';
import { AffectedPeers } from '../engine/affected-peers';
import { MatchingJobs } from './matching-jobs.service';
import { FanOutJob } from './queue-names';

/** Turns one change into recomputes of the peers it may affect, enqueued in bulk. */
@Injectable()
export class FanOutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: MatchingJobs,
    private readonly affected: AffectedPeers,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async run(job: FanOutJob): Promise<number> {
    const peerIds = await this.peersAffectedBy(job);
    if (peerIds.length && !(await this.jobs.enqueueRecomputes(peerIds))) {
      throw new Error('Could not enqueue the recomputes; the job will be retried');
    }
    return peerIds.length;
  }

  private async peersAffectedBy(job: FanOutJob): Promise<string[]> {
    if (job.scope === 'open-requests' && job.supportWorkerId) {
      return this.affected.ofWorker(job.supportWorkerId, this.config.get('SUGGESTION_COUNT', { infer: true }));
    }
    const rows: { peer_id: string }[] =
      job.scope === 'suggested'
        ? await this.dataSource.query(
            `SELECT DISTINCT peer_id FROM suggestion WHERE status = 'OPEN' AND support_worker_id = $1`,
            [job.supportWorkerId],
          )
        : await this.dataSource.query(
            `SELECT peer_id FROM match_request WHERE status IN ('PENDING', 'READY', 'NO_CANDIDATES') ORDER BY created_at`,
          );
    return rows.map((row) => row.peer_id);
  }
}
