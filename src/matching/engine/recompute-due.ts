import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Who waits for a recompute. Someone at a screen (a new request, a peer's own change, the refill
 * after a decline) is served before background refreshes (fan-outs, sweeps).
 */
export type Urgency = 'interactive' | 'background';
const URGENCY_LEVEL: Record<Urgency, number> = { interactive: 0, background: 1 };

/** Peers per statement when marking: one statement's parameters stay few. */
const MARK_CHUNK = 5000;

/** Due peers by urgency: an ask for a peer someone already waits for stays interactive. */
export interface DueCounts {
  urgent: number;
  background: number;
}

/** What a batch took: each peer with the generation of the ask it computes. */
export interface Claim {
  token: string;
  generations: ReadonlyMap<string, string>;
}

/**
 * The peers owed a recompute, one row each, in PostgreSQL whatever the queue: what replaces one
 * deduplicated job per peer now that a job computes a batch. Asking again for a peer already due
 * changes nothing but its generation (and raises its urgency); a batch claims rows for a lease,
 * skipping rows others hold, so no peer is in two batches at once; its write deletes the rows it
 * computed, in its own transaction, unless they were asked for again meanwhile. A consumer that
 * dies leaves its rows due: they are claimable again once the lease ends.
 */
@Injectable()
export class RecomputeDueStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `again`: the ask is news (a change since any computation under way began), so a batch
   * already computing the peer leaves it due. The sweeper's catching up is not news.
   */
  async mark(
    peerIds: readonly string[],
    urgency: Urgency,
    { again = true, manager = this.dataSource.manager }: { again?: boolean; manager?: EntityManager } = {},
  ): Promise<DueCounts> {
    const onConflict = again
      ? `DO UPDATE SET generation = nextval('due_generation'), urgency = least(recompute_due.urgency, excluded.urgency)`
      : `DO UPDATE SET urgency = least(recompute_due.urgency, excluded.urgency) WHERE recompute_due.urgency > excluded.urgency`;
    const marked = { urgent: 0, background: 0 };
    for (let start = 0; start < peerIds.length; start += MARK_CHUNK) {
      const rows: { urgency: number }[] = await manager.query(
        // Peers in id order: two marks of overlapping sets never wait on each other in a circle.
        `INSERT INTO recompute_due (peer_id, urgency)
         SELECT id, $2::smallint FROM unnest($1::uuid[]) AS id ORDER BY id
         ON CONFLICT (peer_id) ${onConflict}
         RETURNING urgency`,
        [peerIds.slice(start, start + MARK_CHUNK), URGENCY_LEVEL[urgency]],
      );
      for (const row of rows) marked[row.urgency === URGENCY_LEVEL.interactive ? 'urgent' : 'background']++;
    }
    return marked;
  }

  /**
   * Up to `limit` due peers of one urgency that no batch holds, longest due first. Background
   * batches never take interactive peers: those have a consumer slot of their own, and would
   * otherwise wait in a batch of hundreds.
   */
  async claim(limit: number, urgency: Urgency, leaseMs: number): Promise<Claim> {
    const token = randomUUID();
    const rows: { peer_id: string; generation: string }[] = await this.dataSource
      .query(
        `UPDATE recompute_due d SET claim = $1, claimed_until = clock_timestamp() + make_interval(secs => $2)
        WHERE d.peer_id IN (SELECT peer_id FROM recompute_due
                             WHERE (claimed_until IS NULL OR claimed_until < clock_timestamp()) AND urgency = $3
                             ORDER BY due_since LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING d.peer_id, d.generation`,
        [token, leaseMs / 1000, URGENCY_LEVEL[urgency], limit],
      )
      .then(([updated]: [typeof rows]) => updated);
    return { token, generations: new Map(rows.map((row) => [row.peer_id, row.generation])) };
  }

  /**
   * In the batch's write transaction, after its peers' rows: of the claimed peers, those still
   * held by this claim (a batch that outlived its lease and lost them writes nothing for them).
   */
  async stillHeld(manager: EntityManager, claim: Claim): Promise<Set<string>> {
    const rows: { peer_id: string }[] = await manager.query(
      `SELECT peer_id FROM recompute_due WHERE claim = $1 ORDER BY peer_id FOR UPDATE`,
      [claim.token],
    );
    return new Set(rows.map((row) => row.peer_id));
  }

  /**
   * In the same transaction: the computed peers are done unless asked for again meanwhile; the
   * rest of the claim is let go. Answers how many are still due, for the caller to wake a batch.
   */
  async finish(manager: EntityManager, claim: Claim, done: readonly string[]): Promise<DueCounts> {
    await manager.query(
      `DELETE FROM recompute_due d USING unnest($2::uuid[], $3::bigint[]) AS u(peer_id, generation)
        WHERE d.claim = $1 AND d.peer_id = u.peer_id AND d.generation = u.generation`,
      [claim.token, done, done.map((peerId) => claim.generations.get(peerId))],
    );
    const [released]: [{ urgency: number }[]] = await manager.query(
      `UPDATE recompute_due SET claim = NULL, claimed_until = NULL WHERE claim = $1 RETURNING urgency`,
      [claim.token],
    );
    const urgent = released.filter((row) => row.urgency === URGENCY_LEVEL.interactive).length;
    return { urgent, background: released.length - urgent };
  }

  /** Due peers no batch holds, due for longer than `olderThanMs`: what a lost wake-up left. */
  async unclaimed(olderThanMs: number): Promise<DueCounts> {
    const [row]: DueCounts[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE urgency = 0)::int AS urgent, count(*) FILTER (WHERE urgency > 0)::int AS background
         FROM recompute_due
        WHERE (claimed_until IS NULL OR claimed_until < clock_timestamp())
          AND due_since < clock_timestamp() - make_interval(secs => $1)`,
      [olderThanMs / 1000],
    );
    return row;
  }
}
