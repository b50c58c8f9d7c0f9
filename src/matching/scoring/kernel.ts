import { EARTH_RADIUS_KM, RADIANS } from './geo';
import { constraintBit, HardConstraint } from './hard-constraint';
import { MatchFactor } from './match-factor';
import { IN_PERSON, PreparedPeer, PreparedWorkers } from './prepared';
import { PARENT_OR_CHILD, SAME_TAG, SIBLING } from './taxonomy-index';
import { factorIndex } from './weights';

const INACTIVE = constraintBit(HardConstraint.WORKER_INACTIVE);
const AT_CAPACITY = constraintBit(HardConstraint.WORKER_AT_CAPACITY);
const NO_LANGUAGE = constraintBit(HardConstraint.NO_SHARED_LANGUAGE);
const NO_MODE = constraintBit(HardConstraint.NO_COMPATIBLE_MODE);
const OUT_OF_RANGE = constraintBit(HardConstraint.OUT_OF_RANGE);
const GENDER = constraintBit(HardConstraint.GENDER_PREFERENCE);
const DECLINED = constraintBit(HardConstraint.PREVIOUSLY_DECLINED);

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

/**
 * Mean over the peer's tags of the best credit any of the worker's tags gives it: the same tag
 * 1, its parent or a child 0.75, a sibling 0.5.
 */
function coverage(peerTags: Int32Array, workers: PreparedWorkers, worker: number): number {
  const { masks, words } = workers.taxonomy;
  const bits = workers.tagBits;
  const offset = worker * words;
  let sum = 0;
  for (let j = 0; j < peerTags.length; j++) {
    const base = peerTags[j] * 3 * words;
    let best = 0;
    for (let w = 0; w < words; w++) {
      const tags = bits[offset + w];
      if (tags & masks[base + w]) {
        best = SAME_TAG;
        break;
      }
      if (best < PARENT_OR_CHILD && tags & masks[base + words + w]) best = PARENT_OR_CHILD;
      else if (best < SIBLING && tags & masks[base + 2 * words + w]) best = SIBLING;
    }
    sum += best;
  }
  return sum / peerTags.length;
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Compares one peer with worker `i`. Returns the score (0..100) of an eligible pair, or the
 * negated bit mask of the hard constraints it fails. With `values`, writes each factor's value
 * (NaN where the factor does not apply). Allocates nothing.
 */
export function evaluatePair(
  peer: PreparedPeer,
  workers: PreparedWorkers,
  i: number,
  values: Float64Array | null = null,
): number {
  let excluded = 0;
  if (!workers.active[i]) excluded |= INACTIVE;
  if (workers.activeCount[i] >= workers.capacity[i]) excluded |= AT_CAPACITY;
  if (peer.genderMask !== 0 && (peer.genderMask & workers.gender[i]) === 0) excluded |= GENDER;

  const languageWords = workers.languageWords;
  let sharesLanguage = false;
  for (let w = 0; w < languageWords; w++) {
    if (peer.languageBits[w] & workers.languageBits[i * languageWords + w]) sharesLanguage = true;
  }
  if (!sharesLanguage) excluded |= NO_LANGUAGE;

  const sharedModes = peer.modes & workers.modes[i];
  let distanceValue = NaN;
  if (sharedModes === 0) {
    excluded |= NO_MODE;
  } else if (
    sharedModes & IN_PERSON &&
    peer.latitude === peer.latitude &&
    workers.latitude[i] === workers.latitude[i]
  ) {
    const x = (workers.longitude[i] - peer.longitude) * RADIANS * peer.cosLatitude;
    const y = (workers.latitude[i] - peer.latitude) * RADIANS;
    const km = EARTH_RADIUS_KM * Math.sqrt(x * x + y * y);
    const radius = Math.min(peer.radiusKm, workers.radiusKm[i]);
    if (km > radius) {
      // Out of reach in person: only a problem when in person is all they share.
      if (sharedModes === IN_PERSON) excluded |= OUT_OF_RANGE;
    } else {
      distanceValue = radius === Infinity ? 1 / (1 + km / DEFAULT_DISTANCE_SCALE_KM) : 1 - km / radius;
    }
  }
  for (let d = 0; d < peer.declined.length; d++) {
    if (peer.declined[d] === i) excluded |= DECLINED;
  }
  if (excluded !== 0) return -excluded;

  const weights = peer.weights;
  let weighted = 0;
  let total = 0;
  let value: number;

  value = peer.livedExperiences.length ? coverage(peer.livedExperiences, workers, i) : NaN;
  if (values) values[LIVED_EXPERIENCE] = value;
  if (value === value) {
    weighted += weights[LIVED_EXPERIENCE] * value;
    total += weights[LIVED_EXPERIENCE];
  }

  value = peer.interests.length ? coverage(peer.interests, workers, i) : NaN;
  if (values) values[INTERESTS] = value;
  if (value === value) {
    weighted += weights[INTERESTS] * value;
    total += weights[INTERESTS];
  }

  value = peer.cultures.length ? coverage(peer.cultures, workers, i) : NaN;
  if (values) values[CULTURE] = value;
  if (value === value) {
    weighted += weights[CULTURE] * value;
    total += weights[CULTURE];
  }

  if (peer.birthYear !== 0 && workers.birthYear[i] !== 0) {
    const years = (peer.birthYear - workers.birthYear[i]) / AGE_HALF_CREDIT_YEARS;
    value = 1 / (1 + years * years);
  } else {
    value = NaN;
  }
  if (values) values[AGE] = value;
  if (value === value) {
    weighted += weights[AGE] * value;
    total += weights[AGE];
  }

  const first = peer.firstLanguage;
  value = first >= 0 && workers.languageBits[i * languageWords + (first >>> 5)] & (1 << (first & 31)) ? 1 : 0.5;
  if (values) values[LANGUAGE] = value;
  weighted += weights[LANGUAGE] * value;
  total += weights[LANGUAGE];

  value = distanceValue;
  if (values) values[DISTANCE] = value;
  if (value === value) {
    weighted += weights[DISTANCE] * value;
    total += weights[DISTANCE];
  }

  const peerSlots = peer.availability;
  value =
    peerSlots !== 0 && workers.availability[i] !== 0
      ? popcount(peerSlots & workers.availability[i]) / popcount(peerSlots)
      : NaN;
  if (values) values[AVAILABILITY] = value;
  if (value === value) {
    weighted += weights[AVAILABILITY] * value;
    total += weights[AVAILABILITY];
  }

  value = workers.capacity[i] > 0 ? (workers.capacity[i] - workers.activeCount[i]) / workers.capacity[i] : NaN;
  if (values) values[LOAD] = value;
  if (value === value) {
    weighted += weights[LOAD] * value;
    total += weights[LOAD];
  }

  return total > 0 ? (100 * weighted) / total : 0;
}
