import { scoreRange } from './kernel';
import { PreparedPeer, PreparedWorkers } from './prepared';

export const DEFAULT_SUGGESTION_COUNT = 5;
export const DEFAULT_EXPOSURE_FACTOR = 3;

export interface Ranked {
  workerId: string;
  workerIndex: number;
  /** 1 = best. */
  rank: number;
  score: number;
  /** Offered beyond the worker's exposure budget, because the peer had fewer than k otherwise. */
  beyondBudget: boolean;
}

/** The best `k` offered so far, better score first, equal scores in worker id order. */
class TopList {
  readonly scores: Float64Array;
  readonly indexes: Int32Array;
  size = 0;

  constructor(
    private readonly k: number,
    private readonly idOrder: Int32Array,
  ) {
    this.scores = new Float64Array(k);
    this.indexes = new Int32Array(k);
  }

  offer(index: number, score: number): void {
    const { scores, indexes, idOrder, k } = this;
    // Insertion into a short sorted list.
    let at = this.size;
    while (
      at > 0 &&
      (scores[at - 1] < score || (scores[at - 1] === score && idOrder[indexes[at - 1]] > idOrder[index]))
    )
      at--;
    if (at >= k) return;
    for (let j = Math.min(this.size, k - 1); j > at; j--) {
      scores[j] = scores[j - 1];
      indexes[j] = indexes[j - 1];
    }
    scores[at] = score;
    indexes[at] = index;
    if (this.size < k) this.size++;
  }
}

/**
 * The best `k` eligible workers for one peer, best first; equal scores in worker id order.
 * `budget`, when given, orders who is offered, never whether: workers whose entry is 0 or less
 * come in only where those within their budget are fewer than `k`. `open` (worker indexes) are
 * the peer's suggestions already shown: each stays while its worker is eligible, whatever the
 * budget, and only the places left up to `k` are filled.
 */
export function rankCandidates(
  peer: PreparedPeer,
  workers: PreparedWorkers,
  k = DEFAULT_SUGGESTION_COUNT,
  budget?: Int32Array,
  open: readonly number[] = [],
): Ranked[] {
  const all = workers.scores;
  scoreRange(peer, workers, 0, workers.count, all);
  const chosen = new TopList(k, workers.idOrder);
  const within = new TopList(k, workers.idOrder);
  const beyond = new TopList(k, workers.idOrder);
  for (let i = 0; i < workers.count; i++) {
    const score = all[i];
    if (score < 0) continue;
    if (open.length !== 0 && open.includes(i)) chosen.offer(i, score);
    else if (budget && budget[i] <= 0) beyond.offer(i, score);
    else within.offer(i, score);
  }
  for (let j = 0; j < within.size && chosen.size < k; j++) chosen.offer(within.indexes[j], within.scores[j]);
  for (let j = 0; j < beyond.size && chosen.size < k; j++) chosen.offer(beyond.indexes[j], beyond.scores[j]);
  const pastBudget = new Set(beyond.indexes.subarray(0, beyond.size));
  return Array.from({ length: chosen.size }, (_, j) => {
    const index = chosen.indexes[j];
    return {
      workerId: workers.ids[index],
      workerIndex: index,
      rank: j + 1,
      score: chosen.scores[j],
      beyondBudget: pastBudget.has(index),
    };
  });
}

export interface WaitingPeer {
  peer: PreparedPeer;
  waitingSince: Date;
  /** Worker indexes of the suggestions the peer has been shown and that are still OPEN. */
  open?: readonly number[];
}

export interface FairRankOptions {
  k?: number;
  /** A worker is offered to at most this many peers per free place. */
  exposureFactor?: number;
  /** OPEN suggestions already naming each worker (by index): they use up its budget. */
  offered?: Int32Array;
}

/**
 * Ranks peers one after another against one pool, sharing each worker's exposure budget among
 * them: a worker with free places is newly offered to at most exposureFactor x free places peers
 * (counting the OPEN suggestions naming them already), and past that only to fill a list short
 * of k. Suggestions a peer has been shown stay, and use up nothing more.
 */
export class FairRanking {
  private readonly budget: Int32Array;
  private readonly k: number;
  /** New suggestions that went past their worker's budget, because the peer had fewer than k otherwise. */
  yields = 0;

  constructor(
    private readonly workers: PreparedWorkers,
    { k = DEFAULT_SUGGESTION_COUNT, exposureFactor = DEFAULT_EXPOSURE_FACTOR, offered }: FairRankOptions = {},
  ) {
    this.k = k;
    this.budget = new Int32Array(workers.count);
    for (let i = 0; i < workers.count; i++) {
      this.budget[i] = exposureFactor * Math.max(0, workers.capacity[i] - workers.activeCount[i]) - (offered?.[i] ?? 0);
    }
  }

  rank(peer: PreparedPeer, open: readonly number[] = []): Ranked[] {
    const ranked = rankCandidates(peer, this.workers, this.k, this.budget, open);
    for (const { workerIndex, beyondBudget } of ranked) {
      if (open.includes(workerIndex)) continue;
      this.budget[workerIndex]--;
      if (beyondBudget) this.yields++;
    }
    return ranked;
  }
}

/** Longest-waiting first; equal waits in peer id order, so a batch ranks the same whatever its order. */
export function longestWaitingFirst<T extends { waitingSince: Date; peer: PreparedPeer }>(waiting: readonly T[]): T[] {
  return [...waiting].sort(
    (a, b) => a.waitingSince.getTime() - b.waitingSince.getTime() || (a.peer.profile.id < b.peer.profile.id ? -1 : 1),
  );
}

/**
 * Suggestions for many waiting peers at once, longest-waiting first, so that a popular worker
 * with one free place is not put in front of every peer (see FairRanking).
 */
export function rankForWaitingPeers(
  waiting: readonly WaitingPeer[],
  workers: PreparedWorkers,
  options: FairRankOptions = {},
): Map<string, Ranked[]> {
  const ranking = new FairRanking(workers, options);
  const result = new Map<string, Ranked[]>();
  for (const { peer, open } of longestWaitingFirst(waiting)) result.set(peer.profile.id, ranking.rank(peer, open));
  return result;
}
