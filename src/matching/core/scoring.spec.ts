import { Gender, SupportMode } from './profile.enums';
import { explainPair, PairExplanation } from './explain';
import { HardConstraint } from './hard-constraint';
import { MatchFactor } from './match-factor';
import { preparePeer, prepareWorkers } from './prepared';
import { PeerProfile, WorkerProfile } from './profiles';
import { northOfSydney, peer, SYDNEY, taxonomy, worker } from './testing/fixtures';

function explain(p: PeerProfile, w: WorkerProfile): PairExplanation {
  const workers = prepareWorkers([w], taxonomy);
  return explainPair(preparePeer(p, workers), workers, 0);
}

function valueOf(explanation: PairExplanation, factor: MatchFactor): number | undefined {
  return explanation.breakdown.find((component) => component.factor === factor)?.value;
}

describe('hard constraints', () => {
  it.each([
    [HardConstraint.WORKER_INACTIVE, peer(), worker({ active: false })],
    [HardConstraint.WORKER_AT_CAPACITY, peer(), worker({ capacity: 2, activeMatchCount: 2 })],
    [HardConstraint.WORKER_AT_CAPACITY, peer(), worker({ capacity: 0 })],
    [HardConstraint.WORKER_NOT_ACCEPTING_NEW_PEERS, peer(), worker({ acceptingNewPeers: false })],
    [HardConstraint.NO_SHARED_LANGUAGE, peer({ languages: ['vi'] }), worker({ languages: ['en', 'ar'] })],
    [HardConstraint.NO_COMPATIBLE_MODE, peer({ modes: [SupportMode.PHONE] }), worker({ modes: [SupportMode.VIDEO] })],
    [
      HardConstraint.OUT_OF_RANGE,
      peer({ modes: [SupportMode.IN_PERSON], location: SYDNEY, maxDistanceKm: 10 }),
      worker({ modes: [SupportMode.IN_PERSON, SupportMode.VIDEO], location: northOfSydney(12) }),
    ],
    [
      HardConstraint.OUT_OF_RANGE,
      peer({ modes: [SupportMode.IN_PERSON], location: SYDNEY }),
      worker({ modes: [SupportMode.IN_PERSON], location: northOfSydney(12), serviceRadiusKm: 5 }),
    ],
    [HardConstraint.GENDER_PREFERENCE, peer({ workerGenders: [Gender.WOMAN] }), worker({ gender: Gender.MAN })],
    [HardConstraint.GENDER_PREFERENCE, peer({ workerGenders: [Gender.WOMAN] }), worker({ gender: null })],
    [HardConstraint.PREVIOUSLY_DECLINED, peer({ declinedWorkerIds: ['worker-1'] }), worker()],
    [
      HardConstraint.LOCATION_UNKNOWN,
      peer({ modes: [SupportMode.IN_PERSON], location: null }),
      worker({ modes: [SupportMode.IN_PERSON], location: SYDNEY }),
    ],
    [
      HardConstraint.LOCATION_UNKNOWN,
      peer({ modes: [SupportMode.IN_PERSON], location: SYDNEY }),
      worker({ modes: [SupportMode.IN_PERSON, SupportMode.VIDEO], location: null }),
    ],
  ])('%s excludes the worker', (constraint, p, w) => {
    expect(explain(p, w)).toEqual({
      eligible: false,
      excludedBy: [constraint],
      score: null,
      breakdown: [],
      reasons: [],
      explained: [],
    });
  });

  it('leaves a worker of unknown location eligible when the pair can also meet another way', () => {
    const explanation = explain(
      peer({ modes: [SupportMode.IN_PERSON, SupportMode.VIDEO], location: SYDNEY }),
      worker({ modes: [SupportMode.IN_PERSON, SupportMode.VIDEO], location: null }),
    );
    expect(explanation).toMatchObject({ eligible: true, excludedBy: [] });
  });

  it('reports every constraint a pair fails', () => {
    const explanation = explain(
      peer({ languages: ['vi'], workerGenders: [Gender.MAN], declinedWorkerIds: ['worker-1'] }),
      worker({ active: false, gender: Gender.WOMAN }),
    );
    expect(explanation.excludedBy).toEqual([
      HardConstraint.WORKER_INACTIVE,
      HardConstraint.NO_SHARED_LANGUAGE,
      HardConstraint.GENDER_PREFERENCE,
      HardConstraint.PREVIOUSLY_DECLINED,
    ]);
  });

  it('does not exclude a distant worker when they can also meet by video', () => {
    const explanation = explain(
      peer({ modes: [SupportMode.IN_PERSON, SupportMode.VIDEO], location: SYDNEY, maxDistanceKm: 5 }),
      worker({ modes: [SupportMode.IN_PERSON, SupportMode.VIDEO], location: northOfSydney(30) }),
    );
    expect(explanation.eligible).toBe(true);
    expect(valueOf(explanation, MatchFactor.DISTANCE)).toBeUndefined();
  });
});

describe('soft factors', () => {
  it.each([
    ['the same experience', ['anxiety'], ['anxiety'], 1],
    ['a child of the experience', ['anxiety'], ['panic-attacks'], 0.75],
    ['the parent of the experience', ['panic-attacks'], ['anxiety'], 0.75],
    ['a sibling of the experience', ['panic-attacks'], ['social-anxiety'], 0.5],
    ['an unrelated experience', ['anxiety'], ['grief'], 0],
    ['one of two experiences', ['anxiety', 'grief'], ['anxiety'], 0.5],
  ])('LIVED_EXPERIENCE credits %s', (_case, peerTags, workerTags, expected) => {
    const explanation = explain(peer({ livedExperienceIds: peerTags }), worker({ livedExperienceIds: workerTags }));
    expect(valueOf(explanation, MatchFactor.LIVED_EXPERIENCE)).toBe(expected);
  });

  it('INTERESTS gives cooking and baking partial credit', () => {
    expect(
      valueOf(explain(peer({ interestIds: ['cooking'] }), worker({ interestIds: ['baking'] })), MatchFactor.INTERESTS),
    ).toBe(0.75);
  });

  it('leaves LIVED_EXPERIENCE out without consent to use it for matching', () => {
    const explanation = explain(
      peer({
        livedExperienceIds: ['anxiety'],
        consent: { useLivedExperienceForMatching: false, shareLivedExperienceWithWorkers: true },
      }),
      worker({ livedExperienceIds: ['anxiety'] }),
    );
    expect(valueOf(explanation, MatchFactor.LIVED_EXPERIENCE)).toBeUndefined();
    expect(explanation.reasons.join(' ')).not.toContain('anxiety');
  });

  it.each([
    [0, 1],
    [10, 0.5],
    [20, 0.2],
  ])('AGE is %s years apart -> %s', (years, expected) => {
    const explanation = explain(peer({ birthYear: 1990 }), worker({ birthYear: 1990 + years }));
    expect(valueOf(explanation, MatchFactor.AGE)).toBeCloseTo(expected, 10);
  });

  it('drops AGE and CULTURE when not given', () => {
    const explanation = explain(peer(), worker({ birthYear: 1980, cultureIds: ['greek'] }));
    expect(valueOf(explanation, MatchFactor.AGE)).toBeUndefined();
    expect(valueOf(explanation, MatchFactor.CULTURE)).toBeUndefined();
  });

  it('CULTURE is 1 for a shared background', () => {
    expect(
      valueOf(explain(peer({ cultureIds: ['greek'] }), worker({ cultureIds: ['greek'] })), MatchFactor.CULTURE),
    ).toBe(1);
  });

  it.each([
    ['the peer’s first language', ['vi', 'en'], ['vi'], 1],
    ['another shared language', ['vi', 'en'], ['en'], 0.5],
  ])('LANGUAGE credits %s', (_case, peerLanguages, workerLanguages, expected) => {
    const explanation = explain(peer({ languages: peerLanguages }), worker({ languages: workerLanguages }));
    expect(valueOf(explanation, MatchFactor.LANGUAGE)).toBe(expected);
  });

  it.each([
    [0, 1],
    [5, 0.5],
    [10, 0],
  ])('DISTANCE %s km away within a 10 km radius -> %s', (km, expected) => {
    const explanation = explain(
      peer({ modes: [SupportMode.IN_PERSON], location: SYDNEY, maxDistanceKm: 10 }),
      worker({ modes: [SupportMode.IN_PERSON], location: northOfSydney(km) }),
    );
    expect(valueOf(explanation, MatchFactor.DISTANCE)).toBeCloseTo(expected, 3);
  });

  it('AVAILABILITY is the share of the peer’s slots the worker also has, when both give any', () => {
    const explanation = explain(peer({ availability: 0b1111 }), worker({ availability: 0b0011_0000_0011 }));
    expect(valueOf(explanation, MatchFactor.AVAILABILITY)).toBe(0.5);
    expect(valueOf(explain(peer({ availability: 0b1 }), worker()), MatchFactor.AVAILABILITY)).toBeUndefined();
  });

  it('LOAD is the room left in the worker’s caseload', () => {
    expect(valueOf(explain(peer(), worker({ capacity: 4, activeMatchCount: 1 })), MatchFactor.LOAD)).toBe(0.75);
  });
});

describe('score and weights', () => {
  const rich = peer({
    birthYear: 1990,
    livedExperienceIds: ['panic-attacks', 'depression'],
    interestIds: ['cooking', 'music'],
    cultureIds: ['vietnamese'],
    languages: ['vi', 'en'],
  });
  const match = worker({
    birthYear: 1985,
    livedExperienceIds: ['anxiety'],
    interestIds: ['baking'],
    languages: ['en'],
    capacity: 6,
    activeMatchCount: 2,
  });

  it('is the weighted mean of the factors that apply, and its components add up to it', () => {
    const explanation = explain(rich, match);
    const total = explanation.breakdown.reduce((sum, component) => sum + component.contribution, 0);
    expect(total).toBeCloseTo(explanation.score!, 9);
    expect(explanation.breakdown.reduce((sum, component) => sum + component.weight, 0)).toBeCloseTo(1, 12);
    expect(explanation.breakdown.map((component) => component.factor)).toEqual([
      MatchFactor.LIVED_EXPERIENCE,
      MatchFactor.INTERESTS,
      MatchFactor.AGE,
      MatchFactor.CULTURE,
      MatchFactor.LANGUAGE,
      MatchFactor.LOAD,
    ]);
  });

  it('weighs lived experience above interests above demographics by default', () => {
    const weights = Object.fromEntries(explain(rich, match).breakdown.map((c) => [c.factor, c.weight]));
    expect(weights.LIVED_EXPERIENCE).toBeGreaterThan(weights.INTERESTS);
    expect(weights.INTERESTS).toBeGreaterThan(weights.LANGUAGE);
    expect(weights.LANGUAGE).toBeGreaterThan(weights.AGE);
  });

  it('drops a factor the peer marks as unimportant, and doubles one marked very important', () => {
    const ignoring = explain(peer({ ...rich, importance: { AGE: 0 } }), match);
    expect(valueOf(ignoring, MatchFactor.AGE)).toBeUndefined();
    const base = Object.fromEntries(explain(rich, match).breakdown.map((c) => [c.factor, c.weight]));
    const keen = Object.fromEntries(
      explain(peer({ ...rich, importance: { AGE: 3 } }), match).breakdown.map((c) => [c.factor, c.weight]),
    );
    expect(keen.AGE / keen.LANGUAGE).toBeCloseTo((2 * base.AGE) / base.LANGUAGE, 12);
  });
});

describe('reasons', () => {
  it('name what is shared, in plain words', () => {
    const explanation = explain(
      peer({
        livedExperienceIds: ['anxiety', 'grief'],
        interestIds: ['cooking', 'walking'],
        cultureIds: ['vietnamese'],
        languages: ['vi', 'en'],
        modes: [SupportMode.IN_PERSON],
        location: SYDNEY,
        birthYear: 1990,
      }),
      worker({
        livedExperienceIds: ['panic-attacks', 'grief'],
        interestIds: ['cooking', 'gardening'],
        cultureIds: ['vietnamese'],
        languages: ['vi', 'en'],
        modes: [SupportMode.IN_PERSON],
        location: northOfSydney(4),
        birthYear: 1987,
      }),
    );
    expect(explanation.reasons).toEqual([
      'You both have lived experience of grief and loss',
      'Has lived experience of panic attacks, close to your anxiety',
      'You both enjoy cooking',
      'Shares your cultural background: Vietnamese',
      'You both speak Vietnamese',
      'Lives 4 km away',
      'Close to you in age',
    ]);
  });

  it('word a sibling as related', () => {
    const explanation = explain(
      peer({ livedExperienceIds: ['panic-attacks'] }),
      worker({ livedExperienceIds: ['social-anxiety'] }),
    );
    expect(explanation.reasons).toContain('Has lived experience of social anxiety, related to your panic attacks');
  });

  it('never name a lived experience the peer did not consent to share', () => {
    const explanation = explain(
      peer({
        livedExperienceIds: ['psychosis'],
        consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: false },
      }),
      worker({ livedExperienceIds: ['psychosis'] }),
    );
    expect(valueOf(explanation, MatchFactor.LIVED_EXPERIENCE)).toBe(1);
    expect(explanation.reasons.join(' ')).not.toMatch(/psychosis|lived experience/i);
  });

  it('never name a lived experience the worker does not disclose', () => {
    const explanation = explain(
      peer({ livedExperienceIds: ['bipolar'] }),
      worker({ livedExperienceIds: ['depression'] }),
    );
    expect(explanation.reasons.join(' ')).not.toMatch(/bipolar|depression/i);
  });
});
