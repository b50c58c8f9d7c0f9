import fc from 'fast-check';
import { Gender, SupportMode } from '../profile.enums';
import { MatchFactor } from '../match-factor';
import { PeerProfile, WorkerProfile } from '../profiles';
import { TAGS } from './fixtures';

const slugsOf = (kind: string) => TAGS.filter((tag) => tag.kind === kind).map((tag) => tag.id);
const tagsOf = (kind: string, max: number) => fc.uniqueArray(fc.constantFrom(...slugsOf(kind)), { maxLength: max });
const gender = fc.constantFrom(Gender.WOMAN, Gender.MAN, Gender.NON_BINARY, Gender.UNDISCLOSED);
const languages = fc.uniqueArray(fc.constantFrom('en', 'vi', 'ar', 'el', 'zh'), { minLength: 1, maxLength: 3 });
const modes = fc.uniqueArray(fc.constantFrom(SupportMode.IN_PERSON, SupportMode.PHONE, SupportMode.VIDEO), {
  minLength: 1,
  maxLength: 3,
});
const location = fc.option(
  fc.record({
    latitude: fc.double({ min: -34.2, max: -33.5, noNaN: true }),
    longitude: fc.double({ min: 150.8, max: 151.4, noNaN: true }),
  }),
  { nil: null },
);
const availability = fc.option(fc.integer({ min: 0, max: (1 << 21) - 1 }), { nil: null });

export const peerArbitrary: fc.Arbitrary<PeerProfile> = fc.record({
  id: fc.constant('peer'),
  gender: fc.option(gender, { nil: null }),
  birthYear: fc.option(fc.integer({ min: 1950, max: 2008 }), { nil: null }),
  languages,
  modes,
  location,
  maxDistanceKm: fc.option(fc.double({ min: 1, max: 60, noNaN: true }), { nil: null }),
  livedExperienceIds: tagsOf('LIVED_EXPERIENCE', 3),
  interestIds: tagsOf('INTEREST', 5),
  cultureIds: tagsOf('CULTURE', 2),
  availability,
  workerGenders: fc.uniqueArray(gender, { maxLength: 2 }),
  importance: fc.dictionary(fc.constantFrom(...Object.values(MatchFactor)), fc.integer({ min: 0, max: 3 })),
  consent: fc.record({ useLivedExperienceForMatching: fc.boolean(), shareLivedExperienceWithWorkers: fc.boolean() }),
  declinedWorkerIds: fc.uniqueArray(fc.constantFrom('w-0', 'w-1', 'w-2', 'w-3'), { maxLength: 2 }),
});

export const workerArbitrary = (id: string): fc.Arbitrary<WorkerProfile> =>
  fc
    .record({
      gender: fc.option(gender, { nil: null }),
      birthYear: fc.option(fc.integer({ min: 1960, max: 2000 }), { nil: null }),
      languages,
      modes,
      location,
      serviceRadiusKm: fc.option(fc.double({ min: 1, max: 60, noNaN: true }), { nil: null }),
      livedExperienceIds: tagsOf('LIVED_EXPERIENCE', 3),
      interestIds: tagsOf('INTEREST', 5),
      cultureIds: tagsOf('CULTURE', 2),
      availability,
      capacity: fc.integer({ min: 0, max: 12 }),
      activeMatchCount: fc.integer({ min: 0, max: 12 }),
      active: fc.boolean(),
      acceptingNewPeers: fc.boolean(),
    })
    .map((fields) => ({ id, ...fields }));

export const workersArbitrary = (max: number): fc.Arbitrary<WorkerProfile[]> =>
  fc
    .integer({ min: 1, max })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => workerArbitrary(`w-${i}`))));
