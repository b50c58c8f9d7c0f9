import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../../config/environment';
import {
  explainPair,
  FairRanking,
  longestWaitingFirst,
  PreparedPeer,
  preparePeer,
  PreparedWorkers,
  weightsFor,
} from '../core';
import { CandidatePools } from './candidate-pool';
import { InteractiveGate } from './interactive-gate';
import { MatchingProfilesService } from './matching-profiles.service';
import { Claim, RecomputeDueStore, Urgency } from './recompute-due';
import { PeerPlan, RecomputeOutcome, SuggestionWrites, WriteResult } from './suggestion-writes';

export type { RecomputeOutcome } from './suggestion-writes';

/** A batch computing longer than this lets other work in (interactive batches, the API). */
const YIELD_EVERY_MS = 2;

export interface BatchResult extends WriteResult {
  /** New suggestions offered past their worker's exposure budget so that a peer had K. */
  yields: number;
}

/**
 * Re-ranks peers' suggestions, a batch at a time: one read of the candidate pool, the core
 * ranking the batch longest-waiting first with one exposure budget, one transaction of set-based
 * writes. Safe to run twice: it re-reads everything, and its write re-checks under the peers'
 * locks. An OPEN suggestion stays (rescored, perhaps reordered) while its worker can still take
 * the peer; free places up to K are filled; ACCEPTED and DECLINED ones are never touched.
 */
@Injectable()
export class RecomputeService {
  private readonly k: number;
  private readonly exposureFactor: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: MatchingProfilesService,
    private readonly pools: CandidatePools,
    private readonly due: RecomputeDueStore,
    private readonly writes: SuggestionWrites,
    private readonly gate: InteractiveGate,
    config: ConfigService<Environment, true>,
  ) {
    this.k = config.get('SUGGESTION_COUNT', { infer: true });
    this.exposureFactor = config.get('EXPOSURE_FACTOR', { infer: true });
    this.batchSize = config.get('RECOMPUTE_BATCH_SIZE', { infer: true });
    this.leaseMs = config.get('JOB_LOCK_MS', { infer: true });
  }

  /** Claims up to a batch of due peers of one urgency and computes them. */
  async runClaimed(only: Urgency): Promise<BatchResult> {
    if (only === 'interactive') {
      return this.gate.during(async () => {
        const claim = await this.due.claim(this.batchSize, only, this.leaseMs);
        return this.recomputeMany([...claim.generations.keys()], claim);
      });
    }
    const claim = await this.due.claim(this.batchSize, only, this.leaseMs);
    return this.recomputeMany([...claim.generations.keys()], claim, { stepAside: true });
  }

  /** One peer, outside any claim. */
  async recompute(peerId: string): Promise<RecomputeOutcome> {
    return (await this.recomputeMany([peerId])).outcomes.get(peerId)!;
  }

  /** `stepAside`: a background batch, which waits while interactive work computes in this process. */
  async recomputeMany(
    peerIds: readonly string[],
    claim?: Claim,
    { stepAside = false }: { stepAside?: boolean } = {},
  ): Promise<BatchResult> {
    if (!peerIds.length) return { outcomes: new Map(), stillDue: { urgent: 0, background: 0 }, yields: 0 };
    if (stepAside) await this.gate.clear();
    const [requests, peers, { workers, offered }] = await Promise.all([
      this.openRequests(peerIds),
      this.profiles.peerProfiles(peerIds),
      this.pools.current(),
    ]);
    const shown = await this.openSuggestions([...requests.values()].map((request) => request.id));
    const ranking = new FairRanking(workers, { k: this.k, exposureFactor: this.exposureFactor, offered });
    const waiting = peers.flatMap((peer) => {
      const request = requests.get(peer.id);
      return request
        ? [{ peer: preparePeer(peer, workers), waitingSince: request.createdAt, request, version: peer.profileVersion }]
        : [];
    });
    const ordered = longestWaitingFirst(waiting);
    const plans = stepAside
      ? await this.gate.backgroundTurn(() => this.plan(ordered, workers, shown, ranking, true))
      : await this.plan(ordered, workers, shown, ranking, false);
    if (stepAside) await this.gate.clear();
    const written = await this.writes.write(peerIds, plans, claim);
    return { ...written, yields: ranking.yields };
  }

  private async plan(
    ordered: readonly { peer: PreparedPeer; request: { id: string }; version: number }[],
    workers: PreparedWorkers,
    shown: ReadonlyMap<string, string[]>,
    ranking: FairRanking,
    stepAside: boolean,
  ): Promise<PeerPlan[]> {
    const plans: PeerPlan[] = [];
    let computingSince = Date.now();
    for (const { peer, request, version } of ordered) {
      const open = (shown.get(request.id) ?? []).flatMap((id) => workers.indexById.get(id) ?? []);
      const ranked = ranking.rank(peer, open);
      plans.push({
        peerId: peer.profile.id,
        requestId: request.id,
        profileVersion: version,
        weights: weightsFor(peer.profile.importance),
        suggestions: ranked.map(({ workerId, workerIndex, score }) => {
          const { reasons, explained, breakdown } = explainPair(peer, workers, workerIndex);
          return { supportWorkerId: workerId, score, reasons, explained, breakdown };
        }),
      });
      if (Date.now() - computingSince > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        if (stepAside) await this.gate.clear();
        computingSince = Date.now();
      }
    }
    return plans;
  }

  private async openRequests(peerIds: readonly string[]): Promise<Map<string, { id: string; createdAt: Date }>> {
    const rows: { id: string; peer_id: string; created_at: Date }[] = await this.dataSource.query(
      `SELECT id, peer_id, created_at FROM match_request
        WHERE peer_id = ANY($1::uuid[]) AND status IN ('PENDING', 'READY', 'NO_CANDIDATES')`,
      [peerIds],
    );
    return new Map(rows.map((row) => [row.peer_id, { id: row.id, createdAt: row.created_at }]));
  }

  /** The workers each request's OPEN suggestions name: what its peer may already have read. */
  private async openSuggestions(requestIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { request_id: string; support_worker_id: string }[] = requestIds.length
      ? await this.dataSource.query(
          `SELECT request_id, support_worker_id FROM suggestion WHERE status = 'OPEN' AND request_id = ANY($1::uuid[])`,
          [requestIds],
        )
      : [];
    const byRequest = new Map<string, string[]>();
    for (const row of rows) {
      const workers = byRequest.get(row.request_id);
      if (workers) workers.push(row.support_worker_id);
      else byRequest.set(row.request_id, [row.support_worker_id]);
    }
    return byRequest;
  }
}
