import { makePeer, makeSupportWorker } from './support/factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

interface Page {
  totalCount: number;
  edges: { node: { displayName: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const PEERS = `query ($text: String, $first: Int, $after: String) {
  peers(nameContains: $text, first: $first, after: $after) {
    totalCount edges { node { displayName } } pageInfo { hasNextPage endCursor } } }`;
const WORKERS = PEERS.replace(/peers/g, 'supportWorkers');

describe('finding people by name', () => {
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    t = await startTestApp();
    intake = await t.tokenFor({ role: 'INTAKE' });
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  async function peers(text: string | null, first = 20, after?: string | null): Promise<Page> {
    const response = await t.gql<{ peers: Page }>(PEERS, { text, first, after }, intake);
    expect(response.errors).toBeUndefined();
    return response.data!.peers;
  }
  const names = (page: Page) => page.edges.map((edge) => edge.node.displayName);

  it('matches a piece of the name in any case', async () => {
    for (const displayName of ['Joanne', 'ANNA', 'Bob', 'Émile', 'Zoé']) await makePeer(t, { displayName });
    expect(names(await peers('ann'))).toEqual(['Joanne', 'ANNA']);
    expect(names(await peers('  ANN '))).toEqual(['Joanne', 'ANNA']);
    expect(names(await peers('émile'))).toEqual(['Émile']);
    // Sent decomposed, matched as stored (NFC).
    expect(names(await peers('zoe\u0301'))).toEqual(['Zoé']);
    expect((await peers(null)).totalCount).toBe(5);
    expect((await peers('   ')).totalCount).toBe(5);
  });

  it('takes % and _ and \\ as themselves', async () => {
    for (const displayName of ['100% Sam', 'Sam_B', 'SamB', 'Sam\\B', 'Sammy']) await makePeer(t, { displayName });
    expect(names(await peers('%'))).toEqual(['100% Sam']);
    expect(names(await peers('_'))).toEqual(['Sam_B']);
    expect(names(await peers('m_b'))).toEqual(['Sam_B']);
    expect(names(await peers('\\'))).toEqual(['Sam\\B']);
    expect(names(await peers('% sam'))).toEqual(['100% Sam']);
    expect(names(await peers('0%s'))).toEqual([]);
  });

  it('pages through the matches alone, counting only them', async () => {
    for (const displayName of ['Kim 1', 'Lee', 'Kim 2', 'Kim 3', 'Max', 'Kim 4', 'Kim 5']) {
      await makePeer(t, { displayName });
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page = await peers('kim', 2, after);
      expect(page.totalCount).toBe(5);
      seen.push(...names(page));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Kim 1', 'Kim 2', 'Kim 3', 'Kim 4', 'Kim 5']);
    expect(pages).toBe(3);
  });

  it('never finds an erased peer', async () => {
    const peer = await makePeer(t, { displayName: 'Erin' });
    await makePeer(t, { displayName: 'Erin Two' });
    await t.gql('mutation ($id: ID!) { erasePeer(id: $id) }', { id: peer.id }, await t.tokenFor({ role: 'ADMIN' }));
    expect(names(await peers('erin'))).toEqual(['Erin Two']);
    expect((await peers('erased')).totalCount).toBe(0);
  });

  it('finds support workers the same way', async () => {
    for (const displayName of ['Linh', 'Lin_h', 'Alex']) await makeSupportWorker(t, { displayName });
    const response = await t.gql<{ supportWorkers: Page }>(WORKERS, { text: 'LIN', first: 1 }, intake);
    expect(names(response.data!.supportWorkers)).toEqual(['Linh']);
    expect(response.data!.supportWorkers.totalCount).toBe(2);
    const literal = await t.gql<{ supportWorkers: Page }>(WORKERS, { text: 'n_' }, intake);
    expect(names(literal.data!.supportWorkers)).toEqual(['Lin_h']);
  });

  it('refuses text longer than any name, naming the argument', async () => {
    const response = await t.gql(PEERS, { text: 'a'.repeat(101) }, intake);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors)).toContain('nameContains');
    const workers = await t.gql(WORKERS, { text: 'a'.repeat(101) }, intake);
    expect(errorCode(workers)).toBe('BAD_USER_INPUT');
    expect(names(await peers('a'.repeat(100)))).toEqual([]);
  });

  it('refuses control characters as in any other text', async () => {
    expect(errorCode(await t.gql(PEERS, { text: 'a\u0000' }, intake))).toBe('BAD_USER_INPUT');
  });
});
