import type { World } from './world';

/** Every operation of the schema, with what each caller gets (in the role table's CALLERS order). */
export type Outcome = 'ok' | 'null' | 'FORBIDDEN' | 'NOT_FOUND';

export interface Operation {
  name: string;
  /** Tells apart the cases of one operation whose input decides who may call it. */
  label?: string;
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
    name: 'updatePeer',
    label: 'updatePeer (preferences, interests, languages, modes, availability, consent)',
    document: `mutation ($id: ID!) { updatePeer(id: $id, input: { interests: ["music"], languages: ["en", "vi"],
      modes: [PHONE], availability: [MON_MORNING], preferences: { workerGenders: [WOMAN] },
      consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: false } }) { id } }`,
    variables: (w) => ({ id: w.peerA }),
    expected: ['ok', 'ok', 'ok', 'NOT_FOUND', 'FORBIDDEN', 'ok', 'FORBIDDEN'],
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
    name: 'updateSupportWorker',
    label: 'updateSupportWorker (acceptingNewPeers, availability)',
    document: `mutation ($id: ID!) { updateSupportWorker(id: $id, input: { acceptingNewPeers: false,
      availability: [TUE_EVENING] }) { id acceptingNewPeers } }`,
    variables: (w) => ({ id: w.workerW }),
    expected: ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN'],
  },
  {
    name: 'requestMatch',
    document: 'mutation ($id: ID!) { requestMatch(peerId: $id) { id } }',
    variables: (w) => ({ id: w.peerA }),
    expected: PEER_CHOICE,
  },
  {
    name: 'cancelMatchRequest',
    document: 'mutation ($id: ID!) { cancelMatchRequest(id: $id) { id status } }',
    variables: (w) => ({ id: w.requestA }),
    expected: PEER_CHOICE,
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

/** A field with a rule of its own, and how each caller reaches it: what they get, read at `at`. */
export interface FieldRead {
  field: string;
  reads: readonly {
    caller: string;
    document: string;
    variables: (world: World) => Record<string, unknown>;
    /** The path to the field's value in `data`. */
    at: readonly string[];
    /** 'ok': the value `value` names; 'null': the field, or what leads to it, is null. */
    expected: Outcome;
  }[];
  value: (world: World) => unknown;
}

const PEER_A_OPEN_REQUEST = 'query ($id: ID!) { peer(id: $id) { openRequest { id } } }';

export const FIELDS: FieldRead[] = [
  {
    field: 'Peer.openRequest',
    value: (w) => ({ id: w.requestA }),
    reads: [
      ...(['ADMIN', 'INTAKE', 'PEER_SELF', 'SERVICE_ALL'] as const).map((caller) => ({
        caller,
        document: PEER_A_OPEN_REQUEST,
        variables: (w: World) => ({ id: w.peerA }),
        at: ['peer', 'openRequest'],
        expected: 'ok' as const,
      })),
      {
        caller: 'PEER_OTHER',
        document: PEER_A_OPEN_REQUEST,
        variables: (w) => ({ id: w.peerA }),
        at: ['peer'],
        expected: 'null',
      },
      // Through their match, a worker reaches the peer, never the peer's requests.
      {
        caller: 'SUPPORT_WORKER',
        document: 'query ($id: ID!) { supportWorker(id: $id) { matches { peer { id openRequest { id } } } } }',
        variables: (w) => ({ id: w.workerW }),
        at: ['supportWorker', 'matches', '0', 'peer', 'openRequest'],
        expected: 'FORBIDDEN',
      },
      // Requests are matches:read, whether or not the service may read profiles.
      {
        caller: 'SERVICE_MATCHES_READ',
        document: 'query ($id: ID!) { matchRequest(id: $id) { peer { openRequest { id } } } }',
        variables: (w) => ({ id: w.requestA }),
        at: ['matchRequest', 'peer', 'openRequest'],
        expected: 'ok',
      },
      {
        caller: 'SERVICE_PROFILES_READ',
        document: PEER_A_OPEN_REQUEST,
        variables: (w) => ({ id: w.peerA }),
        at: ['peer', 'openRequest'],
        expected: 'FORBIDDEN',
      },
      {
        caller: 'SERVICE_NONE',
        document: PEER_A_OPEN_REQUEST,
        variables: (w) => ({ id: w.peerA }),
        at: ['peer'],
        expected: 'FORBIDDEN',
      },
    ],
  },
];
