import { EARTH_RADIUS_KM, RADIANS } from './geo';
import { constraintBit, HardConstraint } from './hard-constraint';
import { MatchFactor } from './match-factor';
import { IN_PERSON, PreparedPeer, PreparedWorkers } from './prepared';
import { PARENT_OR_CHILD, SAME_TAG, SIBLING } from './taxonomy-index';
import { FACTOR_COUNT, factorIndex } from './weights';

const NO_LANGUAGE = constraintBit(HardConstraint.NO_SHARED_LANGUAGE);
const NO_MODE = constraintBit(HardConstraint.NO_COMPATIBLE_MODE);
const OUT_OF_RANGE = constraintBit(HardConstraint.OUT_OF_RANGE);
const GENDER = constraintBit(HardConstraint.GENDER_PREFERENCE);
const DECLINED = constraintBit(HardConstraint.PREVIOUSLY_DECLINED);
const LOCATION_UNKNOWN = constraintBit(HardConstraint.LOCATION_UNKNOWN);

const LIVED_EXPERIENCE = factorIndex(MatchFactor.LIVED_EXPERIENCE);
const INTERESTS = factorIndex(MatchFactor.INTERESTS);
const AGE = factorIndex(MatchFactor.AGE);
const CULTURE = factorIndex(MatchFactor.CULTURE);
const LANGUAGE = factorIndex(MatchFactor.LANGUAGE);
const DISTANCE = factorIndex(MatchFactor.DISTANCE);
const AVAILABILITY = factorIndex(MatchFactor.AVAILABILITY);
const LOAD = factorIndex(MatchFactor.LOAD);

/** Without a radius from either side, closeness still counts: half credit at this distance. */
export const DEFAULT_DISTANCE_SCALE_KM = 25;
/** Ten years apart gives half the AGE credit. */
export const AGE_HALF_CREDIT_YEARS = 10;

/** Credit by which of [same, parent or child, sibling] the worker has, as bits 2, 1, 0. */
const CREDIT_BY_MATCH = Float64Array.of(
  0,
  SIBLING,
  PARENT_OR_CHILD,
  PARENT_OR_CHILD,
  SAME_TAG,
  SAME_TAG,
  SAME_TAG,
  SAME_TAG,
);

/**
 * Sum over the peer's tags of the best credit any of the worker's tags gives it: the same tag
 * 1, its parent or a child 0.75, a sibling 0.5 (divided by the tag count, the coverage).
 * This is the common case of a taxonomy of at most 32 tags: one word per bitset.
 */
function creditInOneWord(peerMasks: Uint32Array, tags: number): number {
  let sum = 0;
  for (let base = 0; base < peerMasks.length; base += 3) {
    // Branch-free: whether a worker has a tag is a coin toss the processor cannot predict.
    const same = tags & peerMasks[base];
    const close = tags & peerMasks[base + 1];
    const related = tags & peerMasks[base + 2];
    sum +=
      CREDIT_BY_MATCH[
        (((same | -same) >>> 31) << 2) | (((close | -close) >>> 31) << 1) | ((related | -related) >>> 31)
      ];
  }
  return sum;
}

/** The same over bitsets of several words. */
function creditInWords(peerMasks: Uint32Array, words: number, tagBits: Uint32Array, offset: number): number {
  const stride = 3 * words;
  let sum = 0;
  for (let base = 0; base < peerMasks.length; base += stride) {
    let best = 0;
    for (let w = 0; w < words; w++) {
      const tags = tagBits[offset + w];
      if (tags & peerMasks[base + w]) {
        best = SAME_TAG;
        break;
      }
      if (best < PARENT_OR_CHILD && tags & peerMasks[base + words + w]) best = PARENT_OR_CHILD;
      else if (best < SIBLING && tags & peerMasks[base + 2 * words + w]) best = SIBLING;
    }
    sum += best;
  }
  return sum;
}

function credit(peerMasks: Uint32Array, words: number, tagBits: Uint32Array, offset: number): number {
  return words === 1 ? creditInOneWord(peerMasks, tagBits[offset]) : creditInWords(peerMasks, words, tagBits, offset);
}

/** AGE credit by difference in birth years, -150..150: a table lookup instead of a division. */
const AGE_CREDIT = Float64Array.from({ length: 301 }, (_, index) => {
  const apart = (index - 150) / AGE_HALF_CREDIT_YEARS;
  return 1 / (1 + apart * apart);
});

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Compares one peer with workers `from` until `to`, writing to `scores[j - from]` the score
 * (0..100) of each eligible pair, or the negated bit mask of the hard constraints it fails.
 * With `values` (explanations, one worker) every failed constraint is reported and each
 * factor's value written (NaN where it does not apply); without (ranking), a pair is dropped at
 * the first failed constraint. The columns are read into locals once per call, and nothing is
 * allocated per pair.
 */
export function scoreRange(
  peer: PreparedPeer,
  workers: PreparedWorkers,
  from: number,
  to: number,
  scores: Float64Array,
  values: Float64Array | null = null,
): void {
  const everyConstraint = values !== null;
  const ownExclusions = workers.ownExclusions;
  const genders = workers.gender;
  const modes = workers.modes;
  const latitudes = workers.latitude;
  const longitudes = workers.longitude;
  const radii = workers.radiusKm;
  const birthYears = workers.birthYear;
  const availabilities = workers.availability;
  const loads = workers.load;
  const languageBits = workers.languageBits;
  const languageWords = workers.languageWords;
  const tagBits = workers.tagBits;
  const words = workers.taxonomy.words;

  const genderMask = peer.genderMask;
  const peerLanguages = peer.languageBits;
  const peerModes = peer.modes;
  const peerLatitude = peer.latitude;
  const peerLongitude = peer.longitude;
  const peerHasLocation = peerLatitude === peerLatitude; // NaN when unknown
  const peerRadius = peer.radiusKm;
  const peerBirthYear = peer.birthYear;
  const peerAvailability = peer.availability;
  const peerSlots = peerAvailability !== 0 ? popcount(peerAvailability) : 0;
  const declined = peer.declined;
  const weights = peer.weights;
  const livedExperiences = peer.livedExperiences;
  const interests = peer.interests;
  const cultures = peer.cultures;
  const [livedExperienceWeight, interestsWeight, cultureWeight] = peer.weightPerTag;
  const first = peer.firstLanguage;
  const firstWord = first >>> 5;
  const firstBit = 1 << (first & 31);
  const ageWeight = weights[AGE];
  const languageWeight = weights[LANGUAGE];
  const distanceWeight = weights[DISTANCE];
  const availabilityWeight = weights[AVAILABILITY];
  const loadWeight = weights[LOAD];

  for (let i = from; i < to; i++) {
    let excluded = ownExclusions[i];
    if (genderMask !== 0 && (genderMask & genders[i]) === 0) excluded |= GENDER;
    if (excluded !== 0 && !everyConstraint) {
      scores[i - from] = -excluded;
      continue;
    }
    const languageOffset = i * languageWords;
    let sharesLanguage = false;
    for (let w = 0; w < languageWords; w++) {
      if (peerLanguages[w] & languageBits[languageOffset + w]) sharesLanguage = true;
    }
    if (!sharesLanguage) excluded |= NO_LANGUAGE;

    const sharedModes = peerModes & modes[i];
    let distance = NaN;
    if (sharedModes === 0) {
      excluded |= NO_MODE;
    } else if (sharedModes === IN_PERSON && !(peerHasLocation && latitudes[i] === latitudes[i])) {
      // Meeting in person only, a distance that cannot be measured cannot be trusted to be short.
      excluded |= LOCATION_UNKNOWN;
    } else if (sharedModes & IN_PERSON && peerHasLocation && latitudes[i] === latitudes[i]) {
      const x = (longitudes[i] - peerLongitude) * RADIANS * peer.cosLatitude;
      const y = (latitudes[i] - peerLatitude) * RADIANS;
      const km = EARTH_RADIUS_KM * Math.sqrt(x * x + y * y);
      const radius = peerRadius < radii[i] ? peerRadius : radii[i];
      if (km > radius) {
        // Out of reach in person: only a problem when in person is all they share.
        if (sharedModes === IN_PERSON) excluded |= OUT_OF_RANGE;
      } else {
        distance = radius === Infinity ? 1 / (1 + km / DEFAULT_DISTANCE_SCALE_KM) : 1 - km / radius;
      }
    }
    for (let d = 0; d < declined.length; d++) {
      if (declined[d] === i) excluded |= DECLINED;
    }
    if (excluded !== 0) {
      scores[i - from] = -excluded;
      continue;
    }

    // Tag factors apply when the peer gave tags of that kind: their weight is fixed per peer.
    const tagOffset = i * words;
    let weighted = 0;
    let total = peer.tagFactorsWeight;
    let livedExperience = NaN;
    if (livedExperiences.length !== 0) {
      livedExperience = credit(livedExperiences, words, tagBits, tagOffset);
      weighted += livedExperience * livedExperienceWeight;
    }
    let interest = NaN;
    if (interests.length !== 0) {
      interest = credit(interests, words, tagBits, tagOffset);
      weighted += interest * interestsWeight;
    }
    let culture = NaN;
    if (cultures.length !== 0) {
      culture = credit(cultures, words, tagBits, tagOffset);
      weighted += culture * cultureWeight;
    }
    let age = NaN;
    if (peerBirthYear !== 0 && birthYears[i] !== 0) {
      const apart = peerBirthYear - birthYears[i];
      age = apart >= -150 && apart <= 150 ? AGE_CREDIT[apart + 150] : 0;
      weighted += ageWeight * age;
      total += ageWeight;
    }
    const language = first >= 0 && languageBits[languageOffset + firstWord] & firstBit ? 1 : 0.5;
    weighted += languageWeight * language;
    total += languageWeight;
    if (distance === distance) {
      weighted += distanceWeight * distance;
      total += distanceWeight;
    }
    let availability = NaN;
    if (peerSlots !== 0 && availabilities[i] !== 0) {
      availability = popcount(peerAvailability & availabilities[i]) / peerSlots;
      weighted += availabilityWeight * availability;
      total += availabilityWeight;
    }
    const load = loads[i];
    if (load === load) {
      weighted += loadWeight * load;
      total += loadWeight;
    }
    scores[i - from] = total > 0 ? (100 * weighted) / total : 0;

    if (values !== null) {
      values[LIVED_EXPERIENCE] = livedExperience / peer.tagCounts[0];
      values[INTERESTS] = interest / peer.tagCounts[1];
      values[CULTURE] = culture / peer.tagCounts[2];
      values[AGE] = age;
      values[LANGUAGE] = language;
      values[DISTANCE] = distance;
      values[AVAILABILITY] = availability;
      values[LOAD] = load;
    }
  }
}

/**
 * One pair: the score (0..100) when eligible, else the negated bit mask of every hard
 * constraint it fails. With `values`, each factor's value is written (NaN where it does not apply).
 */
export function evaluatePair(
  peer: PreparedPeer,
  workers: PreparedWorkers,
  i: number,
  values: Float64Array | null = null,
): number {
  const score = new Float64Array(1);
  scoreRange(peer, workers, i, i + 1, score, values ?? new Float64Array(FACTOR_COUNT));
  return score[0];
}
