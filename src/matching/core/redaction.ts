import type { ScoreComponent } from './explain';
import { MatchFactor } from './match-factor';
import type { TagKindName } from './profiles';
import { isReasonAbout, kindOfReason, type ExplainedReason } from './reasons';

/** Factors and reasons that speak of health or cultural background: withheld from whoever may not see them. */
export const SENSITIVE_FACTORS: readonly MatchFactor[] = [MatchFactor.LIVED_EXPERIENCE, MatchFactor.CULTURE];
const SENSITIVE_KINDS: readonly TagKindName[] = ['LIVED_EXPERIENCE', 'CULTURE'];

export interface RedactedScore {
  score: number;
  breakdown: ScoreComponent[];
}

/**
 * The score and breakdown as they would be had these factors not applied: the others' shares
 * renormalised, as the kernel does for a factor that drops out, so that nothing of the removed
 * factors can be worked out from the numbers.
 */
export function withoutFactors(breakdown: readonly ScoreComponent[], factors: readonly MatchFactor[]): RedactedScore {
  const kept = breakdown.filter((component) => !factors.includes(component.factor));
  const share = kept.reduce((sum, component) => sum + component.weight, 0);
  if (share <= 0) return { score: 0, breakdown: [] };
  const renormalised = kept.map((component) => ({
    factor: component.factor,
    weight: component.weight / share,
    value: component.value,
    contribution: component.contribution / share,
  }));
  return { score: renormalised.reduce((sum, component) => sum + component.contribution, 0), breakdown: renormalised };
}

/** The reasons left once those speaking of these kinds of tag are taken out. */
export function reasonsWithout(reasons: readonly string[], kinds: readonly TagKindName[]): string[] {
  return reasons.filter((reason) => !kinds.some((kind) => isReasonAbout(kind, reason)));
}

/** The explained reasons left once those speaking of these kinds of tag are taken out, as reasonsWithout does the sentences. */
export function explainedWithout(
  explained: readonly ExplainedReason[],
  kinds: readonly TagKindName[],
): ExplainedReason[] {
  return explained.filter((reason) => {
    const kind = kindOfReason(reason.code);
    return kind === null || !kinds.includes(kind);
  });
}

/**
 * Items in the order a reader who may not see these factors would rank them: by the score left
 * without them, best first, ties by worker id as the ranking breaks them. A rank or an order
 * taken from the full score would tell what the removed factors weighed.
 */
export function orderWithout<T extends { breakdown: readonly ScoreComponent[]; supportWorkerId: string }>(
  items: readonly T[],
  factors: readonly MatchFactor[],
): T[] {
  const scored = items.map((item) => ({ item, score: withoutFactors(item.breakdown, factors).score }));
  scored.sort((a, b) => b.score - a.score || (a.item.supportWorkerId < b.item.supportWorkerId ? -1 : 1));
  return scored.map(({ item }) => item);
}

export function orderWithoutSensitive<T extends { breakdown: readonly ScoreComponent[]; supportWorkerId: string }>(
  items: readonly T[],
): T[] {
  return orderWithout(items, SENSITIVE_FACTORS);
}

export function withoutSensitiveFactors(breakdown: readonly ScoreComponent[]): RedactedScore {
  return withoutFactors(breakdown, SENSITIVE_FACTORS);
}

export function reasonsWithoutSensitive(reasons: readonly string[]): string[] {
  return reasonsWithout(reasons, SENSITIVE_KINDS);
}

export function explainedWithoutSensitive(explained: readonly ExplainedReason[]): ExplainedReason[] {
  return explainedWithout(explained, SENSITIVE_KINDS);
}
