import { makePeer, makeSupportWorker } from './support/factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { displayName: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const PAGE_FIELDS = `totalCount edges { cursor node { displayName } }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

describe('lists as Relay cursor connections', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  async function workers(args: { first?: number | null; after?: string | null }): Promise<Page> {
    const response = await t.gql<{ supportWorkers: Page }>(
      `query ($first: Int, $after: String) { supportWorkers(first: $first, after: $after) { ${PAGE_FIELDS} } }`,
      args,
      intake,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.supportWorkers;
  }

  it('says where each page sits: no rows before the first, rows before every later one', async () => {
    for (const name of ['A', 'B', 'C', 'D', 'E']) await makeSupportWorker(t, { displayName: name });

    const first = await workers({ first: 2 });
    expect(first.edges.map((edge) => edge.node.displayName)).toEqual(['A', 'B']);
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0].cursor,
      endCursor: first.edges[1].cursor,
    });

    const second = await workers({ first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.displayName)).toEqual(['C', 'D']);
    expect(second.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: second.edges[0].cursor,
      endCursor: second.edges[1].cursor,
    });

    const last = await workers({ first: 2, after: second.pageInfo.endCursor });
    expect(last.edges.map((edge) => edge.node.displayName)).toEqual(['E']);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('answers an empty page past the end with null cursors and the rows before it', async () => {
    await makeSupportWorker(t, { displayName: 'Only' });
    const all = await workers({ first: 5 });
    const past = await workers({ first: 5, after: all.pageInfo.endCursor });
    expect(past).toEqual({
      totalCount: 1,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it('counts as before a page only rows the list still holds', async () => {
    const erased = await makePeer(t, { displayName: 'Erased' });
    await makePeer(t, { displayName: 'Kept' });
    const PEERS = `query ($after: String) { peers(first: 1, after: $after) { ${PAGE_FIELDS} } }`;
    const first = await t.gql<{ peers: Page }>(PEERS, {}, intake);
    const admin = await t.tokenFor({ role: 'ADMIN' });
    expect(
      (await t.gql('mutation ($id: ID!) { erasePeer(id: $id) }', { id: erased.id }, admin)).errors,
    ).toBeUndefined();

    const next = await t.gql<{ peers: Page }>(PEERS, { after: first.data!.peers.pageInfo.endCursor }, intake);
    expect(next.data!.peers.edges.map((edge) => edge.node.displayName)).toEqual(['Kept']);
    expect(next.data!.peers.pageInfo.hasPreviousPage).toBe(false);
  });

  it('answers an empty list with no rows on either side and null cursors', async () => {
    expect((await workers({})).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });

  it.each([
    ['left out', {}],
    ['null', { first: null }],
  ])('gives 20 rows when first is %s', async (_case, args) => {
    for (let i = 0; i < 21; i += 1) await makePeer(t, { displayName: `Peer ${i}` });
    const response = await t.gql<{ peers: Page }>(
      `query ($first: Int) { peers(first: $first) { ${PAGE_FIELDS} } }`,
      args,
      intake,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.peers.edges).toHaveLength(20);
    expect(response.data!.peers.pageInfo.hasNextPage).toBe(true);
  });

  it.each([0, 101])('refuses first: %i as BAD_USER_INPUT naming first', async (first) => {
    const response = await t.gql(`query ($first: Int) { peers(first: $first) { totalCount } }`, { first }, intake);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.fields).toEqual(['first']);
  });
});
