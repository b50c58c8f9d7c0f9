import { makePeer, makeSupportWorker } from './support/factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

describe('explainMatch', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  const EXPLAIN = `query ($peerId: ID!, $supportWorkerId: ID!) {
    explainMatch(peerId: $peerId, supportWorkerId: $supportWorkerId) {
      eligible excludedBy score reasons breakdown { factor weight value contribution } } }`;

  interface Explanation {
    eligible: boolean;
    excludedBy: string[];
    score: number | null;
    reasons: string[];
    breakdown: { factor: string; weight: number; value: number; contribution: number }[];
  }

  async function explain(peerId: string, supportWorkerId: string, token = intake) {
    return t.gql<{ explainMatch: Explanation }>(EXPLAIN, { peerId, supportWorkerId }, token);
  }

  it('scores an eligible pair, with a breakdown that adds up and reasons in plain words', async () => {
    const peer = await makePeer(t, {
      languages: ['vi', 'en'],
      livedExperiences: ['anxiety'],
      interests: ['cooking'],
      consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true },
    });
    const worker = await makeSupportWorker(t, {
      languages: ['vi'],
      livedExperiences: ['panic-attacks'],
      interests: ['cooking'],
    });
    const { data } = await explain(peer.id, worker.id);
    const explanation = data!.explainMatch;
    expect(explanation.eligible).toBe(true);
    expect(explanation.excludedBy).toEqual([]);
    const sum = explanation.breakdown.reduce((total, component) => total + component.contribution, 0);
    expect(sum).toBeCloseTo(explanation.score!, 6);
    expect(explanation.breakdown.find((c) => c.factor === 'LIVED_EXPERIENCE')?.value).toBe(0.75);
    expect(explanation.reasons).toEqual([
      'Has lived experience of panic attacks, close to your anxiety',
      'You both enjoy cooking',
      'You both speak Vietnamese',
    ]);
  });

  it('says LOCATION_UNKNOWN when the pair can meet only in person and the worker gave no location', async () => {
    const peer = await makePeer(t, { modes: ['IN_PERSON'], location: { latitude: -33.87, longitude: 151.21 } });
    const worker = await makeSupportWorker(t, { modes: ['IN_PERSON'], location: null });
    const { data } = await explain(peer.id, worker.id);
    expect(data?.explainMatch).toMatchObject({ eligible: false, excludedBy: ['LOCATION_UNKNOWN'], score: null });
  });

  it('counts AVAILABILITY when both give weekly availability', async () => {
    const peer = await makePeer(t, { availability: ['MON_EVENING', 'TUE_EVENING'] });
    const worker = await makeSupportWorker(t, { availability: ['TUE_EVENING', 'SAT_MORNING'] });
    const { data } = await explain(peer.id, worker.id);
    expect(data!.explainMatch.breakdown.find((c) => c.factor === 'AVAILABILITY')?.value).toBe(0.5);
    expect(data!.explainMatch.reasons).toContain('Free at times that suit you');
  });

  it('names every hard constraint a pair fails, and gives no score', async () => {
    const peer = await makePeer(t, { languages: ['ar'], preferences: { workerGenders: ['MAN'] } });
    const worker = await makeSupportWorker(t, { languages: ['en'], gender: 'WOMAN', capacity: 0 });
    const { data } = await explain(peer.id, worker.id);
    expect(data!.explainMatch).toEqual({
      eligible: false,
      excludedBy: ['WORKER_AT_CAPACITY', 'NO_SHARED_LANGUAGE', 'GENDER_PREFERENCE'],
      score: null,
      reasons: [],
      breakdown: [],
    });
  });

  it('answers NOT_FOUND for a peer or worker that does not exist', async () => {
    const worker = await makeSupportWorker(t);
    const response = await explain('00000000-0000-4000-8000-000000000000', worker.id);
    expect(errorCode(response)).toBe('NOT_FOUND');
  });

  it.each([
    ['PEER', (peerId: string) => ({ peerId })],
    ['SUPPORT_WORKER', (_: string, supportWorkerId: string) => ({ supportWorkerId })],
    ['SERVICE', () => ({ scope: 'profiles:read matches:read' })],
  ] as const)('is for intake staff and admins only: %s is FORBIDDEN', async (role, claims) => {
    const peer = await makePeer(t);
    const worker = await makeSupportWorker(t);
    const response = await explain(peer.id, worker.id, await t.tokenFor({ role, ...claims(peer.id, worker.id) }));
    expect(errorCode(response)).toBe('FORBIDDEN');
  });
});
