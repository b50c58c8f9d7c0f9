import { Gender, SupportMode } from '../../../common/profile/profile.enums';
import { PeerProfile, TagInfo, WorkerProfile } from '../profiles';
import { TaxonomyIndex } from '../taxonomy-index';

/** The seeded taxonomy, with slugs for ids so that tests read naturally. */
export const TAGS: TagInfo[] = [
  ['LIVED_EXPERIENCE', 'anxiety', 'Anxiety'],
  ['LIVED_EXPERIENCE', 'panic-attacks', 'Panic attacks', 'anxiety'],
  ['LIVED_EXPERIENCE', 'social-anxiety', 'Social anxiety', 'anxiety'],
  ['LIVED_EXPERIENCE', 'depression', 'Depression'],
  ['LIVED_EXPERIENCE', 'bipolar', 'Bipolar disorder'],
  ['LIVED_EXPERIENCE', 'psychosis', 'Psychosis'],
  ['LIVED_EXPERIENCE', 'ptsd', 'Post-traumatic stress'],
  ['LIVED_EXPERIENCE', 'eating-disorders', 'Eating disorders'],
  ['LIVED_EXPERIENCE', 'substance-use', 'Substance use'],
  ['LIVED_EXPERIENCE', 'grief', 'Grief and loss'],
  ['INTEREST', 'cooking', 'Cooking'],
  ['INTEREST', 'baking', 'Baking', 'cooking'],
  ['INTEREST', 'gardening', 'Gardening'],
  ['INTEREST', 'music', 'Music'],
  ['INTEREST', 'art', 'Art'],
  ['INTEREST', 'sport', 'Sport'],
  ['INTEREST', 'walking', 'Walking'],
  ['INTEREST', 'reading', 'Reading'],
  ['INTEREST', 'gaming', 'Gaming'],
  ['CULTURE', 'aboriginal-torres-strait-islander', 'Aboriginal and Torres Strait Islander'],
  ['CULTURE', 'vietnamese', 'Vietnamese'],
  ['CULTURE', 'lebanese', 'Lebanese'],
  ['CULTURE', 'greek', 'Greek'],
  ['CULTURE', 'chinese', 'Chinese'],
  ['CULTURE', 'lgbtiq', 'LGBTIQ+'],
].map(([kind, slug, label, parent]) => ({
  id: slug,
  kind: kind as TagInfo['kind'],
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
    ...overrides,
  };
}
