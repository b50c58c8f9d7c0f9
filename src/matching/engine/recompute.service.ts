import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Environment } from '../../config/environment';
import { MatchRequestStatus, OPEN_REQUEST_STATUSES, SuggestionStatus } from '../core/matching.enums';
import { MatchingProfilesService } from './matching-profiles.service';
import { MatchRequest } from '../requests/match-request.entity';
import { explainPair, preparePeer, prepareWorkers, rankCandidates, weightsFor } from '../core';
import { Suggestion } from '../suggestions/suggestion.entity';
import { TaxonomyCache } from './taxonomy-cache';
import { WorkerProfileCache, WorkerVersion } from './worker-profile-cache';
import { retryingTransaction } from '../../common/database/retrying-transaction';

export type RecomputeOutcome = 'written' | 'no-open-request' | 'stale';

interface Candidate extends WorkerVersion {
  activeMatchCount: number;
  /** OPEN suggestions naming this worker to other peers. */
  offeredElsewhere: number;
}

interface NewSuggestion {
  supportWorkerId: string;
  rank: number;
  score: number;
  reasons: string[];
  breakdown: Suggestion['breakdown'];
}

/**
 * Re-ranks one peer's suggestions. Safe to run twice: it re-reads everything and writes in one
 * transaction. An OPEN suggestion stays (rescored, perhaps reordered) while its worker can still
 * take the peer; free places up to K are filled; ACCEPTED and DECLINED ones are never touched.
 */
@Injectable()
export class RecomputeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: MatchingProfilesService,
    private readonly workerProfiles: WorkerProfileCache,
    private readonly taxonomy: TaxonomyCache,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async recompute(peerId: string): Promise<RecomputeOutcome> {
    const [request, [peer], candidates, taxonomy] = await Promise.all([
      this.openRequest(peerId),
      this.profiles.peerProfiles([peerId]),
      this.prefilter(peerId),
      this.taxonomy.current(),
    ]);
    if (!request || !peer) return 'no-open-request';
    const workerProfiles = await this.workerProfiles.profilesOf(candidates);
    const workers = prepareWorkers(workerProfiles, taxonomy);
    const preparedPeer = preparePeer(peer, workers);
    // Fair exposure: a worker sits in at most EXPOSURE_FACTOR x free places peers' open suggestions.
    const exposureFactor = this.config.get('EXPOSURE_FACTOR', { infer: true });
    const offered = new Map(candidates.map((candidate) => [candidate.id, candidate.offeredElsewhere]));
    const budget = Int32Array.from(
      workerProfiles,
      (worker) => exposureFactor * Math.max(0, worker.capacity - worker.activeMatchCount) - offered.get(worker.id)!,
    );
    // What the peer may already have read stays while its worker can take them: only free places are refilled.
    const shown = await this.openWorkerIds(request.id);
    const open = workers.ids.flatMap((id, index) => (shown.has(id) ? [index] : []));
    const k = this.config.get('SUGGESTION_COUNT', { infer: true });
    const ranked = rankCandidates(preparedPeer, workers, k, budget, open);
    const suggestions: NewSuggestion[] = ranked.map(({ workerId, workerIndex, rank, score }) => {
      const explanation = explainPair(preparedPeer, workers, workerIndex);
      return { supportWorkerId: workerId, rank, score, reasons: explanation.reasons, breakdown: explanation.breakdown };
    });
    return this.write(request.id, peerId, peer.profileVersion, suggestions, weightsFor(peer.importance));
  }

  private async openWorkerIds(requestId: string): Promise<Set<string>> {
    const open = await this.dataSource.manager.find(Suggestion, {
      where: { requestId, status: SuggestionStatus.OPEN },
      select: { supportWorkerId: true },
    });
    return new Set(open.map((suggestion) => suggestion.supportWorkerId));
  }

  private openRequest(peerId: string): Promise<MatchRequest | null> {
    return this.dataSource.manager.findOne(MatchRequest, {
      where: { peerId, status: In([...OPEN_REQUEST_STATUSES]) },
    });
  }

  /**
   * Hard constraints that SQL can apply cheaply (the core checks every one again, exactly), with
   * each candidate's active matches and the open suggestions naming them for other peers.
   */
  private async prefilter(peerId: string): Promise<Candidate[]> {
    const rows: { id: string; profile_version: number; active: number; offered: number }[] =
      await this.dataSource.query(
        `SELECT w.id, w.profile_version, active.count AS active, offered.count AS offered
           FROM peer p
           JOIN support_worker w ON w.active AND w.languages && p.languages AND w.modes && p.modes
           -- Counted per candidate through the (support_worker_id, status) indexes: cheap whatever
           -- the planner's statistics say.
           CROSS JOIN LATERAL (SELECT count(*)::int AS count FROM match m
                                WHERE m.support_worker_id = w.id AND m.status = 'ACTIVE') active
           CROSS JOIN LATERAL (SELECT count(*)::int AS count FROM suggestion o
                                WHERE o.support_worker_id = w.id AND o.status = 'OPEN' AND o.peer_id <> p.id) offered
          WHERE p.id = $1
            AND w.capacity > active.count
            AND CASE WHEN jsonb_typeof(p.preferences -> 'workerGenders') = 'array'
                       AND jsonb_array_length(p.preferences -> 'workerGenders') > 0
                     THEN p.preferences -> 'workerGenders' ? coalesce(w.gender::text, 'UNDISCLOSED')
                     ELSE true END
            AND NOT EXISTS (SELECT 1 FROM suggestion d
                             WHERE d.peer_id = p.id AND d.support_worker_id = w.id AND d.status = 'DECLINED')`,
        [peerId],
      );
    return rows.map((row) => ({
      id: row.id,
      profileVersion: row.profile_version,
      activeMatchCount: row.active,
      offeredElsewhere: row.offered,
    }));
  }

  private write(
    requestId: string,
    peerId: string,
    version: number,
    ranked: NewSuggestion[],
    weights: Suggestion['weights'],
  ): Promise<RecomputeOutcome> {
    return retryingTransaction(this.dataSource, async (manager) => {
      // The peer's row first, as every change to a peer's suggestions takes it (see suggestions/suggestion-choice.ts).
      await manager.query(`SELECT 1 FROM peer WHERE id = $1 FOR UPDATE`, [peerId]);
      const [current]: { status: string; profile_version: number }[] = await manager.query(
        `SELECT r.status, p.profile_version FROM match_request r JOIN peer p ON p.id = r.peer_id
          WHERE r.id = $1 FOR UPDATE OF r`,
        [requestId],
      );
      if (!current || !(OPEN_REQUEST_STATUSES as readonly string[]).includes(current.status)) return 'no-open-request';
      // The profile changed while this ran: the job its change enqueued will write instead.
      if (current.profile_version !== version) return 'stale';

      // A decline that committed while this computed must not be undone by its write.
      const declined = await manager.find(Suggestion, {
        where: { peerId, status: SuggestionStatus.DECLINED },
        select: { supportWorkerId: true },
      });
      const refused = new Set(declined.map((suggestion) => suggestion.supportWorkerId));
      const candidates = ranked
        .filter((candidate) => !refused.has(candidate.supportWorkerId))
        .map((candidate, index) => ({ ...candidate, rank: index + 1 }));

      const open = await manager.find(Suggestion, { where: { requestId, status: SuggestionStatus.OPEN } });
      const openByWorker = new Map(open.map((suggestion) => [suggestion.supportWorkerId, suggestion]));
      const kept = new Set<string>();
      const inserts: Partial<Suggestion>[] = [];
      for (const candidate of candidates) {
        const existing = openByWorker.get(candidate.supportWorkerId);
        if (existing) {
          kept.add(existing.id);
          await manager.update(Suggestion, { id: existing.id }, { ...candidate, weights });
        } else {
          inserts.push({ ...candidate, requestId, peerId, weights, status: SuggestionStatus.OPEN });
        }
      }
      if (inserts.length) await manager.insert(Suggestion, inserts);
      const stale = open.filter((suggestion) => !kept.has(suggestion.id)).map((suggestion) => suggestion.id);
      if (stale.length) await manager.update(Suggestion, { id: In(stale) }, { status: SuggestionStatus.WITHDRAWN });
      await manager.update(
        MatchRequest,
        { id: requestId },
        {
          status: candidates.length ? MatchRequestStatus.READY : MatchRequestStatus.NO_CANDIDATES,
          computedProfileVersion: version,
          readyAt: new Date(),
        },
      );
      return 'written';
    });
  }
}
