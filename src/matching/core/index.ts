/**
 * The matching core: plain functions over plain data, no framework, database or queue.
 * Services load rows, turn them into profiles, call these, and store what they return. Its
 * enums are imported from the one file that defines each (match-factor, hard-constraint,
 * profile.enums, matching.enums), never through here, so each has one path.
 */
export { explainPair, type PairExplanation, type ScoreComponent } from './explain';
export { evaluatePair } from './kernel';
export { preparePeer, prepareWorkers, type PreparedPeer, type PreparedWorkers } from './prepared';
export type { GeoPoint, PeerProfile, TagInfo, TagKindName, WeeklyAvailability, WorkerProfile } from './profiles';
export {
  DEFAULT_EXPOSURE_FACTOR,
  DEFAULT_SUGGESTION_COUNT,
  FairRanking,
  longestWaitingFirst,
  rankCandidates,
  rankForWaitingPeers,
  type FairRankOptions,
  type Ranked,
  type WaitingPeer,
} from './rank';
export { kindOfReason, sentenceOf, type ExplainedReason } from './reasons';
export {
  explainedWithout,
  explainedWithoutSensitive,
  orderWithout,
  orderWithoutSensitive,
  reasonsWithout,
  reasonsWithoutSensitive,
  SENSITIVE_FACTORS,
  withoutFactors,
  withoutSensitiveFactors,
  type RedactedScore,
} from './redaction';
export { TaxonomyIndex } from './taxonomy-index';
export { DEFAULT_WEIGHTS, weightsFor, type Importance, type Weights } from './weights';
