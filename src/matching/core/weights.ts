import { MatchFactor } from './match-factor';

/** Factor order inside the kernel's arrays. */
export const FACTORS: readonly MatchFactor[] = Object.values(MatchFactor);
export const FACTOR_COUNT = FACTORS.length;
export const factorIndex = (factor: MatchFactor): number => FACTORS.indexOf(factor);

/**
 * Shared lived experience weighs most, then shared interests: perceived similarity of
 * experience and values predicts the relationship better than demographics do.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<MatchFactor, number>> = {
  [MatchFactor.LIVED_EXPERIENCE]: 5,
  [MatchFactor.INTERESTS]: 3,
  [MatchFactor.LANGUAGE]: 2,
  [MatchFactor.CULTURE]: 2,
  [MatchFactor.AGE]: 1,
  [MatchFactor.DISTANCE]: 1,
  [MatchFactor.AVAILABILITY]: 1,
  [MatchFactor.LOAD]: 1,
};

/** A peer's importance, 0 (ignore) .. 3 (very important); unset means 2, as the defaults are. */
export const DEFAULT_IMPORTANCE = 2;
const IMPORTANCE_MULTIPLIER = [0, 0.5, 1, 2] as const;

export type Importance = Partial<Record<MatchFactor, number>>;

export type Weights = Readonly<Record<MatchFactor, number>>;

export function weightsFor(importance: Importance = {}): Weights {
  const weights = { ...DEFAULT_WEIGHTS };
  for (const factor of FACTORS) {
    const level = Math.max(0, Math.min(3, Math.round(importance[factor] ?? DEFAULT_IMPORTANCE)));
    weights[factor] = DEFAULT_WEIGHTS[factor] * IMPORTANCE_MULTIPLIER[level];
  }
  return weights;
}

export function weightVector(weights: Weights): Float64Array {
  return Float64Array.from(FACTORS, (factor) => weights[factor]);
}
