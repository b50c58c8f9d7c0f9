import {
  explainPair,
  PairExplanation,
  PeerProfile,
  preparePeer,
  prepareWorkers,
  TaxonomyIndex,
  Weights,
  weightsFor,
  WorkerProfile,
} from '../matching/core';

export interface DemoMatch {
  peerId: string;
  workerId: string;
  /** What the peer was shown when they accepted: the suggestion the match was made from. */
  explanation: PairExplanation & { score: number };
  weights: Weights;
}

/**
 * Who each peer wanting a match accepted: the best-scoring worker the core finds eligible (a
 * shared language, a mode, in range, of the gender asked for, active and with room), in turn,
 * so that no worker passes their capacity. Peers no worker fits are left out.
 */
export function planMatches(
  peers: readonly PeerProfile[],
  workers: readonly WorkerProfile[],
  taxonomy: TaxonomyIndex,
): DemoMatch[] {
  const load = new Map(workers.map((worker) => [worker.id, 0]));
  const matches: DemoMatch[] = [];
  for (const peer of peers) {
    const prepared = prepareWorkers(
      workers.map((worker) => ({ ...worker, activeMatchCount: load.get(worker.id)! })),
      taxonomy,
    );
    const preparedPeer = preparePeer(peer, prepared);
    let best: { index: number; explanation: PairExplanation & { score: number } } | undefined;
    for (let index = 0; index < workers.length; index++) {
      const explanation = explainPair(preparedPeer, prepared, index);
      if (explanation.score === null || (best && best.explanation.score >= explanation.score)) continue;
      best = { index, explanation: { ...explanation, score: explanation.score } };
    }
    if (!best) continue;
    const workerId = workers[best.index].id;
    load.set(workerId, load.get(workerId)! + 1);
    matches.push({ peerId: peer.id, workerId, explanation: best.explanation, weights: weightsFor(peer.importance) });
  }
  return matches;
}
