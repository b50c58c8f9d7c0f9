/**
 * A seeded population shaped like an Australian community mental-health service
 * (see the project's population notes): same seed, same people.
 */
import { Gender, SupportMode } from '../matching/core/profile.enums';
import { MatchFactor } from '../matching/core/match-factor';
import { PeerProfile, WorkerProfile } from '../matching/core/profiles';

export type Random = () => number;

/** mulberry32: small, fast, and good enough for synthetic data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1][0];
}

const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

function distinct<T>(count: number, pick: () => T): T[] {
  const chosen = new Set<T>();
  for (let tries = 0; chosen.size < count && tries < count * 20; tries++) chosen.add(pick());
  return [...chosen];
}

const LIVED_EXPERIENCE = [
  ['anxiety', 27],
  ['panic-attacks', 7],
  ['social-anxiety', 6],
  ['depression', 25],
  ['ptsd', 10],
  ['substance-use', 8],
  ['bipolar', 5],
  ['eating-disorders', 4],
  ['psychosis', 4],
  ['grief', 4],
] as const;

const INTERESTS = [
  ['cooking', 9],
  ['baking', 3],
  ['walking', 12],
  ['music', 12],
  ['gardening', 9],
  ['art', 9],
  ['sport', 9],
  ['reading', 9],
  ['gaming', 9],
] as const;

const CULTURES = ['aboriginal-torres-strait-islander', 'vietnamese', 'lebanese', 'greek', 'chinese', 'lgbtiq'] as const;

const SECOND_LANGUAGES = [
  ['zh', 5],
  ['ar', 3],
  ['vi', 3],
  ['el', 2],
  ['it', 2],
  ['hi', 2],
  ['pa', 2],
  ['es', 2],
  ['ko', 2],
  ['tl', 2],
] as const;

const GENDERS = [
  [Gender.WOMAN, 55],
  [Gender.MAN, 40],
  [Gender.NON_BINARY, 3],
  [Gender.UNDISCLOSED, 2],
] as const;

export const SYDNEY = { latitude: -33.87, longitude: 151.21 };

function languages(random: Random): string[] {
  const roll = random();
  if (roll < 0.75) return ['en'];
  const other = weighted(random, SECOND_LANGUAGES);
  return roll < 0.97 ? (random() < 0.5 ? [other, 'en'] : ['en', other]) : [other];
}

function modes(random: Random): SupportMode[] {
  for (;;) {
    const chosen = [
      random() < 0.5 ? SupportMode.IN_PERSON : null,
      random() < 0.7 ? SupportMode.PHONE : null,
      random() < 0.8 ? SupportMode.VIDEO : null,
    ].filter((mode): mode is SupportMode => mode !== null);
    if (chosen.length) return chosen;
  }
}

function location(random: Random) {
  const km = 40 * Math.sqrt(random());
  const angle = 2 * Math.PI * random();
  return {
    latitude: SYDNEY.latitude + (km * Math.sin(angle)) / 111.195,
    longitude: SYDNEY.longitude + (km * Math.cos(angle)) / (111.195 * Math.cos((SYDNEY.latitude * Math.PI) / 180)),
  };
}

function commonFields(random: Random, minBirthYear: number, maxBirthYear: number) {
  return {
    gender: weighted(random, GENDERS),
    birthYear: between(random, minBirthYear, maxBirthYear),
    languages: languages(random),
    modes: modes(random),
    location: location(random),
    livedExperienceIds: distinct(between(random, 1, 3), () => weighted(random, LIVED_EXPERIENCE)),
    interestIds: distinct(between(random, 2, 5), () => weighted(random, INTERESTS)),
    cultureIds: random() < 0.4 ? [CULTURES[Math.floor(random() * CULTURES.length)]] : [],
  };
}

/** Ids are tag slugs; map them to real tag ids where a database is involved. */
export function generateWorkers(count: number, random: Random): WorkerProfile[] {
  return Array.from({ length: count }, (_, i) => {
    const capacity = Math.min(12, Math.max(3, Math.round(6 + 2.2 * (random() + random() + random() - 1.5))));
    return {
      id: `worker-${String(i).padStart(6, '0')}`,
      ...commonFields(random, 1960, 2000),
      serviceRadiusKm: random() < 0.6 ? between(random, 10, 40) : null,
      capacity,
      activeMatchCount: Math.floor(random() * (capacity + 1) * 0.8),
      active: random() >= 0.1,
      acceptingNewPeers: true,
    };
  });
}

export function generatePeers(count: number, random: Random): PeerProfile[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `peer-${String(i).padStart(6, '0')}`,
    ...commonFields(random, 1950, 2008),
    maxDistanceKm: random() < 0.5 ? between(random, 5, 30) : null,
    workerGenders: random() < 0.3 ? (random() < 0.8 ? [Gender.WOMAN] : [Gender.MAN]) : [],
    importance:
      random() < 0.2
        ? { [MatchFactor.LIVED_EXPERIENCE]: between(random, 1, 3), [MatchFactor.AGE]: between(random, 0, 3) }
        : {},
    consent: { useLivedExperienceForMatching: random() < 0.85, shareLivedExperienceWithWorkers: random() < 0.6 },
    declinedWorkerIds: [],
  }));
}
