import { DEFAULT_TAXONOMY } from '../../../../migrations/1795433500000-SeedTaxonomy';
import { Gender, SupportMode } from '../profile.enums';
import { PeerProfile, TagInfo, WorkerProfile } from '../profiles';
import { TaxonomyIndex } from '../taxonomy-index';

/** The seeded taxonomy, with slugs for ids so that tests read naturally. */
export const TAGS: TagInfo[] = DEFAULT_TAXONOMY.map(([kind, slug, label, parent]) => ({
  id: slug,
  kind,
  label,
  parentId: parent ?? null,
}));

export const taxonomy = new TaxonomyIndex(TAGS);

export const SYDNEY = { latitude: -33.87, longitude: 151.21 };

/** A point `km` kilometres north of Sydney's centre. */
export function northOfSydney(km: number) {
  return { latitude: SYDNEY.latitude + km / 111.195, longitude: SYDNEY.longitude };
}

export function peer(overrides: Partial<PeerProfile> = {}): PeerProfile {
  return {
    id: 'peer-1',
    gender: Gender.WOMAN,
    birthYear: null,
    languages: ['en'],
    modes: [SupportMode.VIDEO],
    location: null,
    maxDistanceKm: null,
    livedExperienceIds: [],
    interestIds: [],
    cultureIds: [],
    workerGenders: [],
    importance: {},
    consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true },
    declinedWorkerIds: [],
    ...overrides,
  };
}

export function worker(overrides: Partial<WorkerProfile> = {}): WorkerProfile {
  return {
    id: 'worker-1',
    gender: Gender.WOMAN,
    birthYear: null,
    languages: ['en'],
    modes: [SupportMode.VIDEO],
    location: null,
    serviceRadiusKm: null,
    livedExperienceIds: [],
    interestIds: [],
    cultureIds: [],
    capacity: 4,
    activeMatchCount: 0,
    active: true,
    acceptingNewPeers: true,
    ...overrides,
  };
}
