import {
  explainPair,
  PairExplanation,
  PeerProfile,
  preparePeer,
  prepareWorkers,
  rankCandidates,
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
    // The engine's own ranking, ties by worker id as it breaks them; only the winner is explained.
    const [top] = rankCandidates(preparedPeer, prepared, 1);
    if (!top) continue;
    const explanation = explainPair(preparedPeer, prepared, top.workerIndex);
    if (explanation.score === null) continue;
    load.set(top.workerId, load.get(top.workerId)! + 1);
    matches.push({
      peerId: peer.id,
      workerId: top.workerId,
      explanation: { ...explanation, score: explanation.score },
      weights: weightsFor(peer.importance),
    });
  }
  return matches;
}
