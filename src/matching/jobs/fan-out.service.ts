import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatchingJobs } from './matching-jobs.service';
import { FanOutJob } from './queue-names';

/** Turns one change into recomputes of the peers it may affect, enqueued in bulk. */
@Injectable()
export class FanOutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: MatchingJobs,
  ) {}

  async run(job: FanOutJob): Promise<number> {
    const rows: { peer_id: string }[] =
      job.scope === 'suggested'
        ? await this.dataSource.query(
            `SELECT DISTINCT peer_id FROM suggestion WHERE status = 'OPEN' AND support_worker_id = $1`,
            [job.supportWorkerId],
          )
        : await this.dataSource.query(
            `SELECT peer_id FROM match_request WHERE status IN ('PENDING', 'READY', 'NO_CANDIDATES') ORDER BY created_at`,
          );
    const peerIds = rows.map((row) => row.peer_id);
    if (peerIds.length && !(await this.jobs.enqueueRecomputes(peerIds))) {
      throw new Error('Could not enqueue the recomputes; the job will be retried');
    }
    return peerIds.length;
  }
}
