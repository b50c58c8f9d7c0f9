import { allOf, own, scope, when } from '../common/access/grant';
import { definePolicy, PersonRef } from '../common/access/policy';
import { idArgument } from '../common/access/record-owner';
import { STAFF } from '../common/access/staff';
import type { GraphqlContext } from '../common/graphql-context';
import type { UpdatePeerInput } from './dto/update-peer.input';

/** What the rules read of a peer (declared here rather than imported, so the entity can import its rules). */
interface Peer {
  id: string;
  consent: { shareLivedExperienceWithWorkers: boolean };
}

export const ownPeer = own<Peer, GraphqlContext>(({ source }) => source.id);

/**
 * A support worker reaches a peer only through an ACTIVE match of their own, never after it
 * ended: ending it takes the peer out of their sight, so endMatch may not select them.
 */
export const inTheirActiveMatch = when<Peer, GraphqlContext>(
  'own active match',
  async ({ principal, source, context }) =>
    (await context.loaders.activeMatchOfPeer.load(source.id))?.supportWorkerId === principal.supportWorkerId,
  'Only a support worker in an active match with this peer sees them',
  { undoneBy: ['endMatch'] },
);

// The refusal does not say why: a worker is not told what the peer chose to keep to themselves.
const sharedWithWorkers = when<Peer, GraphqlContext>(
  'peer consents to share',
  ({ source }) => source.consent.shareLivedExperienceWithWorkers,
  'Not yours to see',
);

const asPerson = ({ source }: { source: Peer }): PersonRef[] => [{ type: 'PEER', id: source.id }];

/** Name, demographics, languages, modes, availability, interests. */
export const PEER_PROFILE = definePolicy<Peer, GraphqlContext>('peer profile', {
  ...STAFF,
  PEER: ownPeer,
  SUPPORT_WORKER: inTheirActiveMatch,
  SERVICE: scope('profiles:read'),
});

/** Where they live, how far they travel, their preferences and consents: never for workers. */
export const PEER_PRIVATE = definePolicy<Peer, GraphqlContext>('peer private', {
  ...STAFF,
  PEER: ownPeer,
  SERVICE: scope('profiles:read'),
});

/** Who reads a peer's health information whole, whatever they consented to share with a worker. */
const SENSITIVE_READERS = { ...STAFF, PEER: ownPeer, SERVICE: scope('profiles:read') };

/**
 * Health and other sensitive information (lived experience, cultural backgrounds); every read by
 * someone else is on record. A peer's worker in an active match reads it only as the peer chose
 * to share it: unshared, an empty list and nothing on record, rather than a refusal that would
 * take the whole match (and every other peer of theirs) out of the answer.
 */
export const PEER_SENSITIVE = definePolicy<Peer, GraphqlContext>(
  'peer sensitive',
  { ...SENSITIVE_READERS, SUPPORT_WORKER: inTheirActiveMatch },
  {
    audit: { persons: asPerson },
    redacted: {
      fullView: { ...SENSITIVE_READERS, SUPPORT_WORKER: allOf(inTheirActiveMatch, sharedWithWorkers) },
      redact: () => [],
    },
  },
);

/** The caller is the peer an argument names. */
export const peerNamedBy = (argument: string) =>
  own<unknown, GraphqlContext>(({ args }) => idArgument(args[argument], argument));

export const READ_PEER = definePolicy<unknown, GraphqlContext>(
  'peer(id)',
  { ...STAFF, PEER: peerNamedBy('id'), SERVICE: scope('profiles:read') },
  { hidden: 'null' },
);

export const LIST_PEERS = definePolicy('peers', { ...STAFF, SERVICE: scope('profiles:read') });

export const WRITE_PEER = definePolicy('write peer', { ...STAFF, SERVICE: scope('profiles:write') });

/**
 * What a peer may change of their own record: what they look for and how they can meet. Who
 * they are (name, demographics, location, lived experience) is changed with intake staff.
 */
export const PEER_SELF_SERVICE_FIELDS = [
  'preferences',
  'interests',
  'languages',
  'modes',
  'availability',
  'consent',
] as const satisfies readonly (keyof UpdatePeerInput)[];

export const UPDATE_PEER = definePolicy<unknown, GraphqlContext>(
  'updatePeer',
  { ...STAFF, PEER: peerNamedBy('id'), SERVICE: scope('profiles:write') },
  {
    hidden: { reason: 'PEER_NOT_FOUND', message: (args) => `No peer with id ${String(args.id)}` },
    inputs: { argument: 'input', only: { PEER: PEER_SELF_SERVICE_FIELDS } },
  },
);
