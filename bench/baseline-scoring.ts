/**
 * The scoring rules written the plain way, with Sets and objects, for the benchmark to compare
 * the core against: same rules, none of the core's data layout.
 */
import { Gender, SupportMode } from '../src/matching/core/profile.enums';
import { PeerProfile, TagInfo, WorkerProfile } from '../src/matching/core/profiles';
import { MatchFactor } from '../src/matching/core/match-factor';
import { weightsFor } from '../src/matching/core/weights';

export interface BaselineRanked {
  workerId: string;
  score: number;
}

export class BaselineScorer {
  private readonly parentOf = new Map<string, string | null>();

  constructor(tags: readonly TagInfo[]) {
    for (const tag of tags) this.parentOf.set(tag.id, tag.parentId);
  }

  private credit(peerTag: string, workerTags: Set<string>): number {
    if (workerTags.has(peerTag)) return 1;
    const parent = this.parentOf.get(peerTag) ?? null;
    let best = 0;
    for (const tag of workerTags) {
      const tagParent = this.parentOf.get(tag) ?? null;
      if (tag === parent || tagParent === peerTag) return 0.75;
      if (parent !== null && tagParent === parent) best = 0.5;
    }
    return best;
  }

  private coverage(peerTags: readonly string[], workerTags: Set<string>): number | null {
    if (peerTags.length === 0) return null;
    let sum = 0;
    for (const tag of peerTags) sum += this.credit(tag, workerTags);
    return sum / peerTags.length;
  }

  /** The score, or null when a hard constraint excludes the worker. */
  score(peer: PeerProfile, worker: WorkerProfile): number | null {
    const declined = new Set(peer.declinedWorkerIds);
    const workerLanguages = new Set(worker.languages);
    const sharedModes = peer.modes.filter((mode) => worker.modes.includes(mode));
    const wantedGenders = new Set(peer.workerGenders);
    let excluded =
      !worker.active ||
      !worker.acceptingNewPeers ||
      worker.activeMatchCount >= worker.capacity ||
      !peer.languages.some((language) => workerLanguages.has(language)) ||
      sharedModes.length === 0 ||
      (wantedGenders.size > 0 && !wantedGenders.has(worker.gender ?? Gender.UNDISCLOSED)) ||
      declined.has(worker.id);

    let distance: number | null = null;
    if (sharedModes.includes(SupportMode.IN_PERSON) && peer.location && worker.location) {
      const x =
        (worker.location.longitude - peer.location.longitude) *
        (Math.PI / 180) *
        Math.cos(peer.location.latitude * (Math.PI / 180));
      const y = (worker.location.latitude - peer.location.latitude) * (Math.PI / 180);
      const km = 6371 * Math.sqrt(x * x + y * y);
      const radius = Math.min(peer.maxDistanceKm ?? Infinity, worker.serviceRadiusKm ?? Infinity);
      if (km > radius) {
        if (sharedModes.length === 1) excluded = true;
      } else {
        distance = radius === Infinity ? 1 / (1 + km / 25) : 1 - km / radius;
      }
    }
    if (excluded) return null;

    const workerTags = new Set([...worker.livedExperienceIds, ...worker.interestIds, ...worker.cultureIds]);
    const weights = weightsFor(peer.importance);
    const values: [MatchFactor, number | null][] = [
      [
        MatchFactor.LIVED_EXPERIENCE,
        peer.consent.useLivedExperienceForMatching ? this.coverage(peer.livedExperienceIds, workerTags) : null,
      ],
      [MatchFactor.INTERESTS, this.coverage(peer.interestIds, workerTags)],
      [MatchFactor.CULTURE, this.coverage(peer.cultureIds, workerTags)],
      [
        MatchFactor.AGE,
        peer.birthYear && worker.birthYear ? 1 / (1 + ((peer.birthYear - worker.birthYear) / 10) ** 2) : null,
      ],
      [MatchFactor.LANGUAGE, workerLanguages.has(peer.languages[0]) ? 1 : 0.5],
      [MatchFactor.DISTANCE, distance],
      [MatchFactor.AVAILABILITY, null],
      [MatchFactor.LOAD, worker.capacity > 0 ? (worker.capacity - worker.activeMatchCount) / worker.capacity : null],
    ];
    let weighted = 0;
    let total = 0;
    for (const [factor, value] of values) {
      if (value === null) continue;
      weighted += weights[factor] * value;
      total += weights[factor];
    }
    return total > 0 ? (100 * weighted) / total : 0;
  }

  rank(peer: PeerProfile, workers: readonly WorkerProfile[], k: number): BaselineRanked[] {
    const scored: BaselineRanked[] = [];
    for (const worker of workers) {
      const score = this.score(peer, worker);
      if (score !== null) scored.push({ workerId: worker.id, score });
    }
    scored.sort((a, b) => b.score - a.score || (a.workerId < b.workerId ? -1 : 1));
    return scored.slice(0, k);
  }
}
