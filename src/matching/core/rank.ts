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
}

/**
 * The best `k` eligible workers for one peer, best first; equal scores in worker id order.
 * `budget`, when given, leaves out workers whose entry is 0 or less.
 */
export function rankCandidates(
  peer: PreparedPeer,
  workers: PreparedWorkers,
  k = DEFAULT_SUGGESTION_COUNT,
  budget?: Int32Array,
): Ranked[] {
  const all = workers.scores;
  scoreRange(peer, workers, 0, workers.count, all);
  const scores = new Float64Array(k);
  const indexes = new Int32Array(k);
  const order = workers.idOrder;
  let size = 0;
  for (let i = 0; i < workers.count; i++) {
    const score = all[i];
    if (score < 0 || (budget && budget[i] <= 0)) continue;
    // Insertion into a short sorted list: better score first, then lower id.
    let at = size;
    while (at > 0 && (scores[at - 1] < score || (scores[at - 1] === score && order[indexes[at - 1]] > order[i]))) at--;
    if (at >= k) continue;
    for (let j = Math.min(size, k - 1); j > at; j--) {
      scores[j] = scores[j - 1];
      indexes[j] = indexes[j - 1];
    }
    scores[at] = score;
    indexes[at] = i;
    if (size < k) size++;
  }
  return Array.from({ length: size }, (_, j) => ({
    workerId: workers.ids[indexes[j]],
    workerIndex: indexes[j],
    rank: j + 1,
    score: scores[j],
  }));
}

export interface WaitingPeer {
  peer: PreparedPeer;
  waitingSince: Date;
}

export interface FairRankOptions {
  k?: number;
  /** A worker is offered to at most this many peers per free place. */
  exposureFactor?: number;
}

/**
 * Suggestions for many waiting peers at once, longest-waiting first, so that a popular worker
 * with one free place is not put in front of every peer: each worker is offered to at most
 * exposureFactor x free places peers in the batch.
 */
export function rankForWaitingPeers(
  waiting: readonly WaitingPeer[],
  workers: PreparedWorkers,
  { k = DEFAULT_SUGGESTION_COUNT, exposureFactor = DEFAULT_EXPOSURE_FACTOR }: FairRankOptions = {},
): Map<string, Ranked[]> {
  const budget = new Int32Array(workers.count);
  for (let i = 0; i < workers.count; i++) {
    budget[i] = exposureFactor * Math.max(0, workers.capacity[i] - workers.activeCount[i]);
  }
  const ordered = [...waiting].sort(
    (a, b) => a.waitingSince.getTime() - b.waitingSince.getTime() || (a.peer.profile.id < b.peer.profile.id ? -1 : 1),
  );
  const result = new Map<string, Ranked[]>();
  for (const { peer } of ordered) {
    const ranked = rankCandidates(peer, workers, k, budget);
    for (const { workerIndex } of ranked) budget[workerIndex]--;
    result.set(peer.profile.id, ranked);
  }
  return result;
}
