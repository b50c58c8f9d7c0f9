import { errorCode, GraphqlResponse, startTestApp, TestApp } from './support/test-app';
import { makePeer, makeSupportWorker, PEER_FIELDS, peerInput, WORKER_FIELDS, workerInput } from './support/factories';

describe('registering peers and support workers', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  const CREATE_PEER = `mutation ($input: CreatePeerInput!) { createPeer(input: $input) { ${PEER_FIELDS} } }`;
  const UPDATE_PEER = `mutation ($id: ID!, $input: UpdatePeerInput!) { updatePeer(id: $id, input: $input) { ${PEER_FIELDS} } }`;
  const CREATE_WORKER = `mutation ($input: CreateSupportWorkerInput!) { createSupportWorker(input: $input) { ${WORKER_FIELDS} } }`;
  const UPDATE_WORKER = `mutation ($id: ID!, $input: UpdateSupportWorkerInput!) { updateSupportWorker(id: $id, input: $input) { ${WORKER_FIELDS} } }`;

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);

  it('registers a peer with lived experience, interests, culture, preferences and consent', async () => {
    const peer = await makePeer(t, {
      gender: 'WOMAN',
      birthYear: 1990,
      languages: ['vi', 'en'],
      modes: ['IN_PERSON', 'PHONE'],
      location: { latitude: -33.87, longitude: 151.21 },
      maxDistanceKm: 15,
      availability: ['SAT_MORNING', 'MON_EVENING'],
      livedExperiences: ['panic-attacks', 'depression'],
      interests: ['cooking'],
      culturalBackgrounds: ['vietnamese'],
      preferences: { workerGenders: ['WOMAN'], importance: [{ factor: 'AGE', importance: 3 }] },
      consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: false },
    });

    expect(peer).toMatchObject({
      gender: 'WOMAN',
      birthYear: 1990,
      languages: ['vi', 'en'],
      modes: ['IN_PERSON', 'PHONE'],
      location: { latitude: -33.87, longitude: 151.21 },
      maxDistanceKm: 15,
      availability: ['MON_EVENING', 'SAT_MORNING'],
      livedExperiences: [
        { slug: 'depression', kind: 'LIVED_EXPERIENCE' },
        { slug: 'panic-attacks', kind: 'LIVED_EXPERIENCE' },
      ],
      interests: [{ slug: 'cooking' }],
      culturalBackgrounds: [{ slug: 'vietnamese' }],
      preferences: { workerGenders: ['WOMAN'], importance: [{ factor: 'AGE', importance: 3 }] },
      consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: false },
    });
  });

  it('assumes no consent for lived experience when none is given', async () => {
    const peer = await makePeer(t);
    expect(peer.consent).toEqual({ useLivedExperienceForMatching: false, shareLivedExperienceWithWorkers: false });
  });

  it('refuses an unknown tag slug by name and writes nothing', async () => {
    const response = await t.gql(
      CREATE_PEER,
      { input: peerInput({ interests: ['cooking', 'knitting'], livedExperiences: ['anxiety'] }) },
      intake,
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('knitting');
    expect(await count('peer')).toBe(0);
    expect(await count('peer_tag')).toBe(0);
  });

  it('refuses a slug given under the wrong kind', async () => {
    const response = await t.gql(CREATE_PEER, { input: peerInput({ livedExperiences: ['cooking'] }) }, intake);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('lived experience "cooking"');
  });

  it.each([
    ['an empty name', { displayName: '' }, 'displayName'],
    ['a name over 100 characters', { displayName: 'x'.repeat(101) }, 'displayName'],
    ['a birth year before 1900', { birthYear: 1899 }, 'birthYear'],
    ['a birth year in the future', { birthYear: new Date().getUTCFullYear() + 1 }, 'birthYear'],
    ['a language that is not ISO 639-1', { languages: ['english'] }, 'languages'],
    ['no language', { languages: [] }, 'languages'],
    [
      'more than 10 languages',
      { languages: ['en', 'vi', 'ar', 'el', 'zh', 'it', 'hi', 'pa', 'es', 'fr', 'de'] },
      'languages',
    ],
    ['no mode', { modes: [] }, 'modes'],
    ['a latitude out of range', { location: { latitude: 91, longitude: 0 } }, 'location.latitude'],
    ['a longitude out of range', { location: { latitude: 0, longitude: -181 } }, 'location.longitude'],
    ['a negative travel distance', { maxDistanceKm: -1 }, 'maxDistanceKm'],
    ['too many interests', { interests: Array.from({ length: 21 }, (_, i) => `tag-${i}`) }, 'interests'],
    [
      'an importance above 3',
      { preferences: { importance: [{ factor: 'AGE', importance: 4 }] } },
      'preferences.importance.0.importance',
    ],
  ])('refuses %s, naming the field', async (_case, overrides, field) => {
    const response = await t.gql(CREATE_PEER, { input: peerInput(overrides) }, intake);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.fields).toContain(field);
    expect(await count('peer')).toBe(0);
  });

  it('updates only the fields given and replaces only the tag kinds given', async () => {
    const peer = await makePeer(t, { birthYear: 1985, interests: ['music'], livedExperiences: ['grief'] });
    const response = await t.gql<{ updatePeer: Record<string, unknown> }>(
      UPDATE_PEER,
      { id: peer.id, input: { interests: ['baking', 'walking'], gender: null } },
      intake,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.updatePeer).toMatchObject({
      displayName: 'Sam',
      birthYear: 1985,
      gender: null,
      interests: [{ slug: 'baking' }, { slug: 'walking' }],
      livedExperiences: [{ slug: 'grief', kind: 'LIVED_EXPERIENCE' }],
    });
  });

  it('refuses to clear a required field on update', async () => {
    const peer = await makePeer(t);
    const response = await t.gql(UPDATE_PEER, { id: peer.id, input: { displayName: null } }, intake);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.fields).toEqual(['displayName']);
  });

  it('leaves a peer untouched when an update names an unknown tag', async () => {
    const peer = await makePeer(t, { displayName: 'Before', interests: ['music'] });
    const response = await t.gql(
      UPDATE_PEER,
      { id: peer.id, input: { displayName: 'After', interests: ['music', 'nope'] } },
      intake,
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    const stored = await t.gql<{ peer: { displayName: string; interests: { slug: string }[] } }>(
      `query ($id: ID!) { peer(id: $id) { displayName interests { slug } } }`,
      { id: peer.id },
      intake,
    );
    expect(stored.data?.peer).toEqual({ displayName: 'Before', interests: [{ slug: 'music' }] });
  });

  it('answers NOT_FOUND when updating a peer that does not exist', async () => {
    const response = await t.gql(UPDATE_PEER, { id: '00000000-0000-4000-8000-000000000000', input: {} }, intake);
    expect(errorCode(response)).toBe('NOT_FOUND');
  });

  it('refuses an id that is not a UUID as BAD_USER_INPUT', async () => {
    const response = await t.gql(`{ peer(id: "42") { id } }`, {}, intake);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it('keeps both of two concurrent updates to different tag kinds', async () => {
    const peer = await makePeer(t);
    await Promise.all([
      t.gql(UPDATE_PEER, { id: peer.id, input: { interests: ['art'] } }, intake),
      t.gql(UPDATE_PEER, { id: peer.id, input: { culturalBackgrounds: ['greek'] } }, intake),
    ]);
    const stored = await t.gql<{ peer: Record<string, unknown> }>(
      `query ($id: ID!) { peer(id: $id) { interests { slug } culturalBackgrounds { slug } } }`,
      { id: peer.id },
      intake,
    );
    expect(stored.data?.peer).toEqual({ interests: [{ slug: 'art' }], culturalBackgrounds: [{ slug: 'greek' }] });
  });

  it('registers and updates a support worker, including capacity and activity', async () => {
    const created = await t.gql<{ createSupportWorker: Record<string, unknown> & { id: string } }>(
      CREATE_WORKER,
      { input: workerInput({ livedExperiences: ['anxiety'], serviceRadiusKm: 20, capacity: 6 }) },
      intake,
    );
    expect(created.data?.createSupportWorker).toMatchObject({ capacity: 6, active: true, serviceRadiusKm: 20 });
    const updated = await t.gql<{ updateSupportWorker: Record<string, unknown> }>(
      UPDATE_WORKER,
      { id: created.data?.createSupportWorker.id, input: { capacity: 0, active: false } },
      intake,
    );
    expect(updated.data?.updateSupportWorker).toMatchObject({
      capacity: 0,
      active: false,
      livedExperiences: [{ slug: 'anxiety' }],
    });
  });

  it.each([
    ['a capacity above 50', { capacity: 51 }, 'capacity'],
    ['a negative capacity', { capacity: -1 }, 'capacity'],
    ['a service radius above 500 km', { serviceRadiusKm: 501 }, 'serviceRadiusKm'],
  ])('refuses a support worker with %s', async (_case, overrides, field) => {
    const response = await t.gql(CREATE_WORKER, { input: workerInput(overrides) }, intake);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.fields).toContain(field);
    expect(await count('support_worker')).toBe(0);
  });

  it('pages through support workers in creation order with a total count', async () => {
    for (const name of ['A', 'B', 'C', 'D', 'E']) await makeSupportWorker(t, { displayName: name });
    const PAGE = `query ($after: String) { supportWorkers(first: 2, after: $after) {
      totalCount edges { cursor node { displayName } } pageInfo { hasNextPage endCursor } } }`;
    interface Page {
      supportWorkers: {
        totalCount: number;
        edges: { node: { displayName: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response: GraphqlResponse<Page> = await t.gql<Page>(PAGE, { after }, intake);
      const connection = response.data!.supportWorkers;
      expect(connection.totalCount).toBe(5);
      seen.push(...connection.edges.map((edge) => edge.node.displayName));
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(pages).toBe(3);
  });

  it('refuses a page larger than 100 and a cursor it did not produce', async () => {
    const tooBig = await t.gql(`{ peers(first: 101) { totalCount } }`, {}, intake);
    expect(errorCode(tooBig)).toBe('BAD_USER_INPUT');
    const forged = await t.gql(`{ peers(after: "bm90LWEtY3Vyc29y") { totalCount } }`, {}, intake);
    expect(errorCode(forged)).toBe('BAD_USER_INPUT');
  });
});
