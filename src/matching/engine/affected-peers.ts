import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { evaluatePair, preparePeer, prepareWorkers } from '../core';
import { MatchingProfilesService } from './matching-profiles.service';
import { TaxonomyCache } from './taxonomy-cache';

/** Peer profiles are read this many at a time: one query's parameters stay few. */
const CHUNK = 1000;

/**
 * Whose suggestions a change to one worker can change: the peers it is suggested to (it may
 * have become full, inactive or out of reach), and the peers short of K suggestions for whom it
 * is now eligible. The second is decided in memory with the core, the worker prepared once.
 */
@Injectable()
export class AffectedPeers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: MatchingProfilesService,
    private readonly taxonomy: TaxonomyCache,
  ) {}

  async ofWorker(supportWorkerId: string, k: number): Promise<string[]> {
    const [showing, short] = await Promise.all([
      this.dataSource.query(
        `SELECT DISTINCT s.peer_id FROM suggestion s JOIN match_request r ON r.id = s.request_id
          WHERE s.status = 'OPEN' AND s.support_worker_id = $1 AND r.status IN ('PENDING', 'READY', 'NO_CANDIDATES')`,
        [supportWorkerId],
      ) as Promise<{ peer_id: string }[]>,
      this.dataSource.query(
        `SELECT r.peer_id FROM match_request r
          WHERE r.status IN ('PENDING', 'READY', 'NO_CANDIDATES')
            AND (SELECT count(*) FROM suggestion s WHERE s.request_id = r.id AND s.status = 'OPEN') < $1
          ORDER BY r.created_at`,
        [k],
      ) as Promise<{ peer_id: string }[]>,
    ]);
    const affected = new Set(showing.map((row) => row.peer_id));
    const waiting = short.map((row) => row.peer_id).filter((peerId) => !affected.has(peerId));
    const [worker] = waiting.length ? await this.profiles.workerProfiles([supportWorkerId]) : [];
    if (!worker) return [...affected];
    const workers = prepareWorkers([worker], await this.taxonomy.current());
    for (let start = 0; start < waiting.length; start += CHUNK) {
      for (const peer of await this.profiles.peerProfiles(waiting.slice(start, start + CHUNK))) {
        if (evaluatePair(preparePeer(peer, workers), workers, 0) >= 0) affected.add(peer.id);
      }
    }
    return [...affected];
  }
}
