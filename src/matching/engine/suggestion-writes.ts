import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { retryingTransaction } from '../../common/database/retrying-transaction';
import type { ExplainedReason, ScoreComponent, Weights } from '../core';
import { OPEN_REQUEST_STATUSES } from '../core/matching.enums';
import { CandidatePools } from './candidate-pool';
import { Claim, RecomputeDueStore } from './recompute-due';

export type RecomputeOutcome = 'written' | 'no-open-request' | 'stale' | 'claim-lost';

export interface NewSuggestion {
  supportWorkerId: string;
  score: number;
  reasons: string[];
  explained: ExplainedReason[];
  breakdown: ScoreComponent[];
}

/** One peer's computed list, best first, and what it was computed from. */
export interface PeerPlan {
  peerId: string;
  requestId: string;
  profileVersion: number;
  weights: Weights;
  suggestions: NewSuggestion[];
}

export interface WriteResult {
  outcomes: Map<string, RecomputeOutcome>;
  /** Claimed peers asked for again while computed: still due, for a batch to be woken. */
  stillDue: { urgent: number; background: number };
}

/** Column arrays, one statement each, whatever the number of peers. */
class Rows {
  updates = {
    id: [] as string[],
    rank: [] as number[],
    score: [] as number[],
    reasons: [] as string[],
    explained: [] as string[],
    breakdown: [] as string[],
    weights: [] as string[],
  };
  inserts = {
    requestId: [] as string[],
    peerId: [] as string[],
    workerId: [] as string[],
    rank: [] as number[],
    score: [] as number[],
    reasons: [] as string[],
    explained: [] as string[],
    breakdown: [] as string[],
    weights: [] as string[],
  };
  withdrawn: string[] = [];
  /** Workers named by the withdrawn ones, for the exposure counts. */
  withdrawnWorkers: string[] = [];
  requests = { id: [] as string[], status: [] as string[], version: [] as number[] };
}

/**
 * Writes a batch's suggestions and request statuses in one transaction with a few set-based
 * statements. Each peer is written only if, with its row locked, its request is still open, its
 * profile is the version computed from, and (in a batch) its claim is still held; a worker the
 * peer declined meanwhile is left out, however it ranked.
 */
@Injectable()
export class SuggestionWrites {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly due: RecomputeDueStore,
    private readonly pools: CandidatePools,
  ) {}

  async write(peerIds: readonly string[], plans: readonly PeerPlan[], claim?: Claim): Promise<WriteResult> {
    const { result, rows } = await retryingTransaction(this.dataSource, async (manager) => {
      const outcomes = new Map<string, RecomputeOutcome>(peerIds.map((peerId) => [peerId, 'no-open-request']));
      const writable = await this.writable(manager, plans, outcomes, claim);
      const rows = writable.length ? await this.apply(manager, writable) : undefined;
      for (const plan of writable) outcomes.set(plan.peerId, 'written');
      const done = [...outcomes].filter(([, outcome]) => outcome !== 'claim-lost').map(([peerId]) => peerId);
      const stillDue = claim ? await this.due.finish(manager, claim, done) : { urgent: 0, background: 0 };
      return { result: { outcomes, stillDue }, rows };
    });
    if (rows) this.pools.recordOffered(rows.inserts.workerId, rows.withdrawnWorkers);
    return result;
  }

  /**
   * The peers' rows first, in id order, as every writer of a peer's suggestions takes them (see
   * suggestions/suggestion-choice.ts); then their requests; then the claim's rows.
   */
  private async writable(
    manager: EntityManager,
    plans: readonly PeerPlan[],
    outcomes: Map<string, RecomputeOutcome>,
    claim?: Claim,
  ): Promise<PeerPlan[]> {
    const peers: { id: string; profile_version: number }[] = await manager.query(
      `SELECT id, profile_version FROM peer WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [plans.map((plan) => plan.peerId)],
    );
    const requests: { id: string; status: string }[] = await manager.query(
      `SELECT id, status FROM match_request WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [plans.map((plan) => plan.requestId)],
    );
    const held = claim ? await this.due.stillHeld(manager, claim) : undefined;
    const versions = new Map(peers.map((peer) => [peer.id, peer.profile_version]));
    const open = new Set(
      requests
        .filter((request) => (OPEN_REQUEST_STATUSES as readonly string[]).includes(request.status))
        .map((r) => r.id),
    );
    return plans.filter((plan) => {
      if (held && !held.has(plan.peerId)) outcomes.set(plan.peerId, 'claim-lost');
      else if (!open.has(plan.requestId) || !versions.has(plan.peerId)) return false;
      // The profile changed while this ran: the recompute its change asked for writes instead.
      else if (versions.get(plan.peerId) !== plan.profileVersion) outcomes.set(plan.peerId, 'stale');
      else return true;
      return false;
    });
  }

  private async apply(manager: EntityManager, plans: readonly PeerPlan[]): Promise<Rows> {
    const peerIds = plans.map((plan) => plan.peerId);
    const [declined, open]: [
      { peer_id: string; support_worker_id: string }[],
      { id: string; request_id: string; support_worker_id: string }[],
    ] = await Promise.all([
      manager.query(
        `SELECT peer_id, support_worker_id FROM suggestion WHERE status = 'DECLINED' AND peer_id = ANY($1::uuid[])`,
        [peerIds],
      ),
      manager.query(
        `SELECT id, request_id, support_worker_id FROM suggestion WHERE status = 'OPEN' AND request_id = ANY($1::uuid[])`,
        [plans.map((plan) => plan.requestId)],
      ),
    ]);
    // A decline that committed while this computed must not be undone by its write.
    const refused = new Set(declined.map((row) => `${row.peer_id}:${row.support_worker_id}`));
    const openByPair = new Map(open.map((row) => [`${row.request_id}:${row.support_worker_id}`, row.id]));
    const rows = new Rows();
    const kept = new Set<string>();
    for (const plan of plans) {
      const weights = JSON.stringify(plan.weights);
      const suggestions = plan.suggestions.filter((s) => !refused.has(`${plan.peerId}:${s.supportWorkerId}`));
      suggestions.forEach((suggestion, index) => {
        const existing = openByPair.get(`${plan.requestId}:${suggestion.supportWorkerId}`);
        const target = existing ? rows.updates : rows.inserts;
        if (existing) {
          kept.add(existing);
          rows.updates.id.push(existing);
        } else {
          rows.inserts.requestId.push(plan.requestId);
          rows.inserts.peerId.push(plan.peerId);
          rows.inserts.workerId.push(suggestion.supportWorkerId);
        }
        target.rank.push(index + 1);
        target.score.push(suggestion.score);
        target.reasons.push(JSON.stringify(suggestion.reasons));
        target.explained.push(JSON.stringify(suggestion.explained));
        target.breakdown.push(JSON.stringify(suggestion.breakdown));
        target.weights.push(weights);
      });
      rows.requests.id.push(plan.requestId);
      rows.requests.status.push(suggestions.length ? 'READY' : 'NO_CANDIDATES');
      rows.requests.version.push(plan.profileVersion);
    }
    const withdrawn = open.filter((row) => !kept.has(row.id));
    rows.withdrawn = withdrawn.map((row) => row.id);
    rows.withdrawnWorkers = withdrawn.map((row) => row.support_worker_id);
    await this.store(manager, rows);
    return rows;
  }

  /** Withdrawn first, so that a worker leaving and coming back never meets the one-open-per-pair index. */
  private async store(manager: EntityManager, { updates, inserts, withdrawn, requests }: Rows): Promise<void> {
    if (withdrawn.length)
      await manager.query(`UPDATE suggestion SET status = 'WITHDRAWN', updated_at = now() WHERE id = ANY($1::uuid[])`, [
        withdrawn,
      ]);
    if (updates.id.length)
      await manager.query(
        `UPDATE suggestion s SET rank = u.rank, score = u.score, reasons = u.reasons, explained = u.explained,
                breakdown = u.breakdown, weights = u.weights, updated_at = now()
           FROM unnest($1::uuid[], $2::int[], $3::float8[], $4::jsonb[], $5::jsonb[], $6::jsonb[], $7::jsonb[])
                AS u(id, rank, score, reasons, explained, breakdown, weights)
          WHERE s.id = u.id
            -- A refresh mostly finds a list as it was: unchanged rows are not written again.
            AND (s.rank, s.score, s.reasons, s.explained, s.breakdown, s.weights)
                IS DISTINCT FROM (u.rank::smallint, u.score, u.reasons, u.explained, u.breakdown, u.weights)`,
        [
          updates.id,
          updates.rank,
          updates.score,
          updates.reasons,
          updates.explained,
          updates.breakdown,
          updates.weights,
        ],
      );
    if (inserts.requestId.length)
      await manager.query(
        `INSERT INTO suggestion (request_id, peer_id, support_worker_id, rank, score, reasons, explained, breakdown, weights)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::float8[], $6::jsonb[], $7::jsonb[],
                              $8::jsonb[], $9::jsonb[])`,
        [
          inserts.requestId,
          inserts.peerId,
          inserts.workerId,
          inserts.rank,
          inserts.score,
          inserts.reasons,
          inserts.explained,
          inserts.breakdown,
          inserts.weights,
        ],
      );
    await manager.query(
      `UPDATE match_request r SET status = u.status::match_request_status, computed_profile_version = u.version,
              ready_at = now(), updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::int[]) AS u(id, status, version)
        WHERE r.id = u.id`,
      [requests.id, requests.status, requests.version],
    );
  }
}
