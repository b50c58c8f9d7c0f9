import { definePolicy } from '../common/access/policy';
import { STAFF } from '../common/access/staff';
import type { GraphqlContext } from '../common/graphql-context';
import { peerNamedBy } from '../peers/peer.policies';

/** Erasure for good: the peer themself, or an admin acting on their request. */
export const ERASE_PEER = definePolicy<unknown, GraphqlContext>(
  'erasePeer',
  { ADMIN: STAFF.ADMIN, PEER: peerNamedBy('id') },
  { hidden: { reason: 'PEER_NOT_FOUND', message: (args) => `No peer with id ${String(args.id)}` } },
);

/** A copy of all that is held about a peer: for them and for staff; every export is on record. */
export const EXPORT_PEER_DATA = definePolicy<unknown, GraphqlContext>(
  'exportPeerData',
  { ...STAFF, PEER: peerNamedBy('peerId') },
  {
    hidden: { reason: 'PEER_NOT_FOUND', message: (args) => `No peer with id ${String(args.peerId)}` },
    audit: { action: 'EXPORT', persons: ({ args }) => [{ type: 'PEER', id: String(args.peerId).toLowerCase() }] },
  },
);
