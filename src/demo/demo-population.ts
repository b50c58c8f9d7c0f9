import { PeerProfile, WorkerProfile } from '../matching/core';
import { generatePeers, generateWorkers, Random, seededRandom } from '../population/population';
import { nameFor } from './names';
import { Suburb, sydneySuburbs } from './suburbs';

/** The small service of the population notes. */
export const DEMO_WORKER_COUNT = 50;
export const DEMO_PEER_COUNT = 300;
/** Same seed, same people: the sign-in list names the same few after every fresh seed. */
const DEMO_SEED = 20_210_810;

/** What a peer has done so far: asked for a match, been matched (if a worker fits), or neither. */
export type DemoPeerPlan = 'request' | 'match' | 'none';
const PLAN_SHARES: readonly [DemoPeerPlan, number][] = [
  ['match', 0.35],
  ['request', 0.3],
  ['none', 0.35],
];

const DAY_MS = 86_400_000;
/** Weekly slots (7 days x 3 parts); most people say when they are free. */
const SLOT_COUNT = 21;
const GIVES_AVAILABILITY = 0.7;
/** People spread around a suburb's centre rather than stacked on one point: about half a kilometre. */
const JITTER_DEGREES = 0.005;

interface DemoPerson {
  displayName: string;
  suburb: Suburb;
  /** When the person was registered, days before the seed. */
  registeredDaysAgo: number;
}

/** Tag fields hold slugs here; the seed turns them into the database's tag ids. */
export interface DemoWorker extends DemoPerson {
  profile: WorkerProfile;
}

export interface DemoPeer extends DemoPerson {
  profile: PeerProfile;
  plan: DemoPeerPlan;
  /** When they asked for a match, or were matched: days before the seed. */
  actedDaysAgo: number;
}

/** A version 4 UUID from the seeded stream: the same people keep the same ids. */
function uuidFrom(random: Random): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function availability(random: Random): number | null {
  if (random() >= GIVES_AVAILABILITY) return null;
  let mask = 0;
  const slots = 3 + Math.floor(random() * 6);
  for (let i = 0; i < slots; i++) mask |= 1 << Math.floor(random() * SLOT_COUNT);
  return mask;
}

function planOf(random: Random): DemoPeerPlan {
  let roll = random();
  for (const [plan, share] of PLAN_SHARES) if ((roll -= share) < 0) return plan;
  return 'none';
}

const daysBetween = (random: Random, min: number, max: number) => min + random() * (max - min);

/**
 * The demo service's people: the shared synthetic population, each given a name, a real suburb
 * to live in (their location, near its centre), availability, and a history in days.
 */
export function demoPopulation(): { workers: DemoWorker[]; peers: DemoPeer[] } {
  const random = seededRandom(DEMO_SEED);
  const suburbs = sydneySuburbs();
  const taken = new Set<string>();
  const person = <P extends WorkerProfile | PeerProfile>(profile: P) => {
    const suburb = suburbs[Math.floor(random() * suburbs.length)];
    return {
      profile: {
        ...profile,
        id: uuidFrom(random),
        location: {
          latitude: suburb.latitude + (random() - 0.5) * 2 * JITTER_DEGREES,
          longitude: suburb.longitude + (random() - 0.5) * 2 * JITTER_DEGREES,
        },
        availability: availability(random),
      },
      displayName: nameFor(random, { ...profile, cultureSlugs: profile.cultureIds }, taken),
      suburb,
    };
  };
  const workers = generateWorkers(DEMO_WORKER_COUNT, random).map((profile): DemoWorker => ({
    ...person({ ...profile, activeMatchCount: 0 }),
    registeredDaysAgo: daysBetween(random, 60, 900),
  }));
  const peers = generatePeers(DEMO_PEER_COUNT, random).map((profile): DemoPeer => {
    const registeredDaysAgo = daysBetween(random, 14, 400);
    const plan = planOf(random);
    const actedDaysAgo =
      plan === 'match' ? daysBetween(random, 7, Math.min(180, registeredDaysAgo)) : daysBetween(random, 0.5, 10);
    return { ...person(profile), registeredDaysAgo, plan, actedDaysAgo };
  });
  return { workers, peers };
}

export function daysAgo(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
