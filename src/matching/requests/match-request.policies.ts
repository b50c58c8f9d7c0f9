import { own, scope } from '../../common/access/grant';
import { definePolicy } from '../../common/access/policy';
import { ownerOfRecord } from '../../common/access/record-owner';
import { STAFF } from '../../common/access/staff';
import type { GraphqlContext } from '../../common/graphql-context';
import { ownPeer, peerNamedBy } from '../../peers/peer.policies';
import type { Peer } from '../../peers/peer.entity';

/** What the rules read of a request (declared here, so the entity can import its rules). */
interface MatchRequest {
  peerId: string;
}

export const MATCH_REQUEST = definePolicy<MatchRequest, GraphqlContext>('match request', {
  ...STAFF,
  PEER: own(({ source }) => source.peerId),
  SERVICE: scope('matches:read'),
});

const requestOwner = own<unknown, GraphqlContext>(({ args, context }) =>
  ownerOfRecord(context.loaders.matchRequestById, args.id, 'id', (request) => request.peerId),
);

export const READ_MATCH_REQUEST = definePolicy<unknown, GraphqlContext>(
  'matchRequest(id)',
  { ...STAFF, PEER: requestOwner, SERVICE: scope('matches:read') },
  { hidden: 'null' },
);

/** The peer's open request: for whoever may read the peer's requests, never for workers. */
export const PEER_OPEN_REQUEST = definePolicy<Peer, GraphqlContext>('peer open request', {
  ...STAFF,
  PEER: ownPeer,
  SERVICE: scope('matches:read'),
});

/** The peer asks for themself; staff and services on their behalf. Another peer's id reads as missing. */
export const REQUEST_MATCH = definePolicy<unknown, GraphqlContext>(
  'requestMatch',
  { ...STAFF, PEER: peerNamedBy('peerId'), SERVICE: scope('matches:write') },
  { hidden: { reason: 'PEER_NOT_FOUND', message: (args) => `No peer with id ${String(args.peerId)}` } },
);

/** Whoever may ask may take it back; another peer's request reads as missing. */
export const CANCEL_MATCH_REQUEST = definePolicy<unknown, GraphqlContext>(
  'cancelMatchRequest',
  { ...STAFF, PEER: requestOwner, SERVICE: scope('matches:write') },
  {
    hidden: { reason: 'MATCH_REQUEST_NOT_FOUND', message: (args) => `No match request with id ${String(args.id)}` },
  },
);
