import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const UPDATE_PEER = `mutation ($id: ID!, $input: UpdatePeerInput!) { updatePeer(id: $id, input: $input) {
  id displayName languages modes availability interests { slug }
  preferences { workerGenders importance { factor importance } }
  consent { useLivedExperienceForMatching shareLivedExperienceWithWorkers } } }`;
const UPDATE_WORKER = `mutation ($id: ID!, $input: UpdateSupportWorkerInput!) {
  updateSupportWorker(id: $id, input: $input) { id acceptingNewPeers availability capacity } }`;
const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id } }`;

describe('people changing their own records', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  const asPeer = (peerId: string) => t.tokenFor({ role: 'PEER', peerId });
  const asWorker = (supportWorkerId: string) => t.tokenFor({ role: 'SUPPORT_WORKER', supportWorkerId });

  async function request(peerId: string): Promise<string> {
    const response = await t.gql<{ requestMatch: { id: string } }>(REQUEST, { peerId }, intake);
    expect(response.errors).toBeUndefined();
    await waitForJobs(t.app);
    return response.data!.requestMatch.id;
  }

  async function writesTo(table: 'peer' | 'support_worker', id: string) {
    const [row] = await t.dataSource.query(`SELECT profile_version FROM ${table} WHERE id = $1`, [id]);
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE subject_id = $1 AND action = 'UPDATE'`,
      [id],
    );
    return { version: row.profile_version, updates: audit.n };
  }

  describe('a peer', () => {
    it('changes their own preferences, interests, languages, modes, availability and consent', async () => {
      const peer = await makePeer(t);
      const input = {
        preferences: { workerGenders: ['WOMAN'], importance: [{ factor: 'AGE', importance: 3 }] },
        interests: ['gardening'],
        languages: ['vi', 'en'],
        modes: ['PHONE', 'VIDEO'],
        availability: ['SAT_MORNING'],
        consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: false },
      };
      const response = await t.gql<{ updatePeer: Record<string, unknown> }>(
        UPDATE_PEER,
        { id: peer.id, input },
        await asPeer(peer.id),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.updatePeer).toEqual({
        id: peer.id,
        displayName: 'Sam',
        languages: ['vi', 'en'],
        modes: ['PHONE', 'VIDEO'],
        availability: ['SAT_MORNING'],
        interests: [{ slug: 'gardening' }],
        preferences: input.preferences,
        consent: input.consent,
      });
      const consents = await t.dataSource.query(
        `SELECT recorded_by_role, operation FROM consent_record WHERE peer_id = $1 ORDER BY recorded_at DESC LIMIT 1`,
        [peer.id],
      );
      expect(consents).toEqual([{ recorded_by_role: 'PEER', operation: 'updatePeer' }]);
    });

    it.each([
      ['their name', { displayName: 'Renamed' }, ['displayName']],
      ['their lived experience', { livedExperiences: ['grief'] }, ['livedExperiences']],
      ['how far they travel and where they live', { maxDistanceKm: 5, location: null }, ['maxDistanceKm', 'location']],
      [
        'a field beside ones they may change',
        { interests: ['music'], gender: 'MAN', birthYear: 1990, culturalBackgrounds: [] },
        ['gender', 'birthYear', 'culturalBackgrounds'],
      ],
    ])('may not change %s: FORBIDDEN naming the fields, and nothing is written', async (_what, input, named) => {
      const peer = await makePeer(t, { interests: ['cooking'] });
      const before = await writesTo('peer', peer.id);
      const response = await t.gql(UPDATE_PEER, { id: peer.id, input }, await asPeer(peer.id));
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect([...(response.errors?.[0].extensions?.fields as string[])].sort()).toEqual([...named].sort());
      for (const field of named) expect(response.errors?.[0].message).toContain(field);
      expect(response.data).toBeNull();
      expect(await writesTo('peer', peer.id)).toEqual(before);
      const [row] = await t.dataSource.query(`SELECT display_name FROM peer WHERE id = $1`, [peer.id]);
      expect(row.display_name).toBe('Sam');
    });

    it('finds another peer’s record, or none, missing, and writes nothing', async () => {
      const peer = await makePeer(t);
      const other = await makePeer(t, { interests: ['cooking'] });
      const before = await writesTo('peer', other.id);
      const token = await asPeer(peer.id);
      for (const id of [other.id, '00000000-0000-4000-8000-000000000000']) {
        const response = await t.gql(UPDATE_PEER, { id, input: { interests: ['music'] } }, token);
        expect(errorCode(response)).toBe('NOT_FOUND');
        expect(response.errors?.[0].extensions?.reason).toBe('PEER_NOT_FOUND');
      }
      expect(await writesTo('peer', other.id)).toEqual(before);
    });

    it('has their open request recomputed after their own change, as after a staff one', async () => {
      const peer = await makePeer(t, { languages: ['en'] });
      const speaker = await makeSupportWorker(t, { languages: ['vi'] });
      const requestId = await request(peer.id);
      const status = async () =>
        (await t.dataSource.query(`SELECT status FROM match_request WHERE id = $1`, [requestId]))[0].status;
      expect(await status()).toBe('NO_CANDIDATES');

      const response = await t.gql(
        UPDATE_PEER,
        { id: peer.id, input: { languages: ['en', 'vi'] } },
        await asPeer(peer.id),
      );
      expect(response.errors).toBeUndefined();
      await waitForJobs(t.app);
      expect(await status()).toBe('READY');
      const suggested = await t.dataSource.query(
        `SELECT support_worker_id FROM suggestion WHERE request_id = $1 AND status = 'OPEN'`,
        [requestId],
      );
      expect(suggested).toEqual([{ support_worker_id: speaker.id }]);
    });
  });

  describe('a support worker', () => {
    it('changes whether they take new peers and when they are free', async () => {
      const worker = await makeSupportWorker(t);
      const response = await t.gql<{ updateSupportWorker: Record<string, unknown> }>(
        UPDATE_WORKER,
        { id: worker.id, input: { acceptingNewPeers: false, availability: ['MON_EVENING'] } },
        await asWorker(worker.id),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.updateSupportWorker).toEqual({
        id: worker.id,
        acceptingNewPeers: false,
        availability: ['MON_EVENING'],
        capacity: 5,
      });
      await waitForJobs(t.app);
    });

    it('may change nothing else: FORBIDDEN naming the fields, and nothing is written', async () => {
      const worker = await makeSupportWorker(t);
      const before = await writesTo('support_worker', worker.id);
      const response = await t.gql(
        UPDATE_WORKER,
        { id: worker.id, input: { acceptingNewPeers: false, capacity: 9, active: false } },
        await asWorker(worker.id),
      );
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect([...(response.errors?.[0].extensions?.fields as string[])].sort()).toEqual(['active', 'capacity']);
      expect(await writesTo('support_worker', worker.id)).toEqual(before);
      const [row] = await t.dataSource.query(
        `SELECT accepting_new_peers, capacity, active FROM support_worker WHERE id = $1`,
        [worker.id],
      );
      expect(row).toEqual({ accepting_new_peers: true, capacity: 5, active: true });
    });

    it('finds another worker’s record missing, and writes nothing', async () => {
      const worker = await makeSupportWorker(t);
      const other = await makeSupportWorker(t);
      const before = await writesTo('support_worker', other.id);
      const response = await t.gql(
        UPDATE_WORKER,
        { id: other.id, input: { acceptingNewPeers: false } },
        await asWorker(worker.id),
      );
      expect(errorCode(response)).toBe('NOT_FOUND');
      expect(response.errors?.[0].extensions?.reason).toBe('SUPPORT_WORKER_NOT_FOUND');
      expect(await writesTo('support_worker', other.id)).toEqual(before);
    });

    it('refreshes the suggestions naming them when they change their availability', async () => {
      const peer = await makePeer(t, { availability: ['MON_MORNING', 'TUE_MORNING'] });
      const worker = await makeSupportWorker(t);
      const requestId = await request(peer.id);
      const availabilityValue = async () => {
        const [row] = await t.dataSource.query(
          `SELECT breakdown FROM suggestion WHERE request_id = $1 AND support_worker_id = $2 AND status = 'OPEN'`,
          [requestId, worker.id],
        );
        return (row.breakdown as { factor: string; value: number }[]).find((c) => c.factor === 'AVAILABILITY')?.value;
      };
      expect(await availabilityValue()).toBeUndefined();

      const response = await t.gql(
        UPDATE_WORKER,
        { id: worker.id, input: { availability: ['MON_MORNING'] } },
        await asWorker(worker.id),
      );
      expect(response.errors).toBeUndefined();
      await waitForJobs(t.app);
      expect(await availabilityValue()).toBe(0.5);
    });

    it('leaves the suggestions naming them when they stop taking new peers', async () => {
      const peer = await makePeer(t);
      const worker = await makeSupportWorker(t);
      const requestId = await request(peer.id);
      const response = await t.gql(
        UPDATE_WORKER,
        { id: worker.id, input: { acceptingNewPeers: false } },
        await asWorker(worker.id),
      );
      expect(response.errors).toBeUndefined();
      await waitForJobs(t.app);
      const rows = await t.dataSource.query(
        `SELECT s.status, r.status AS request FROM suggestion s JOIN match_request r ON r.id = s.request_id
          WHERE r.id = $1`,
        [requestId],
      );
      expect(rows).toEqual([{ status: 'WITHDRAWN', request: 'NO_CANDIDATES' }]);
    });
  });
});
