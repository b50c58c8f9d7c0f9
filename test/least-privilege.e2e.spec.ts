import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const CONSENT = { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true };
const REQUEST_WITH_SUGGESTIONS = `query ($id: ID!) { matchRequest(id: $id) {
  id status peer { id } suggestions { id status rank score reasons breakdown { factor weight value contribution }
  supportWorker { id } } } }`;

interface SuggestionView {
  id: string;
  score: number;
  reasons: string[];
  breakdown: { factor: string; weight: number; value: number; contribution: number }[];
}

/** Asks for suggestions for a peer and waits until they are computed; the request's id. */
async function requestComputed(t: TestApp, peerId: string, token: string): Promise<string> {
  const response = await t.gql<{ requestMatch: { id: string } }>(
    'mutation ($p: ID!) { requestMatch(peerId: $p) { id } }',
    { p: peerId },
    token,
  );
  await waitForJobs(t.app);
  return response.data!.requestMatch.id;
}

describe('a scope grants what its name says and nothing more', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  /** A peer sharing lived experience and a cultural background with two workers, suggestions computed. */
  async function requested() {
    const peer = await makePeer(t, {
      livedExperiences: ['panic-attacks'],
      culturalBackgrounds: ['greek'],
      interests: ['cooking'],
      consent: CONSENT,
    });
    await makeSupportWorker(t, {
      livedExperiences: ['panic-attacks'],
      culturalBackgrounds: ['greek'],
      interests: ['cooking'],
    });
    await makeSupportWorker(t, { interests: ['cooking'] });
    return { peerId: peer.id, requestId: await requestComputed(t, peer.id, intake) };
  }

  async function suggestionsAs(token: string, requestId: string): Promise<SuggestionView[]> {
    const response = await t.gql<{ matchRequest: { suggestions: SuggestionView[] } }>(
      REQUEST_WITH_SUGGESTIONS,
      { id: requestId },
      token,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.matchRequest.suggestions;
  }

  it('gives a service with matches:read the request, statuses and ids, with reasons, score and breakdown as if lived experience and culture had not counted', async () => {
    const { requestId, peerId } = await requested();
    const full = await suggestionsAs(intake, requestId);
    expect(JSON.stringify(full)).toMatch(/lived experience of panic attacks/);
    expect(full.flatMap((s) => s.breakdown.map((c) => c.factor))).toContain('LIVED_EXPERIENCE');

    const service = await t.tokenFor({ role: 'SERVICE', scope: 'matches:read' });
    const [{ max }] = await t.dataSource.query(`SELECT max(occurred_at) FROM audit_event`);
    const redacted = await suggestionsAs(service, requestId);
    // The same suggestions; their order is the redacted scores' (tested below).
    expect(redacted.map((s) => s.id).sort()).toEqual(full.map((s) => s.id).sort());
    const text = JSON.stringify(redacted);
    expect(text).not.toMatch(/lived experience|panic|cultural background|Greek/i);
    expect(text).toContain('You both enjoy cooking');
    for (const suggestion of redacted) {
      const factors = suggestion.breakdown.map((c) => c.factor);
      expect(factors).not.toContain('LIVED_EXPERIENCE');
      expect(factors).not.toContain('CULTURE');
      expect(suggestion.breakdown.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 9);
      expect(suggestion.score).toBeCloseTo(
        suggestion.breakdown.reduce((sum, c) => sum + c.contribution, 0),
        9,
      );
    }
    // Nothing of health information was read, so nothing of it is on record.
    const reads = await t.dataSource.query(
      `SELECT 1 FROM audit_event WHERE action = 'READ_SENSITIVE' AND occurred_at > $1 AND person_id = $2`,
      [max, peerId],
    );
    expect(reads).toEqual([]);

    const both = await t.tokenFor({ role: 'SERVICE', scope: 'matches:read profiles:read' });
    expect(await suggestionsAs(both, requestId)).toEqual(full);
  });

  it('refuses a matches:read service the peer’s profile and the worker’s lived experience, however it is reached', async () => {
    const { requestId } = await requested();
    const service = await t.tokenFor({ role: 'SERVICE', scope: 'matches:read' });
    for (const selection of [
      'peer { displayName }',
      'peer { livedExperiences { slug } }',
      'peer { culturalBackgrounds { slug } }',
      'suggestions { supportWorker { livedExperiences { slug } } }',
      'suggestions { supportWorker { displayName } }',
      'suggestions { peer { livedExperiences { slug } } }',
    ]) {
      const response = await t.gql(
        `query ($id: ID!) { matchRequest(id: $id) { ${selection} } }`,
        { id: requestId },
        service,
      );
      expect([selection, errorCode(response)]).toEqual([selection, 'FORBIDDEN']);
      expect(JSON.stringify(response.data ?? null)).not.toMatch(/panic|greek|Sam|Alex/i);
    }
  });

  it('refuses a matches:write service lived experience through what requestMatch returns, before anything is written', async () => {
    const peer = await makePeer(t, { livedExperiences: ['panic-attacks'], consent: CONSENT });
    const service = await t.tokenFor({ role: 'SERVICE', scope: 'matches:write' });
    const response = await t.gql(
      `mutation ($p: ID!) { requestMatch(peerId: $p) { id peer { livedExperiences { slug } } } }`,
      { p: peer.id },
      service,
    );
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(JSON.stringify(response)).not.toMatch(/panic/);
    expect(await t.dataSource.query(`SELECT 1 FROM match_request`)).toEqual([]);
    const allowed = await t.gql(`mutation ($p: ID!) { requestMatch(peerId: $p) { id } }`, { p: peer.id }, service);
    expect(allowed.errors).toBeUndefined();
  });

  it('refuses a profiles:write service a created peer’s lived experience without creating the peer', async () => {
    const service = await t.tokenFor({ role: 'SERVICE', scope: 'profiles:write' });
    const response = await t.gql(
      `mutation { createPeer(input: { displayName: "Lee", languages: ["en"], modes: [VIDEO], livedExperiences: ["anxiety"] })
         { id livedExperiences { slug } } }`,
      {},
      service,
    );
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(response.errors?.[0].message).toMatch(/Peer\.livedExperiences/);
    expect(await t.dataSource.query(`SELECT 1 FROM peer`)).toEqual([]);
  });

  it('redacts, for a peer who allows use but not sharing, the breakdown of whoever may not see their lived experience', async () => {
    const peer = await makePeer(t, {
      livedExperiences: ['panic-attacks'],
      interests: ['cooking'],
      consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: false },
    });
    await makeSupportWorker(t, { livedExperiences: ['panic-attacks'], interests: ['cooking'] });
    const requestId = await requestComputed(t, peer.id, intake);
    const staffView = await suggestionsAs(intake, requestId);
    expect(staffView[0].breakdown.map((c) => c.factor)).toContain('LIVED_EXPERIENCE');
    const service = await t.tokenFor({ role: 'SERVICE', scope: 'matches:read' });
    const serviceView = await suggestionsAs(service, requestId);
    expect(serviceView[0].breakdown.map((c) => c.factor)).not.toContain('LIVED_EXPERIENCE');
  });
});

describe('a support worker reads a peer only through an active match of their own', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  async function match(peerId: string, workerId: string): Promise<string> {
    await requestComputed(t, peerId, intake);
    const [{ id }] = await t.dataSource.query(
      `SELECT id FROM suggestion WHERE peer_id = $1 AND support_worker_id = $2 AND status = 'OPEN'`,
      [peerId, workerId],
    );
    const accepted = await t.gql<{ acceptSuggestion: { id: string } }>(
      'mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }',
      { id },
      intake,
    );
    return accepted.data!.acceptSuggestion.id;
  }

  it('loses sight of the peer when the match ends, and never sees the peer’s next worker', async () => {
    const peer = await makePeer(t, { displayName: 'Robin', livedExperiences: ['psychosis'], consent: CONSENT });
    const first = await makeSupportWorker(t, { displayName: 'First', capacity: 1 });
    const matchId = await match(peer.id, first.id);
    const asFirst = await t.tokenFor({ role: 'SUPPORT_WORKER', supportWorkerId: first.id });
    const MATCHES = `query ($id: ID!, $status: MatchStatus) { supportWorker(id: $id) { matches(status: $status) {
      id status peer { displayName livedExperiences { slug } } } } }`;
    const during = await t.gql(MATCHES, { id: first.id }, asFirst);
    expect(JSON.stringify(during.data)).toContain('Robin');

    await t.gql('mutation ($id: ID!) { endMatch(id: $id, reason: GOALS_MET) { id } }', { id: matchId }, intake);
    const second = await makeSupportWorker(t, {
      displayName: 'Second',
      birthYear: 1980,
      livedExperiences: ['anxiety'],
    });
    await t.gql(
      'mutation ($id: ID!) { updateSupportWorker(id: $id, input: { active: false }) { id } }',
      { id: first.id },
      intake,
    );
    await match(peer.id, second.id);

    const after = await t.gql(MATCHES, { id: first.id, status: 'ENDED' }, asFirst);
    expect(errorCode(after)).toBe('FORBIDDEN');
    expect(JSON.stringify(after.data ?? null)).not.toMatch(/Robin|psychosis/);
    const history = await t.gql<{ supportWorker: { matches: { id: string; status: string }[] } }>(
      `query ($id: ID!) { supportWorker(id: $id) { matches(status: ENDED) { id status endedAt } } }`,
      { id: first.id },
      asFirst,
    );
    expect(history.data?.supportWorker.matches).toEqual([expect.objectContaining({ id: matchId, status: 'ENDED' })]);

    const throughPeer = await t.gql(
      `query ($id: ID!) { supportWorker(id: $id) { matches(status: ENDED) { peer { activeMatch { supportWorker {
         displayName birthYear livedExperiences { slug } } } } } } }`,
      { id: first.id },
      asFirst,
    );
    expect(errorCode(throughPeer)).toBe('FORBIDDEN');
    expect(JSON.stringify(throughPeer.data ?? null)).not.toMatch(/Second|1980|anxiety/);

    const asSecond = await t.tokenFor({ role: 'SUPPORT_WORKER', supportWorkerId: second.id });
    const current = await t.gql(
      `query ($id: ID!) { supportWorker(id: $id) { matches(status: ACTIVE) { peer { displayName activeMatch { supportWorker { displayName } } } } } }`,
      { id: second.id },
      asSecond,
    );
    expect(current.errors).toBeUndefined();
    expect(JSON.stringify(current.data)).toContain('Robin');
  });

  it('shows a matched worker the peer’s cultural background only under share consent, and puts the read on record', async () => {
    const peer = await makePeer(t, {
      culturalBackgrounds: ['aboriginal-torres-strait-islander'],
      consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: false },
    });
    const worker = await makeSupportWorker(t);
    await match(peer.id, worker.id);
    const asWorker = await t.tokenFor({ role: 'SUPPORT_WORKER', supportWorkerId: worker.id });
    const QUERY = `query ($id: ID!) { supportWorker(id: $id) { matches { peer { culturalBackgrounds { slug } } } } }`;
    const hidden = await t.gql<{ supportWorker: { matches: { peer: { culturalBackgrounds: unknown[] } }[] } }>(
      QUERY,
      { id: worker.id },
      asWorker,
    );
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data!.supportWorker.matches[0].peer.culturalBackgrounds).toEqual([]);

    await t.gql(
      `mutation ($id: ID!) { updatePeer(id: $id, input: { consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true } }) { id } }`,
      { id: peer.id },
      intake,
    );
    const shown = await t.gql(QUERY, { id: worker.id }, asWorker);
    expect(shown.errors).toBeUndefined();
    expect(JSON.stringify(shown.data)).toContain('aboriginal');
    const reads = await t.dataSource.query(
      `SELECT actor_role FROM audit_event WHERE action = 'READ_SENSITIVE' AND person_id = $1 AND actor_role <> 'INTAKE'`,
      [peer.id],
    );
    expect(reads).toEqual([{ actor_role: 'SUPPORT_WORKER' }]);
  });
});

describe('lists nested in a record', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answer at most 100 items, however many are stored', async () => {
    await t.reset();
    const peer = await makePeer(t);
    const worker = await makeSupportWorker(t);
    const [{ id: requestId }] = await t.dataSource.query(
      `INSERT INTO match_request (peer_id, status) VALUES ($1, 'READY') RETURNING id`,
      [peer.id],
    );
    await t.dataSource.query(
      `INSERT INTO suggestion (request_id, peer_id, support_worker_id, rank, score, status, reasons, breakdown, weights)
       SELECT $1, $2, $3, 1, 50, 'DECLINED', '[]', '[]', '{}' FROM generate_series(1, 120)`,
      [requestId, peer.id, worker.id],
    );
    const intake = await t.tokenFor({ role: 'INTAKE' });
    const response = await t.gql<{ peer: { suggestions: unknown[] }; matchRequest: { suggestions: unknown[] } }>(
      `query ($p: ID!, $r: ID!) { peer(id: $p) { suggestions { id } } matchRequest(id: $r) { suggestions { id } } }`,
      { p: peer.id, r: requestId },
      intake,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.peer.suggestions).toHaveLength(100);
    expect(response.data?.matchRequest.suggestions).toHaveLength(100);
  });
});

describe('what a change may answer, and with whose token', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  async function activeMatch() {
    const peer = await makePeer(t, { displayName: 'Robin', consent: CONSENT });
    const worker = await makeSupportWorker(t);
    await requestComputed(t, peer.id, intake);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM suggestion WHERE peer_id = $1`, [peer.id]);
    const accepted = await t.gql<{ acceptSuggestion: { id: string } }>(
      'mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }',
      { id },
      intake,
    );
    return { peerId: peer.id, workerId: worker.id, matchId: accepted.data!.acceptSuggestion.id };
  }

  it('refuses, before ending it, a worker’s endMatch that asks for the peer it takes out of their sight', async () => {
    const { workerId, matchId } = await activeMatch();
    const asWorker = await t.tokenFor({ role: 'SUPPORT_WORKER', supportWorkerId: workerId });
    const refused = await t.gql(
      'mutation ($id: ID!) { endMatch(id: $id, reason: GOALS_MET) { id peer { displayName } } }',
      { id: matchId },
      asWorker,
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(await t.dataSource.query(`SELECT status FROM match WHERE id = $1`, [matchId])).toEqual([
      { status: 'ACTIVE' },
    ]);
    const ended = await t.gql<{ endMatch: { status: string } }>(
      'mutation ($id: ID!) { endMatch(id: $id, reason: GOALS_MET) { id status peer { id } } }',
      { id: matchId },
      asWorker,
    );
    expect(ended.errors).toBeUndefined();
    expect(ended.data?.endMatch.status).toBe('ENDED');
  });

  it('lets a token name its person in upper case', async () => {
    const { workerId } = await activeMatch();
    const asWorker = await t.tokenFor({ role: 'SUPPORT_WORKER', supportWorkerId: workerId.toUpperCase() });
    const response = await t.gql(
      `query ($id: ID!) { supportWorker(id: $id) { matches { peer { displayName } } } }`,
      { id: workerId },
      asWorker,
    );
    expect(response.errors).toBeUndefined();
    expect(JSON.stringify(response.data)).toContain('Robin');
  });

  it('grants an erased peer’s token nothing', async () => {
    const { peerId, matchId } = await activeMatch();
    const asPeer = await t.tokenFor({ role: 'PEER', peerId });
    expect((await t.gql('mutation ($id: ID!) { erasePeer(id: $id) }', { id: peerId }, asPeer)).errors).toBeUndefined();
    const [{ id: requestId }] = await t.dataSource.query(`SELECT id FROM match_request WHERE peer_id = $1`, [peerId]);
    const read = await t.gql(
      'query ($id: ID!) { matchRequest(id: $id) { peer { displayName } } }',
      { id: requestId },
      asPeer,
    );
    expect(errorCode(read)).toBe('UNAUTHENTICATED');
    const end = await t.gql('mutation ($id: ID!) { endMatch(id: $id, reason: OTHER) { id } }', { id: matchId }, asPeer);
    expect(errorCode(end)).toBe('UNAUTHENTICATED');
  });

  it('answers a peer’s malformed id as bad input, without echoing it', async () => {
    const { peerId } = await activeMatch();
    const asPeer = await t.tokenFor({ role: 'PEER', peerId });
    for (const document of ['query { peer(id: "garbage<") { id } }', 'query { exportPeerData(peerId: "garbage<") }']) {
      const response = await t.gql(document, {}, asPeer);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(response.errors)).not.toContain('garbage');
    }
  });
});

describe('the order of suggestions, for whoever may not see lived experience', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('follows the redacted score, so that rank tells nothing of what was taken out', async () => {
    await t.reset();
    const intake = await t.tokenFor({ role: 'INTAKE' });
    const peer = await makePeer(t, {
      livedExperiences: ['panic-attacks'],
      culturalBackgrounds: ['greek'],
      interests: ['cooking'],
      consent: CONSENT,
    });
    // Ranked first on lived experience and culture alone; second shares only an interest.
    await makeSupportWorker(t, { livedExperiences: ['panic-attacks'], culturalBackgrounds: ['greek'] });
    await makeSupportWorker(t, { interests: ['cooking'] });
    const requestId = await requestComputed(t, peer.id, intake);
    const QUERY = `query ($id: ID!) { matchRequest(id: $id) { suggestions { id rank score } }
      peerSide: matchRequest(id: $id) { peer { suggestions { id rank score } } } }`;
    type View = { id: string; rank: number; score: number }[];
    const staff = await t.gql<{ matchRequest: { suggestions: View } }>(
      QUERY.split('peerSide')[0] + '}',
      { id: requestId },
      intake,
    );
    const fullOrder = staff.data!.matchRequest.suggestions;
    expect(fullOrder.map((s) => s.rank)).toEqual([1, 2]);
    expect(fullOrder[0].score).toBeGreaterThan(fullOrder[1].score);

    const service = await t.tokenFor({ role: 'SERVICE', scope: 'matches:read' });
    const redacted = await t.gql<{ matchRequest: { suggestions: View }; peerSide: { peer: { suggestions: View } } }>(
      QUERY,
      { id: requestId },
      service,
    );
    const byRequest = redacted.data!.matchRequest.suggestions;
    expect(byRequest.map((s) => s.id)).toEqual([fullOrder[1].id, fullOrder[0].id]);
    expect(byRequest.map((s) => s.rank)).toEqual([1, 2]);
    expect(byRequest[0].score).toBeGreaterThanOrEqual(byRequest[1].score);
  });
});

describe('a peer’s suggestions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('list the newest request first and rank within it, a later refill included', async () => {
    await t.reset();
    const peer = await makePeer(t);
    const workers = [await makeSupportWorker(t), await makeSupportWorker(t), await makeSupportWorker(t)];
    const insertRequest = async (status: string, createdAt: string) =>
      (
        await t.dataSource.query(
          `INSERT INTO match_request (peer_id, status, created_at) VALUES ($1, $2, $3) RETURNING id`,
          [peer.id, status, createdAt],
        )
      )[0].id as string;
    const older = await insertRequest('CANCELLED', '2026-01-01T00:00:00Z');
    const newer = await insertRequest('READY', '2026-02-01T00:00:00Z');
    const suggest = (requestId: string, workerId: string, rank: number, createdAt: string) =>
      t.dataSource.query(
        `INSERT INTO suggestion (request_id, peer_id, support_worker_id, rank, score, status, reasons, breakdown, weights, created_at)
         VALUES ($1, $2, $3, $4, 50, 'DECLINED', '[]', '[]', '{}', $5)`,
        [requestId, peer.id, workerId, rank, createdAt],
      );
    await suggest(older, workers[0].id, 1, '2026-01-01T00:00:00Z');
    await suggest(newer, workers[0].id, 1, '2026-02-01T00:00:00Z');
    // A refill written later, ranked below the first.
    await suggest(newer, workers[1].id, 2, '2026-02-03T00:00:00Z');
    await suggest(newer, workers[2].id, 3, '2026-02-02T00:00:00Z');
    const asPeer = await t.tokenFor({ role: 'PEER', peerId: peer.id });
    const response = await t.gql<{ peer: { suggestions: { rank: number }[] } }>(
      'query ($id: ID!) { peer(id: $id) { suggestions { rank } } }',
      { id: peer.id },
      asPeer,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.peer.suggestions.map((s) => s.rank)).toEqual([1, 2, 3, 1]);
  });
});
