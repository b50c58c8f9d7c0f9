import { MatchFactor } from '../core/match-factor';
import { DeclineReason } from '../core/matching.enums';

/**
 * Which factor a decline says matters more to this peer. Gender is a preference the peer sets,
 * not a weight, and "not a fit" or "other" say nothing about a particular factor.
 */
export const NUDGED_FACTOR: Readonly<Record<DeclineReason, MatchFactor | null>> = {
  [DeclineReason.PREFER_CLOSER_AGE]: MatchFactor.AGE,
  [DeclineReason.LANGUAGE]: MatchFactor.LANGUAGE,
  [DeclineReason.LOCATION]: MatchFactor.DISTANCE,
  [DeclineReason.AVAILABILITY]: MatchFactor.AVAILABILITY,
  [DeclineReason.PREFER_DIFFERENT_GENDER]: null,
  [DeclineReason.NOT_A_FIT]: null,
  [DeclineReason.OTHER]: null,
};

/** A nudge raises a factor's importance by one level, once; the peer's own setting caps at 3. */
export const NUDGE_LEVELS = 1;
