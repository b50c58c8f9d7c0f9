import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const REQUEST = `mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id } }`;
const SET_ACCEPTING = `mutation ($id: ID!, $on: Boolean) {
  updateSupportWorker(id: $id, input: { acceptingNewPeers: $on }) { id acceptingNewPeers } }`;
const EXPLAIN = `query ($p: ID!, $w: ID!) { explainMatch(peerId: $p, supportWorkerId: $w) { eligible excludedBy } }`;
const ACCEPT = `mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }`;

interface SuggestionRow {
  id: string;
  support_worker_id: string;
  status: string;
}

describe('a support worker who takes no new peers', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    // One suggestion each, so that a withdrawn place visibly goes to the next worker.
    t = await startTestApp({ env: { SUGGESTION_COUNT: '1' } });
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  async function request(peerId: string): Promise<string> {
    const response = await t.gql<{ requestMatch: { id: string } }>(REQUEST, { peerId }, intake);
    expect(response.errors).toBeUndefined();
    await waitForJobs(t.app);
    return response.data!.requestMatch.id;
  }

  async function setAccepting(workerId: string, on: boolean | null, token = intake) {
    const response = await t.gql<{ updateSupportWorker: { acceptingNewPeers: boolean } }>(
      SET_ACCEPTING,
      { id: workerId, on },
      token,
    );
    await waitForJobs(t.app);
    return response;
  }

  function suggestionsOf(peerId: string): Promise<SuggestionRow[]> {
    return t.dataSource.query(
      `SELECT id, support_worker_id, status FROM suggestion WHERE peer_id = $1 ORDER BY created_at, id`,
      [peerId],
    );
  }

  async function requestStatus(requestId: string): Promise<string> {
    return (await t.dataSource.query(`SELECT status FROM match_request WHERE id = $1`, [requestId]))[0].status;
  }

  it('takes new peers unless told otherwise, when registered and after', async () => {
    const worker = await makeSupportWorker(t, { interests: ['music'] });
    const read = await t.gql<{ supportWorker: { acceptingNewPeers: boolean } }>(
      `query ($id: ID!) { supportWorker(id: $id) { acceptingNewPeers } }`,
      { id: worker.id },
      intake,
    );
    expect(read.data?.supportWorker.acceptingNewPeers).toBe(true);
    const closed = await t.gql<{ createSupportWorker: { id: string; acceptingNewPeers: boolean } }>(
      `mutation { createSupportWorker(input: { displayName: "Closed", languages: ["en"], modes: [VIDEO], capacity: 3,
        interests: ["cooking"], acceptingNewPeers: false }) { id acceptingNewPeers } }`,
      {},
      intake,
    );
    expect(closed.data?.createSupportWorker.acceptingNewPeers).toBe(false);
    // The closed worker would rank first on interests, were they taking new peers.
    const peer = await makePeer(t, { interests: ['cooking'] });
    await request(peer.id);
    expect((await suggestionsOf(peer.id)).map((s) => s.support_worker_id)).toEqual([worker.id]);
  });

  it('withdraws their open suggestions and refills those places with other workers', async () => {
    const peer = await makePeer(t, { interests: ['cooking'] });
    const closing = await makeSupportWorker(t, { displayName: 'Closing', interests: ['cooking'] });
    const other = await makeSupportWorker(t, { displayName: 'Other' });
    const requestId = await request(peer.id);
    expect(await suggestionsOf(peer.id)).toEqual([expect.objectContaining({ support_worker_id: closing.id })]);

    const response = await setAccepting(closing.id, false);
    expect(response.data?.updateSupportWorker.acceptingNewPeers).toBe(false);
    expect(await suggestionsOf(peer.id)).toEqual([
      expect.objectContaining({ support_worker_id: closing.id, status: 'WITHDRAWN' }),
      expect.objectContaining({ support_worker_id: other.id, status: 'OPEN' }),
    ]);
    expect(await requestStatus(requestId)).toBe('READY');
  });

  it('is never suggested anew, and explainMatch says why', async () => {
    const worker = await makeSupportWorker(t);
    await setAccepting(worker.id, false);
    const peer = await makePeer(t);
    const requestId = await request(peer.id);
    expect(await requestStatus(requestId)).toBe('NO_CANDIDATES');
    const explained = await t.gql(EXPLAIN, { p: peer.id, w: worker.id }, intake);
    expect(explained.data?.explainMatch).toEqual({
      eligible: false,
      excludedBy: ['WORKER_NOT_ACCEPTING_NEW_PEERS'],
    });
  });

  it('goes on with their active matches', async () => {
    const peer = await makePeer(t);
    const worker = await makeSupportWorker(t, { capacity: 3 });
    await request(peer.id);
    const [suggestion] = await suggestionsOf(peer.id);
    const accepted = await t.gql<{ acceptSuggestion: { id: string } }>(ACCEPT, { id: suggestion.id }, intake);
    expect(accepted.errors).toBeUndefined();

    await setAccepting(worker.id, false);
    const [match] = await t.dataSource.query(`SELECT status FROM match WHERE id = $1`, [
      accepted.data!.acceptSuggestion.id,
    ]);
    expect(match.status).toBe('ACTIVE');
  });

  it('is offered to the waiting peers again once taking new peers again', async () => {
    const worker = await makeSupportWorker(t);
    await setAccepting(worker.id, false);
    const peer = await makePeer(t);
    const requestId = await request(peer.id);
    expect(await requestStatus(requestId)).toBe('NO_CANDIDATES');

    await setAccepting(worker.id, true);
    expect(await requestStatus(requestId)).toBe('READY');
    expect(await suggestionsOf(peer.id)).toEqual([
      expect.objectContaining({ support_worker_id: worker.id, status: 'OPEN' }),
    ]);
  });

  it('refuses an accept of a suggestion still naming them before it is withdrawn', async () => {
    const peer = await makePeer(t);
    const worker = await makeSupportWorker(t);
    await request(peer.id);
    const [suggestion] = await suggestionsOf(peer.id);
    // As in the moment between the change committing and its fan-out running.
    await t.dataSource.query(`UPDATE support_worker SET accepting_new_peers = false WHERE id = $1`, [worker.id]);

    const accepted = await t.gql(ACCEPT, { id: suggestion.id }, intake);
    expect(errorCode(accepted)).toBe('CONFLICT');
    expect(await t.dataSource.query(`SELECT id FROM match WHERE peer_id = $1`, [peer.id])).toEqual([]);
    await waitForJobs(t.app);
  });

  it('cannot be cleared with null, and a refused change writes nothing', async () => {
    const worker = await makeSupportWorker(t);
    const response = await setAccepting(worker.id, null);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.fields).toEqual(['acceptingNewPeers']);
    const [row] = await t.dataSource.query(
      `SELECT accepting_new_peers, profile_version FROM support_worker WHERE id = $1`,
      [worker.id],
    );
    expect(row).toEqual({ accepting_new_peers: true, profile_version: 1 });
  });
});
