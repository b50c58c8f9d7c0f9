import { Gender, SupportMode } from './profile.enums';
import { RADIANS } from './geo';
import { constraintBit, HardConstraint } from './hard-constraint';
import { PeerProfile, WorkerProfile } from './profiles';
import { TaxonomyIndex } from './taxonomy-index';
import { MatchFactor } from './match-factor';
import { factorIndex, weightsFor, weightVector } from './weights';

export const MODE_BIT: Readonly<Record<SupportMode, number>> = {
  [SupportMode.IN_PERSON]: 1,
  [SupportMode.PHONE]: 2,
  [SupportMode.VIDEO]: 4,
};
export const IN_PERSON = MODE_BIT[SupportMode.IN_PERSON];

const GENDER_BIT: Readonly<Record<Gender, number>> = {
  [Gender.WOMAN]: 1,
  [Gender.MAN]: 2,
  [Gender.NON_BINARY]: 4,
  [Gender.UNDISCLOSED]: 8,
};
/** A worker who gave no gender counts as undisclosed. */
const genderBit = (gender: Gender | null) => GENDER_BIT[gender ?? Gender.UNDISCLOSED];
const modeBits = (modes: readonly SupportMode[]) => modes.reduce((bits, mode) => bits | MODE_BIT[mode], 0);

/** Candidate workers as columns of typed arrays: the kernel reads them without allocating. */
export interface PreparedWorkers {
  count: number;
  ids: readonly string[];
  /** Position of each worker in id order: ties are broken by it, whatever the input order. */
  idOrder: Int32Array;
  indexById: ReadonlyMap<string, number>;
  profiles: readonly WorkerProfile[];
  taxonomy: TaxonomyIndex;
  languageIndex: ReadonlyMap<string, number>;
  languageWords: number;
  active: Uint8Array;
  capacity: Int32Array;
  activeCount: Int32Array;
  gender: Uint8Array;
  modes: Uint8Array;
  /** 0 when unknown. */
  birthYear: Int32Array;
  /** NaN when unknown. */
  latitude: Float64Array;
  longitude: Float64Array;
  /** Infinity when the worker gave none. */
  radiusKm: Float64Array;
  availability: Int32Array;
  /** Constraints that hold whatever the peer (inactive, full, not accepting), as the kernel's bits. */
  ownExclusions: Uint16Array;
  /** Room left in the caseload, 0..1; NaN when capacity is 0. */
  load: Float64Array;
  languageBits: Uint32Array;
  tagBits: Uint32Array;
  /** Scratch space for one peer's scores against every worker, reused between peers. */
  scores: Float64Array;
}

function idOrderOf(workers: readonly WorkerProfile[]): Int32Array {
  const order = new Int32Array(workers.length);
  workers
    .map((worker, index) => ({ id: worker.id, index }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .forEach(({ index }, position) => (order[index] = position));
  return order;
}

export function prepareWorkers(workers: readonly WorkerProfile[], taxonomy: TaxonomyIndex): PreparedWorkers {
  const count = workers.length;
  const languageIndex = new Map<string, number>();
  for (const worker of workers) {
    for (const language of worker.languages) {
      if (!languageIndex.has(language)) languageIndex.set(language, languageIndex.size);
    }
  }
  const languageWords = Math.max(1, Math.ceil(languageIndex.size / 32));
  const prepared: PreparedWorkers = {
    count,
    ids: workers.map((worker) => worker.id),
    idOrder: idOrderOf(workers),
    indexById: new Map(workers.map((worker, index) => [worker.id, index])),
    profiles: workers,
    taxonomy,
    languageIndex,
    languageWords,
    active: new Uint8Array(count),
    capacity: new Int32Array(count),
    activeCount: new Int32Array(count),
    gender: new Uint8Array(count),
    modes: new Uint8Array(count),
    birthYear: new Int32Array(count),
    latitude: new Float64Array(count),
    longitude: new Float64Array(count),
    radiusKm: new Float64Array(count),
    availability: new Int32Array(count),
    // Wide enough for every HardConstraint bit, not just the first eight.
    ownExclusions: new Uint16Array(count),
    load: new Float64Array(count),
    languageBits: new Uint32Array(count * languageWords),
    tagBits: new Uint32Array(count * taxonomy.words),
    scores: new Float64Array(count),
  };
  workers.forEach((worker, i) => {
    prepared.active[i] = worker.active ? 1 : 0;
    prepared.capacity[i] = worker.capacity;
    prepared.activeCount[i] = worker.activeMatchCount;
    prepared.gender[i] = genderBit(worker.gender);
    prepared.modes[i] = modeBits(worker.modes);
    prepared.birthYear[i] = worker.birthYear ?? 0;
    prepared.latitude[i] = worker.location?.latitude ?? NaN;
    prepared.longitude[i] = worker.location?.longitude ?? NaN;
    prepared.radiusKm[i] = worker.serviceRadiusKm ?? Infinity;
    prepared.availability[i] = worker.availability ?? 0;
    prepared.ownExclusions[i] =
      (worker.active ? 0 : constraintBit(HardConstraint.WORKER_INACTIVE)) |
      (worker.activeMatchCount >= worker.capacity ? constraintBit(HardConstraint.WORKER_AT_CAPACITY) : 0) |
      (worker.acceptingNewPeers ? 0 : constraintBit(HardConstraint.WORKER_NOT_ACCEPTING_NEW_PEERS));
    prepared.load[i] = worker.capacity > 0 ? (worker.capacity - worker.activeMatchCount) / worker.capacity : NaN;
    for (const language of worker.languages) {
      const index = languageIndex.get(language)!;
      prepared.languageBits[i * languageWords + (index >>> 5)] |= 1 << (index & 31);
    }
    const tags = [...worker.livedExperienceIds, ...worker.interestIds, ...worker.cultureIds];
    taxonomy.writeBits(tags, prepared.tagBits, i * taxonomy.words);
  });
  return prepared;
}

/** One peer, ready to be compared with prepared workers. */
export interface PreparedPeer {
  profile: PeerProfile;
  /**
   * Per kind, for each of the peer's tags, the taxonomy masks of `words` words each:
   * [self][parent and children][siblings]. Lived experience only with consent to use it.
   */
  livedExperiences: Uint32Array;
  interests: Uint32Array;
  cultures: Uint32Array;
  languageBits: Uint32Array;
  /** Index of the preferred language among the workers' languages; -1 when none speaks it. */
  firstLanguage: number;
  modes: number;
  /** 0: any gender. */
  genderMask: number;
  birthYear: number;
  latitude: number;
  longitude: number;
  cosLatitude: number;
  radiusKm: number;
  availability: number;
  weights: Float64Array;
  /** Tags given per kind: lived experience (used), interests, cultures. */
  tagCounts: Int32Array;
  /** Per kind, the factor's weight divided by the tag count: credit x this = weighted coverage. */
  weightPerTag: Float64Array;
  /** Summed weight of the tag factors that apply to this peer whoever the worker is. */
  tagFactorsWeight: number;
  /** Worker indexes the peer declined. */
  declined: Int32Array;
}

export function preparePeer(peer: PeerProfile, workers: PreparedWorkers): PreparedPeer {
  const { taxonomy, languageIndex, languageWords } = workers;
  const languageBits = new Uint32Array(languageWords);
  for (const language of peer.languages) {
    const index = languageIndex.get(language);
    if (index !== undefined) languageBits[index >>> 5] |= 1 << (index & 31);
  }
  const latitude = peer.location?.latitude ?? NaN;
  const stride = 3 * taxonomy.words;
  const tagMasks = [
    taxonomy.masksOf(peer.consent.useLivedExperienceForMatching ? peer.livedExperienceIds : []),
    taxonomy.masksOf(peer.interestIds),
    taxonomy.masksOf(peer.cultureIds),
  ];
  const weights = weightVector(weightsFor(peer.importance));
  const tagFactorWeights = [
    weights[factorIndex(MatchFactor.LIVED_EXPERIENCE)],
    weights[factorIndex(MatchFactor.INTERESTS)],
    weights[factorIndex(MatchFactor.CULTURE)],
  ];
  const tagCounts = Int32Array.from(tagMasks, (masks) => masks.length / stride);
  return {
    profile: peer,
    livedExperiences: tagMasks[0],
    interests: tagMasks[1],
    cultures: tagMasks[2],
    languageBits,
    firstLanguage: peer.languages.length ? (languageIndex.get(peer.languages[0]) ?? -1) : -1,
    modes: modeBits(peer.modes),
    genderMask: peer.workerGenders.reduce((bits, gender) => bits | GENDER_BIT[gender], 0),
    birthYear: peer.birthYear ?? 0,
    latitude,
    longitude: peer.location?.longitude ?? NaN,
    cosLatitude: Math.cos(latitude * RADIANS),
    radiusKm: peer.maxDistanceKm ?? Infinity,
    availability: peer.availability ?? 0,
    weights,
    tagCounts,
    weightPerTag: Float64Array.from(tagCounts, (count, kind) => (count ? tagFactorWeights[kind] / count : 0)),
    tagFactorsWeight: tagCounts.reduce((sum, count, kind) => sum + (count ? tagFactorWeights[kind] : 0), 0),
    declined: Int32Array.from(
      peer.declinedWorkerIds.map((id) => workers.indexById.get(id) ?? -1).filter((index) => index >= 0),
    ),
  };
}
