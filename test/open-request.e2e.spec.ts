import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { startTestApp, TestApp } from './support/test-app';

const REQUEST = `mutation ($p: ID!) { requestMatch(peerId: $p) { id } }`;
const OPEN_REQUEST = `query ($id: ID!) { peer(id: $id) { openRequest { id status } } }`;

describe('Peer.openRequest', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  async function openRequestOf(peerId: string): Promise<unknown> {
    const response = await t.gql<{ peer: { openRequest: unknown } }>(OPEN_REQUEST, { id: peerId }, intake);
    expect(response.errors).toBeUndefined();
    return response.data!.peer.openRequest;
  }

  async function request(peerId: string): Promise<string> {
    return (await t.gql<{ requestMatch: { id: string } }>(REQUEST, { p: peerId }, intake)).data!.requestMatch.id;
  }

  it('is the request the peer waits on, PENDING, READY or NO_CANDIDATES, and null once it is closed', async () => {
    const peer = await makePeer(t);
    expect(await openRequestOf(peer.id)).toBeNull();

    // No worker at all: nobody to suggest.
    const first = await request(peer.id);
    await waitForJobs(t.app);
    expect(await openRequestOf(peer.id)).toEqual({ id: first, status: 'NO_CANDIDATES' });

    await t.gql(`mutation ($id: ID!) { cancelMatchRequest(id: $id) { id } }`, { id: first }, intake);
    expect(await openRequestOf(peer.id)).toBeNull();

    await makeSupportWorker(t);
    await waitForJobs(t.app);
    const second = await request(peer.id);
    expect(await openRequestOf(peer.id)).toMatchObject({ id: second });
    await waitForJobs(t.app);
    expect(await openRequestOf(peer.id)).toEqual({ id: second, status: 'READY' });

    const [{ id: suggestionId }] = await t.dataSource.query(`SELECT id FROM suggestion WHERE request_id = $1`, [
      second,
    ]);
    await t.gql(`mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }`, { id: suggestionId }, intake);
    expect(await openRequestOf(peer.id)).toBeNull();
  });

  it('costs the same few queries for a page of 50 peers as for a page of 5', async () => {
    const peers = await Promise.all(Array.from({ length: 50 }, () => makePeer(t)));
    for (const peer of peers) await request(peer.id);
    await waitForJobs(t.app); // the queue consumer in this process would add its own queries

    const PAGE = `query ($first: Int!) { peers(first: $first) { edges { node { id openRequest { id status } } } } }`;
    const queriesFor = async (first: number): Promise<number> => {
      const { queries } = await t.queries.count(async () => {
        const response = await t.gql<{ peers: { edges: { node: { openRequest: unknown } }[] } }>(
          PAGE,
          { first },
          intake,
        );
        expect(response.data?.peers.edges).toHaveLength(first);
        expect(response.data?.peers.edges.every(({ node }) => node.openRequest !== null)).toBe(true);
      });
      return queries;
    };

    const small = await queriesFor(5);
    const large = await queriesFor(50);
    expect(large).toBe(small);
  });
});
