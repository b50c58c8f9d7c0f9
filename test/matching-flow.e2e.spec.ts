import { RecomputeService } from '../src/matching/engine/recompute.service';
import { MatchingProfilesService } from '../src/matching/engine/matching-profiles.service';
import { makePeer, makeSupportWorker } from './support/factories';
import { eventually, waitForJobs } from './support/queue';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id status } }`;
const MATCH_REQUEST = `query ($id: ID!) { matchRequest(id: $id) { id status peer { id }
  suggestions { id rank score status reasons supportWorker { id displayName } breakdown { factor contribution } } } }`;
const ACCEPT = `mutation ($id: ID!) { acceptSuggestion(id: $id) { id status peer { id } supportWorker { id activeMatchCount } } }`;
const DECLINE = `mutation ($id: ID!, $reason: DeclineReason!, $note: String) {
  declineSuggestion(id: $id, reason: $reason, note: $note) { id status declineReason } }`;
const END = `mutation ($id: ID!, $reason: MatchEndReason!) { endMatch(id: $id, reason: $reason) { id status endReason endedAt } }`;
const PEER = `query ($id: ID!) { peer(id: $id) { activeMatch { id } suggestions(status: OPEN) { id supportWorker { id } } } }`;

interface RequestView {
  id: string;
  status: string;
  suggestions: {
    id: string;
    rank: number;
    score: number;
    status: string;
    reasons: string[];
    supportWorker: { id: string };
  }[];
}

describe('suggestions that stay fresh', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  async function requestFor(peerId: string): Promise<string> {
    const response = await t.gql<{ requestMatch: { id: string; status: string } }>(REQUEST, { peerId }, intake);
    expect(response.errors).toBeUndefined();
    return response.data!.requestMatch.id;
  }

  async function settled(requestId: string): Promise<RequestView> {
    await waitForJobs(t.app);
    return eventually(async () => {
      const { data } = await t.gql<{ matchRequest: RequestView }>(MATCH_REQUEST, { id: requestId }, intake);
      return data?.matchRequest.status !== 'PENDING' && data?.matchRequest;
    }, 'the request to be computed');
  }

  it('goes from a request to ranked, explained suggestions, to an accepted match', async () => {
    const peer = await makePeer(t, { interests: ['cooking'], languages: ['vi', 'en'] });
    const best = await makeSupportWorker(t, { displayName: 'Best', interests: ['cooking'], languages: ['vi'] });
    const good = await makeSupportWorker(t, { displayName: 'Good', interests: ['baking'] });
    await makeSupportWorker(t, { displayName: 'Unreachable', languages: ['ar'] });
    const requestId = await requestFor(peer.id);

    const view = await settled(requestId);
    expect(view.status).toBe('READY');
    expect(view.suggestions.map((s) => [s.supportWorker.id, s.rank])).toEqual([
      [best.id, 1],
      [good.id, 2],
    ]);
    expect(view.suggestions[0].reasons).toContain('You both enjoy cooking');

    const peerToken = await t.tokenFor({ role: 'PEER', peerId: peer.id });
    const accepted = await t.gql<{
      acceptSuggestion: { id: string; status: string; supportWorker: { activeMatchCount: number } };
    }>(ACCEPT, { id: view.suggestions[0].id }, peerToken);
    expect(accepted.data?.acceptSuggestion).toMatchObject({ status: 'ACTIVE', supportWorker: { activeMatchCount: 1 } });

    const after = await settled(requestId);
    expect(after.status).toBe('ACCEPTED');
    expect(after.suggestions.map((s) => s.status)).toEqual(['ACCEPTED']);
    const again = await t.gql<{ acceptSuggestion: { id: string } }>(ACCEPT, { id: view.suggestions[0].id }, peerToken);
    expect(again.data?.acceptSuggestion.id).toBe(accepted.data?.acceptSuggestion.id);
  });

  it('returns the open request to a second requestMatch', async () => {
    const peer = await makePeer(t);
    expect(await requestFor(peer.id)).toBe(await requestFor(peer.id));
  });

  it('answers NO_CANDIDATES when no worker can be suggested', async () => {
    const peer = await makePeer(t, { languages: ['el'] });
    await makeSupportWorker(t, { languages: ['en'] });
    expect((await settled(await requestFor(peer.id))).status).toBe('NO_CANDIDATES');
  });

  it('never suggests a declined worker again, refills, and explainMatch says why', async () => {
    const peer = await makePeer(t, { birthYear: 1990 });
    const first = await makeSupportWorker(t, { interests: ['music'], birthYear: 1960 });
    const second = await makeSupportWorker(t, { birthYear: 1988 });
    const requestId = await requestFor(peer.id);
    let view = await settled(requestId);
    const declined = view.suggestions.find((s) => s.supportWorker.id === first.id)!;
    const response = await t.gql(
      DECLINE,
      { id: declined.id, reason: 'PREFER_CLOSER_AGE', note: 'wanted someone my age' },
      await t.tokenFor({ role: 'PEER', peerId: peer.id }),
    );
    expect(response.data).toEqual({
      declineSuggestion: { id: declined.id, status: 'DECLINED', declineReason: 'PREFER_CLOSER_AGE' },
    });

    view = await settled(requestId);
    const open = view.suggestions.filter((s) => s.status === 'OPEN').map((s) => s.supportWorker.id);
    expect(open).toEqual([second.id]);
    const explanation = await t.gql<{ explainMatch: { excludedBy: string[] } }>(
      `query ($p: ID!, $w: ID!) { explainMatch(peerId: $p, supportWorkerId: $w) { excludedBy } }`,
      { p: peer.id, w: first.id },
      intake,
    );
    expect(explanation.data?.explainMatch.excludedBy).toEqual(['PREVIOUSLY_DECLINED']);
    const weights = await t.dataSource.query(`SELECT weights FROM suggestion WHERE status = 'OPEN'`);
    expect(weights[0].weights.AGE).toBe(2); // raised from 1 by the decline
  });

  it('recomputes when a worker joins, and when the peer changes their profile', async () => {
    const peer = await makePeer(t, { interests: ['gardening'] });
    await makeSupportWorker(t, { displayName: 'Other' });
    const requestId = await requestFor(peer.id);
    await settled(requestId);
    const gardener = await makeSupportWorker(t, { displayName: 'Gardener', interests: ['gardening'] });
    await waitForJobs(t.app);
    let view = await settled(requestId);
    expect(view.suggestions[0].supportWorker.id).toBe(gardener.id);

    await t.gql(
      `mutation ($id: ID!) { updatePeer(id: $id, input: { interests: [] }) { id } }`,
      { id: peer.id },
      intake,
    );
    await waitForJobs(t.app);
    view = await settled(requestId);
    expect(view.suggestions[0].reasons).not.toContain('You both enjoy gardening');
  });

  it('ends a match, freeing the place and letting the peer ask again', async () => {
    const peer = await makePeer(t);
    await makeSupportWorker(t, { capacity: 1 });
    const view = await settled(await requestFor(peer.id));
    const peerToken = await t.tokenFor({ role: 'PEER', peerId: peer.id });
    const match = await t.gql<{ acceptSuggestion: { id: string } }>(ACCEPT, { id: view.suggestions[0].id }, peerToken);
    expect(errorCode(await t.gql(REQUEST, { peerId: peer.id }, intake))).toBe('CONFLICT');

    const ended = await t.gql<{ endMatch: { status: string; endReason: string } }>(
      END,
      { id: match.data!.acceptSuggestion.id, reason: 'GOALS_MET' },
      peerToken,
    );
    expect(ended.data?.endMatch).toMatchObject({ status: 'ENDED', endReason: 'GOALS_MET' });
    const peerView = await t.gql<{ peer: { activeMatch: null } }>(PEER, { id: peer.id }, peerToken);
    expect(peerView.data?.peer.activeMatch).toBeNull();
    expect((await settled(await requestFor(peer.id))).status).toBe('READY');
  });

  it('takes a worker who became full out of other peers’ suggestions, and offers the place again once freed', async () => {
    const first = await makePeer(t);
    const second = await makePeer(t);
    const worker = await makeSupportWorker(t, { capacity: 1 });
    const firstView = await settled(await requestFor(first.id));
    const secondRequest = await requestFor(second.id);
    expect((await settled(secondRequest)).suggestions.map((s) => s.supportWorker.id)).toEqual([worker.id]);

    const firstToken = await t.tokenFor({ role: 'PEER', peerId: first.id });
    const match = await t.gql<{ acceptSuggestion: { id: string } }>(
      ACCEPT,
      { id: firstView.suggestions[0].id },
      firstToken,
    );
    await eventually(async () => (await settled(secondRequest)).status === 'NO_CANDIDATES', 'the full worker to leave');

    await t.gql(END, { id: match.data!.acceptSuggestion.id, reason: 'PEER_CHOICE' }, firstToken);
    await eventually(async () => {
      const view = await settled(secondRequest);
      return view.status === 'READY' && view.suggestions[0]?.supportWorker.id === worker.id;
    }, 'the freed place to be offered again');
  });

  it('offers a worker with room to every peer who has no one else, past the exposure budget', async () => {
    // The default budget offers a one-place worker to three peers; the fourth must not hear NO_CANDIDATES.
    const worker = await makeSupportWorker(t, { capacity: 1 });
    const peers = [];
    for (let i = 0; i < 4; i++) peers.push(await makePeer(t));
    const views = [];
    for (const peer of peers) views.push(await settled(await requestFor(peer.id)));
    expect(views.map((view) => [view.status, view.suggestions.map((s) => s.supportWorker.id)])).toEqual(
      peers.map(() => ['READY', [worker.id]]),
    );
  });

  it('keeps the suggestions a peer may have read when a better worker joins later', async () => {
    const peer = await makePeer(t, { interests: ['cooking'] });
    for (let i = 0; i < 5; i++) await makeSupportWorker(t, { displayName: `Shown ${i}` });
    const requestId = await requestFor(peer.id);
    const shown = (await settled(requestId)).suggestions.map((s) => s.id);
    expect(shown).toHaveLength(5);

    await makeSupportWorker(t, { displayName: 'Better', interests: ['cooking'] });
    const after = await settled(requestId);
    expect(after.suggestions.map((s) => s.id).sort()).toEqual([...shown].sort());
    expect(after.suggestions.every((s) => s.status === 'OPEN')).toBe(true);
  });

  it('refills the place a decline frees, leaving the other open suggestions as they were', async () => {
    const peer = await makePeer(t);
    for (let i = 0; i < 6; i++) await makeSupportWorker(t, { displayName: `Worker ${i}` });
    const requestId = await requestFor(peer.id);
    const [declined, ...others] = (await settled(requestId)).suggestions;
    const peerToken = await t.tokenFor({ role: 'PEER', peerId: peer.id });
    await t.gql(DECLINE, { id: declined.id, reason: 'NOT_A_FIT' }, peerToken);

    const open = await eventually(async () => {
      const view = await settled(requestId);
      const now = view.suggestions.filter((s) => s.status === 'OPEN');
      return now.length === 5 && now;
    }, 'five open suggestions again');
    expect(open.map((s) => s.id)).toEqual(expect.arrayContaining(others.map((s) => s.id)));
    expect(open.map((s) => s.supportWorker.id)).not.toContain(declined.supportWorker.id);
  });

  it('recomputes, after a worker changes, only the peers whose suggestions the change can alter', async () => {
    const full = await makePeer(t, { languages: ['en'] });
    for (let i = 0; i < 5; i++) await makeSupportWorker(t, { languages: ['en'] });
    const short = await makePeer(t, { languages: ['fr'] });
    await makeSupportWorker(t, { languages: ['fr'] });
    const changing = await makeSupportWorker(t, { languages: ['vi'] });
    const fullRequest = await requestFor(full.id);
    const shortRequest = await requestFor(short.id);
    await settled(fullRequest);
    expect((await settled(shortRequest)).suggestions).toHaveLength(1);
    const readyAt = async (requestId: string) =>
      String((await t.dataSource.query(`SELECT ready_at FROM match_request WHERE id = $1`, [requestId]))[0].ready_at);
    const fullBefore = await readyAt(fullRequest);

    const update = `mutation ($id: ID!) { updateSupportWorker(id: $id, input: { languages: ["vi", "fr"] }) { id } }`;
    expect((await t.gql(update, { id: changing.id }, intake)).errors).toBeUndefined();
    const after = await settled(shortRequest);
    expect(after.suggestions.map((s) => s.supportWorker.id)).toContain(changing.id);
    expect(await readyAt(fullRequest)).toBe(fullBefore);
  });

  it('lets a peer act only on their own suggestions', async () => {
    const peer = await makePeer(t);
    const other = await makePeer(t);
    await makeSupportWorker(t);
    const view = await settled(await requestFor(peer.id));
    const otherToken = await t.tokenFor({ role: 'PEER', peerId: other.id });
    expect(errorCode(await t.gql(ACCEPT, { id: view.suggestions[0].id }, otherToken))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(DECLINE, { id: view.suggestions[0].id, reason: 'OTHER' }, otherToken))).toBe(
      'NOT_FOUND',
    );
  });

  it('leaves a suggestion a recompute finds unchanged as it was, not written again', async () => {
    const peer = await makePeer(t);
    await makeSupportWorker(t);
    await settled(await requestFor(peer.id));
    const written = () =>
      t.dataSource.query(`SELECT id, updated_at::text FROM suggestion WHERE peer_id = $1 ORDER BY id`, [peer.id]);
    const before = await written();
    expect(await t.app.get(RecomputeService).recompute(peer.id)).toBe('written');
    expect(await written()).toEqual(before);
  });

  it('does not let a computation from an older profile overwrite what a newer one will write', async () => {
    const peer = await makePeer(t);
    await makeSupportWorker(t);
    const requestId = await requestFor(peer.id);
    await settled(requestId);
    const snapshot = () =>
      t.dataSource.query(
        `SELECT s.id, s.status, s.updated_at, r.computed_profile_version FROM suggestion s
           JOIN match_request r ON r.id = s.request_id WHERE s.peer_id = $1 ORDER BY s.id`,
        [peer.id],
      );
    const before = await snapshot();
    const profiles = t.app.get(MatchingProfilesService);
    const load = profiles.peerProfiles.bind(profiles);
    // The peer's profile changes, and commits, while the computation is under way.
    jest.spyOn(profiles, 'peerProfiles').mockImplementationOnce(async (ids) => {
      const loaded = await load(ids);
      await t.dataSource.query(`UPDATE peer SET profile_version = profile_version + 1 WHERE id = $1`, [peer.id]);
      return loaded;
    });

    expect(await t.app.get(RecomputeService).recompute(peer.id)).toBe('stale');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a decline note over 1000 characters, writing nothing', async () => {
    const peer = await makePeer(t);
    await makeSupportWorker(t);
    const view = await settled(await requestFor(peer.id));
    const response = await t.gql(
      DECLINE,
      { id: view.suggestions[0].id, reason: 'OTHER', note: 'x'.repeat(1001) },
      intake,
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect((await settled(view.id)).suggestions[0].status).toBe('OPEN');
  });
});
