import type { World } from './world';

/** Every operation of the schema, with what each caller gets (in the role table's CALLERS order). */
export type Outcome = 'ok' | 'null' | 'FORBIDDEN' | 'NOT_FOUND';

export interface Operation {
  name: string;
  document: string;
  variables: (world: World) => Record<string, unknown>;
  /** In CALLERS order. */
  expected: readonly Outcome[];
}

const PROFILE = { displayName: 'New', languages: ['en'], modes: ['PHONE'] };

export const QUERIES: Operation[] = [
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
    name: 'exportPeerData',
    document: 'query ($id: ID!) { exportPeerData(peerId: $id) }',
    variables: (w) => ({ id: w.peerA }),
    expected: ['ok', 'ok', 'ok', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  },
  {
    name: 'places',
    document: '{ places(search: "bondi", first: 1) { suburb } }',
    variables: () => ({}),
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

export const MUTATIONS: Operation[] = [
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
