import { constraintsOf, HardConstraint } from './hard-constraint';
import { evaluatePair } from './kernel';
import { MatchFactor } from './match-factor';
import { PreparedPeer, PreparedWorkers } from './prepared';
import { explainedReasonsFor, sentenceOf, type ExplainedReason } from './reasons';
import { FACTOR_COUNT, FACTORS } from './weights';

export interface ScoreComponent {
  factor: MatchFactor;
  /** This factor's share of the weight of the factors that apply (they add up to 1). */
  weight: number;
  /** 0..1 */
  value: number;
  /** weight x value x 100: the components add up to the score. */
  contribution: number;
}

export interface PairExplanation {
  eligible: boolean;
  excludedBy: HardConstraint[];
  /** 0..100; null when not eligible. */
  score: number | null;
  breakdown: ScoreComponent[];
  reasons: string[];
  /** What each sentence of `reasons` says, in the same order. */
  explained: ExplainedReason[];
}

/** Why this worker is, or is not, a suggestion for this peer. */
export function explainPair(peer: PreparedPeer, workers: PreparedWorkers, workerIndex: number): PairExplanation {
  const values = new Float64Array(FACTOR_COUNT);
  const result = evaluatePair(peer, workers, workerIndex, values);
  if (result < 0) {
    return {
      eligible: false,
      excludedBy: constraintsOf(-result),
      score: null,
      breakdown: [],
      reasons: [],
      explained: [],
    };
  }
  const applying = FACTORS.map((factor, index) => ({ factor, value: values[index], raw: peer.weights[index] })).filter(
    ({ value, raw }) => !Number.isNaN(value) && raw > 0,
  );
  const total = applying.reduce((sum, { raw }) => sum + raw, 0);
  const breakdown = applying.map(({ factor, value, raw }) => ({
    factor,
    weight: raw / total,
    value,
    contribution: (100 * raw * value) / total,
  }));
  const byFactor = Object.fromEntries(FACTORS.map((factor, index) => [factor, values[index]])) as Record<
    MatchFactor,
    number
  >;
  const explained = explainedReasonsFor(peer.profile, workers.profiles[workerIndex], byFactor, workers.taxonomy);
  return {
    eligible: true,
    excludedBy: [],
    score: result,
    breakdown,
    reasons: explained.map((reason) => sentenceOf(reason, workers.taxonomy)),
    explained,
  };
}
