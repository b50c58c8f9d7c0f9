import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const ACCEPT = `mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }`;

describe('accepting at the same time', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    // Every waiting peer is offered the one worker, so that all of them can try to take the place.
    t = await startTestApp({ env: { EXPOSURE_FACTOR: '50' } });
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  async function suggestionsFor(peerIds: string[]): Promise<string[]> {
    for (const peerId of peerIds)
      await t.gql(`mutation ($p: ID!) { requestMatch(peerId: $p) { id } }`, { p: peerId }, intake);
    await waitForJobs(t.app);
    const rows: { id: string; peer_id: string }[] = await t.dataSource.query(
      `SELECT id, peer_id FROM suggestion WHERE status = 'OPEN' AND peer_id = ANY($1::uuid[])`,
      [peerIds],
    );
    return peerIds.map((peerId) => rows.find((row) => row.peer_id === peerId)!.id);
  }

  it('gives a one-place worker to exactly one of 20 peers; the others get CONFLICT', async () => {
    const worker = await makeSupportWorker(t, { capacity: 1 });
    const peers = await Promise.all(Array.from({ length: 20 }, (_, i) => makePeer(t, { displayName: `Peer ${i}` })));
    const suggestionIds = await suggestionsFor(peers.map((peer) => peer.id));
    const tokens = await Promise.all(peers.map((peer) => t.tokenFor({ role: 'PEER', peerId: peer.id })));

    const responses = await Promise.all(suggestionIds.map((id, i) => t.gql(ACCEPT, { id }, tokens[i])));

    expect(responses.filter((response) => !response.errors)).toHaveLength(1);
    expect(responses.filter((response) => errorCode(response) === 'CONFLICT')).toHaveLength(19);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM match WHERE support_worker_id = $1 AND status = 'ACTIVE'`,
      [worker.id],
    );
    expect(count).toBe(1);
  });

  it('returns the same match to repeated and simultaneous accepts of one suggestion', async () => {
    await makeSupportWorker(t, { capacity: 3 });
    const peer = await makePeer(t);
    const [suggestionId] = await suggestionsFor([peer.id]);
    const token = await t.tokenFor({ role: 'PEER', peerId: peer.id });

    const responses = await Promise.all(
      Array.from({ length: 5 }, () => t.gql<{ acceptSuggestion: { id: string } }>(ACCEPT, { id: suggestionId }, token)),
    );
    const again = await t.gql<{ acceptSuggestion: { id: string } }>(ACCEPT, { id: suggestionId }, token);

    const ids = new Set([...responses, again].map((response) => response.data?.acceptSuggestion.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeDefined();
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM match WHERE peer_id = $1`, [
      peer.id,
    ]);
    expect(count).toBe(1);
  });
});
