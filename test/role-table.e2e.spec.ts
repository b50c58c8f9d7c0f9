import { DevelopmentClaims } from '../src/common/auth/development-token';
import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import { GraphqlResponse, startTestApp, TestApp } from './support/test-app';

/** The people and records every case runs against. */
interface World {
  peerA: string;
  peerB: string;
  workerW: string;
  requestA: string;
  suggestionA: string;
  matchC: string;
}

const CALLERS = [
  'ADMIN',
  'INTAKE',
  'PEER_SELF',
  'PEER_OTHER',
  'SUPPORT_WORKER',
  'SERVICE_ALL',
  'SERVICE_NONE',
] as const;
type Caller = (typeof CALLERS)[number];

function claimsOf(caller: Caller, world: World): DevelopmentClaims {
  switch (caller) {
    case 'ADMIN':
    case 'INTAKE':
      return { role: caller };
    case 'PEER_SELF':
      return { role: 'PEER', peerId: world.peerA };
    case 'PEER_OTHER':
      return { role: 'PEER', peerId: world.peerB };
    case 'SUPPORT_WORKER':
      return { role: 'SUPPORT_WORKER', supportWorkerId: world.workerW };
    case 'SERVICE_ALL':
      return { role: 'SERVICE', scope: 'profiles:read profiles:write matches:read matches:write' };
    case 'SERVICE_NONE':
      return { role: 'SERVICE' };
  }
}

type Outcome = 'ok' | 'null' | 'FORBIDDEN' | 'NOT_FOUND';

interface Operation {
  name: string;
  document: string;
  variables: (world: World) => Record<string, unknown>;
  /** In CALLERS order. */
  expected: readonly Outcome[];
}

const PROFILE = { displayName: 'New', languages: ['en'], modes: ['PHONE'] };

const QUERIES: Operation[] = [
  {
    name: 'tags',
    document: '{ tags { slug } }',
    variables: () => ({}),
    expected: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  },
  {
    name: 'peer',
    document: 'query ($id: ID!) { peer(id: $id) { id displayName } }',
    variables: (w) => ({ id: w.peerA }),
    expected: ['ok', 'ok', 'ok', 'null', 'FORBIDDEN', 'ok', 'FORBIDDEN'],
  },
  {
    name: 'peers',
    document: '{ peers { totalCount } }',
    variables: () => ({}),
    expected: ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'],
  },
  {
    name: 'supportWorker',
    document: 'query ($id: ID!) { supportWorker(id: $id) { id } }',
    variables: (w) => ({ id: w.workerW }),
    expected: ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN'],
  },
  {
    name: 'supportWorkers',
    document: '{ supportWorkers { totalCount } }',
    variables: () => ({}),
    expected: ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'],
  },
  {
    name: 'matchRequest',
    document: 'query ($id: ID!) { matchRequest(id: $id) { id status } }',
    variables: (w) => ({ id: w.requestA }),
    expected: ['ok', 'ok', 'ok', 'null', 'FORBIDDEN', 'ok', 'FORBIDDEN'],
  },
  {
    name: 'explainMatch',
    document: 'query ($p: ID!, $w: ID!) { explainMatch(peerId: $p, supportWorkerId: $w) { eligible } }',
    variables: (w) => ({ p: w.peerA, w: w.workerW }),
    expected: ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  },
  {
    name: 'auditEvents',
    document: '{ auditEvents { totalCount } }',
    variables: () => ({}),
    expected: ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  },
];

const WRITE_PROFILES = ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'] as const;
const PEER_CHOICE = ['ok', 'ok', 'ok', 'NOT_FOUND', 'FORBIDDEN', 'ok', 'FORBIDDEN'] as const;

const MUTATIONS: Operation[] = [
  {
    name: 'createPeer',
    document: 'mutation ($input: CreatePeerInput!) { createPeer(input: $input) { id } }',
    variables: () => ({ input: PROFILE }),
    expected: WRITE_PROFILES,
  },
  {
    name: 'updatePeer',
    document: 'mutation ($id: ID!) { updatePeer(id: $id, input: { displayName: "Renamed" }) { id } }',
    variables: (w) => ({ id: w.peerA }),
    expected: WRITE_PROFILES,
  },
  {
    name: 'createSupportWorker',
    document: 'mutation ($input: CreateSupportWorkerInput!) { createSupportWorker(input: $input) { id } }',
    variables: () => ({ input: { ...PROFILE, capacity: 3 } }),
    expected: WRITE_PROFILES,
  },
  {
    name: 'updateSupportWorker',
    document: 'mutation ($id: ID!) { updateSupportWorker(id: $id, input: { capacity: 4 }) { id } }',
    variables: (w) => ({ id: w.workerW }),
    expected: WRITE_PROFILES,
  },
  {
    name: 'requestMatch',
    document: 'mutation ($id: ID!) { requestMatch(peerId: $id) { id } }',
    variables: (w) => ({ id: w.peerA }),
    expected: WRITE_PROFILES,
  },
  {
    name: 'acceptSuggestion',
    document: 'mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }',
    variables: (w) => ({ id: w.suggestionA }),
    expected: PEER_CHOICE,
  },
  {
    name: 'declineSuggestion',
    document: 'mutation ($id: ID!) { declineSuggestion(id: $id, reason: NOT_A_FIT) { id } }',
    variables: (w) => ({ id: w.suggestionA }),
    expected: PEER_CHOICE,
  },
  {
    name: 'endMatch',
    document: 'mutation ($id: ID!) { endMatch(id: $id, reason: GOALS_MET) { id } }',
    variables: (w) => ({ id: w.matchC }),
    expected: ['ok', 'ok', 'NOT_FOUND', 'NOT_FOUND', 'ok', 'ok', 'FORBIDDEN'],
  },
  {
    name: 'erasePeer',
    document: 'mutation ($id: ID!) { erasePeer(id: $id) }',
    variables: (w) => ({ id: w.peerA }),
    expected: ['ok', 'FORBIDDEN', 'ok', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  },
];

function outcomeOf(response: GraphqlResponse, field: string): Outcome | string {
  const code = response.errors?.[0]?.extensions?.code;
  if (code) return code;
  return response.data?.[field] === null ? 'null' : 'ok';
}

async function buildWorld(t: TestApp): Promise<World> {
  await t.reset();
  const admin = await t.tokenFor({ role: 'ADMIN' });
  const consent = { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true };
  const peerA = await makePeer(t, { livedExperiences: ['anxiety'], consent });
  const peerB = await makePeer(t);
  const peerC = await makePeer(t);
  const worker = await makeSupportWorker(t, { capacity: 5 });
  await makeSupportWorker(t, { capacity: 5 });
  const request = async (peerId: string) =>
    (
      await t.gql<{ requestMatch: { id: string } }>(
        'mutation ($p: ID!) { requestMatch(peerId: $p) { id } }',
        { p: peerId },
        admin,
      )
    ).data!.requestMatch.id;
  const requestA = await request(peerA.id);
  await request(peerC.id);
  await waitForJobs(t.app);
  const open = async (peerId: string): Promise<string> =>
    (
      await t.dataSource.query(
        `SELECT id FROM suggestion WHERE peer_id = $1 AND status = 'OPEN' ORDER BY rank LIMIT 1`,
        [peerId],
      )
    )[0].id;
  const suggestionC = (
    await t.dataSource.query(
      `SELECT id FROM suggestion WHERE peer_id = $1 AND support_worker_id = $2 AND status = 'OPEN'`,
      [peerC.id, worker.id],
    )
  )[0].id;
  const matchC = (
    await t.gql<{ acceptSuggestion: { id: string } }>(
      'mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }',
      { id: suggestionC },
      admin,
    )
  ).data!.acceptSuggestion.id;
  await waitForJobs(t.app);
  return { peerA: peerA.id, peerB: peerB.id, workerW: worker.id, requestA, suggestionA: await open(peerA.id), matchC };
}

describe('every operation as every role', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('queries', () => {
    let world: World;
    beforeAll(async () => {
      world = await buildWorld(t);
    });

    const cases = QUERIES.flatMap((operation) =>
      CALLERS.map((caller, i) => [operation.name, caller, operation.expected[i], operation] as const),
    );
    it.each(cases)('%s as %s: %s', async (name, caller, expected, operation) => {
      const response = await t.gql(
        operation.document,
        operation.variables(world),
        await t.tokenFor(claimsOf(caller, world)),
      );
      expect(outcomeOf(response, name)).toBe(expected);
    });
  });

  describe('mutations', () => {
    const cases = MUTATIONS.flatMap((operation) =>
      CALLERS.map((caller, i) => [operation.name, caller, operation.expected[i], operation] as const),
    );
    it.each(cases)('%s as %s: %s', async (name, caller, expected, operation) => {
      const world = await buildWorld(t);
      const response = await t.gql(
        operation.document,
        operation.variables(world),
        await t.tokenFor(claimsOf(caller, world)),
      );
      expect(outcomeOf(response, name)).toBe(expected);
    });
  });
});
