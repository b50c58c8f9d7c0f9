import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const ACCEPT = 'mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }';
const WORKER_MATCHES = `query ($id: ID!) { supportWorker(id: $id) { matches { id peer {
  displayName languages interests { slug } livedExperiences { slug } } } } }`;

describe('who may see what', () => {
  let t: TestApp;
  let admin: string;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.tokenFor({ role: 'ADMIN', sub: 'admin-1' });
    intake = await t.tokenFor({ role: 'INTAKE', sub: 'intake-1' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  /** A peer matched with a worker; returns both ids. */
  async function matched(consent: {
    useLivedExperienceForMatching: boolean;
    shareLivedExperienceWithWorkers: boolean;
  }) {
    const peer = await makePeer(t, {
      displayName: 'Robin',
      livedExperiences: ['psychosis'],
      interests: ['art'],
      consent,
    });
    const worker = await makeSupportWorker(t, { livedExperiences: ['psychosis'] });
    await t.gql('mutation ($p: ID!) { requestMatch(peerId: $p) { id } }', { p: peer.id }, intake);
    await waitForJobs(t.app);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN'`, [
      peer.id,
    ]);
    await t.gql(ACCEPT, { id }, await t.tokenFor({ role: 'PEER', peerId: peer.id }));
    return { peerId: peer.id, workerId: worker.id };
  }

  it('shows a matched worker the peer’s lived experience only when the peer shares it', async () => {
    const sharing = await matched({ useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true });
    const asWorker = await t.tokenFor({ role: 'SUPPORT_WORKER', supportWorkerId: sharing.workerId });
    const shown = await t.gql<{ supportWorker: { matches: { peer: unknown }[] } }>(
      WORKER_MATCHES,
      { id: sharing.workerId },
      asWorker,
    );
    expect(shown.errors).toBeUndefined();
    expect(shown.data?.supportWorker.matches[0].peer).toMatchObject({
      displayName: 'Robin',
      livedExperiences: [{ slug: 'psychosis' }],
    });

    await t.reset();
    const private_ = await matched({ useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: false });
    const worker = await t.tokenFor({ role: 'SUPPORT_WORKER', supportWorkerId: private_.workerId });
    const readsOnRecord = () =>
      t.dataSource
        .query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'READ_SENSITIVE' AND person_id = $1`, [
          private_.peerId,
        ])
        .then((rows: { n: number }[]) => rows[0].n);
    const before = await readsOnRecord();
    const hidden = await t.gql<{ supportWorker: { matches: { peer: { livedExperiences: unknown[] } }[] } }>(
      WORKER_MATCHES,
      { id: private_.workerId },
      worker,
    );
    // The match and the peer stay readable; what was not shared reads as nothing, and no read of it is on record.
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data!.supportWorker.matches[0].peer.livedExperiences).toEqual([]);
    expect(JSON.stringify(hidden.data)).not.toContain('psychosis');
    expect(await readsOnRecord()).toBe(before);
  });

  it('never names unshared lived experience in reasons a worker could be shown', async () => {
    await matched({ useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: false });
    const reasons: { reasons: string[] }[] = await t.dataSource.query('SELECT reasons FROM suggestion');
    expect(JSON.stringify(reasons)).not.toMatch(/psychosis|lived experience/i);
  });

  it('keeps a worker from the peer’s private fields and suggestions', async () => {
    const { peerId, workerId } = await matched({
      useLivedExperienceForMatching: true,
      shareLivedExperienceWithWorkers: true,
    });
    const worker = await t.tokenFor({ role: 'SUPPORT_WORKER', supportWorkerId: workerId });
    const ask = (field: string) =>
      t.gql<{ supportWorker: { matches: { peer: { id: string } }[] } }>(
        `query ($id: ID!) { supportWorker(id: $id) { matches { peer { id displayName ${field} } } } }`,
        { id: workerId },
        worker,
      );
    // The worker does see the peer: what is refused below is the field alone.
    const seen = await ask('');
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.supportWorker.matches[0].peer.id).toBe(peerId);
    for (const field of ['location', 'consent', 'suggestions']) {
      const response = await ask(`${field} { __typename }`);
      expect([field, errorCode(response)]).toEqual([field, 'FORBIDDEN']);
      expect(response.errors?.[0].path).toEqual(['supportWorker', 'matches', 0, 'peer', field]);
    }
  });

  it('never shows a peer where a suggested worker lives', async () => {
    const peer = await makePeer(t);
    await makeSupportWorker(t, { location: { latitude: -33.9, longitude: 151.2 } });
    await t.gql('mutation ($p: ID!) { requestMatch(peerId: $p) { id } }', { p: peer.id }, intake);
    await waitForJobs(t.app);
    const asPeer = await t.tokenFor({ role: 'PEER', peerId: peer.id });
    const QUERY = `query ($id: ID!) { peer(id: $id) { suggestions { supportWorker { displayName FIELD } } } }`;
    const basics = await t.gql(QUERY.replace('FIELD', ''), { id: peer.id }, asPeer);
    expect(basics.errors).toBeUndefined();
    const located = await t.gql(QUERY.replace('FIELD', 'location { latitude }'), { id: peer.id }, asPeer);
    expect(errorCode(located)).toBe('FORBIDDEN');
    expect(JSON.stringify(located)).not.toContain('-33.9');
  });

  it('never gives lived experience to a service without profiles:read', async () => {
    const { workerId } = await matched({ useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true });
    const service = await t.tokenFor({ role: 'SERVICE', scope: 'matches:read' });
    const response = await t.gql(WORKER_MATCHES, { id: workerId }, service);
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(JSON.stringify(response)).not.toContain('psychosis');
  });

  it('puts every staff read of health information and every change on record, without values', async () => {
    const peer = await makePeer(t, { livedExperiences: ['grief'] });
    await t.gql('query ($id: ID!) { peer(id: $id) { livedExperiences { slug } } }', { id: peer.id }, intake);
    await t.gql('query ($id: ID!) { peer(id: $id) { displayName } }', { id: peer.id }, intake);
    await t.gql(
      'query ($id: ID!) { peer(id: $id) { livedExperiences { slug } } }',
      { id: peer.id },
      await t.tokenFor({ role: 'PEER', peerId: peer.id }),
    );

    const events = await t.gql<{ auditEvents: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(
      `query ($person: ID) { auditEvents(personId: $person) { totalCount edges { node {
        actorSubject actorRole action operation subjectType subjectId personId occurredAt } } } }`,
      { person: peer.id },
      admin,
    );
    // Events of one request share their time: compared in a fixed order.
    expect(
      events.data?.auditEvents.edges.map((edge) => [edge.node.actorRole, edge.node.action, edge.node.operation]).sort(),
    ).toEqual(
      [
        ['INTAKE', 'CREATE', 'createPeer'],
        ['INTAKE', 'READ_SENSITIVE', 'createPeer'], // the factory reads back the lived experience it wrote
        ['INTAKE', 'READ_SENSITIVE', 'peer'],
      ].sort(),
    );
    const rows = await t.dataSource.query('SELECT * FROM audit_event');
    expect(JSON.stringify(rows)).not.toMatch(/grief|Sam/);
  });

  it('recomputes suggestions without lived experience once the peer withdraws consent to use it', async () => {
    const consent = { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true };
    const peer = await makePeer(t, { livedExperiences: ['ptsd'], consent });
    await makeSupportWorker(t, { livedExperiences: ['ptsd'] });
    await t.gql('mutation ($p: ID!) { requestMatch(peerId: $p) { id } }', { p: peer.id }, intake);
    await waitForJobs(t.app);
    const factors = async () =>
      (
        await t.dataSource.query(`SELECT breakdown FROM suggestion WHERE peer_id = $1 AND status = 'OPEN'`, [peer.id])
      )[0].breakdown.map((component: { factor: string }) => component.factor);
    expect(await factors()).toContain('LIVED_EXPERIENCE');

    await t.gql(
      'mutation ($id: ID!) { updatePeer(id: $id, input: { consent: { useLivedExperienceForMatching: false, shareLivedExperienceWithWorkers: false } }) { id } }',
      { id: peer.id },
      intake,
    );
    await waitForJobs(t.app);
    expect(await factors()).not.toContain('LIVED_EXPERIENCE');
  });

  it('keeps the audit trail append-only', async () => {
    await makePeer(t);
    await expect(t.dataSource.query(`UPDATE audit_event SET actor_subject = 'someone else'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
  });

  it('erases a peer for good, keeping anonymous rows and the worker’s caseload history', async () => {
    const { peerId, workerId } = await matched({
      useLivedExperienceForMatching: true,
      shareLivedExperienceWithWorkers: true,
    });
    await t.dataSource.query(`UPDATE suggestion SET decline_note = 'my own words' WHERE peer_id = $1`, [peerId]);
    const peerToken = await t.tokenFor({ role: 'PEER', peerId });

    const erased = await t.gql<{ erasePeer: boolean }>(
      'mutation ($id: ID!) { erasePeer(id: $id) }',
      { id: peerId },
      peerToken,
    );
    expect(erased.data).toEqual({ erasePeer: true });
    await waitForJobs(t.app);

    const [row] = await t.dataSource.query('SELECT * FROM peer WHERE id = $1', [peerId]);
    expect(row).toMatchObject({
      display_name: 'Erased peer',
      gender: null,
      birth_year: null,
      latitude: null,
      languages: [],
    });
    expect(await t.dataSource.query('SELECT * FROM peer_tag WHERE peer_id = $1', [peerId])).toEqual([]);
    const left = JSON.stringify(await t.dataSource.query('SELECT * FROM suggestion WHERE peer_id = $1', [peerId]));
    expect(left).not.toMatch(/psychosis|art|my own words|Robin/i);
    const [match] = await t.dataSource.query('SELECT status, support_worker_id FROM match WHERE peer_id = $1', [
      peerId,
    ]);
    expect(match).toEqual({ status: 'ENDED', support_worker_id: workerId });
    // Gone for everyone, and nothing recomputes it.
    expect((await t.gql('query ($id: ID!) { peer(id: $id) { id } }', { id: peerId }, admin)).data).toEqual({
      peer: null,
    });
    expect(
      errorCode(await t.gql('mutation ($p: ID!) { requestMatch(peerId: $p) { id } }', { p: peerId }, intake)),
    ).toBe('NOT_FOUND');
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM match_request WHERE peer_id = $1 AND status IN ('PENDING', 'READY', 'NO_CANDIDATES')`,
      [peerId],
    );
    expect(count).toBe(0);
  });

  it('offers the place an erased peer’s match frees to a peer waiting for one', async () => {
    const worker = await makeSupportWorker(t, { capacity: 1 });
    const [first, waiting] = [await makePeer(t), await makePeer(t)];
    const request = 'mutation ($p: ID!) { requestMatch(peerId: $p) { id } }';
    await t.gql(request, { p: first.id }, intake);
    await waitForJobs(t.app);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN'`, [
      first.id,
    ]);
    expect((await t.gql(ACCEPT, { id }, await t.tokenFor({ role: 'PEER', peerId: first.id }))).errors).toBeUndefined();
    await t.gql(request, { p: waiting.id }, intake);
    await waitForJobs(t.app);
    const statusOf = async () =>
      (await t.dataSource.query(`SELECT status FROM match_request WHERE peer_id = $1`, [waiting.id]))[0].status;
    expect(await statusOf()).toBe('NO_CANDIDATES');

    expect((await t.gql('mutation ($id: ID!) { erasePeer(id: $id) }', { id: first.id }, admin)).errors).toBeUndefined();
    await waitForJobs(t.app);
    expect(await statusOf()).toBe('READY');
    const offered = await t.dataSource.query(
      `SELECT support_worker_id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN'`,
      [waiting.id],
    );
    expect(offered).toEqual([{ support_worker_id: worker.id }]);
  });

  it('cancels the open request of a peer erased while still waiting for a match', async () => {
    const peer = await makePeer(t, { interests: ['art'] });
    await makeSupportWorker(t, { interests: ['art'] });
    await t.gql('mutation ($p: ID!) { requestMatch(peerId: $p) { id } }', { p: peer.id }, intake);
    await waitForJobs(t.app);
    const statuses = () =>
      t.dataSource.query(`SELECT status FROM match_request WHERE peer_id = $1`, [peer.id]) as Promise<
        { status: string }[]
      >;
    expect(await statuses()).toEqual([{ status: 'READY' }]);
    const erased = await t.gql('mutation ($id: ID!) { erasePeer(id: $id) }', { id: peer.id }, admin);
    expect(erased.errors).toBeUndefined();
    expect(await statuses()).toEqual([{ status: 'CANCELLED' }]);
  });
});
