import { own, scope } from '../../common/access/grant';
import { definePolicy } from '../../common/access/policy';
import { ownerOfRecord } from '../../common/access/record-owner';
import { STAFF } from '../../common/access/staff';
import type { GraphqlContext } from '../../common/graphql-context';
import type { Peer } from '../../peers/peer.entity';
import { inTheirActiveMatch, ownPeer } from '../../peers/peer.policies';

/** What the rules read of a match (declared here, so the entity can import its rules). */
interface Match {
  peerId: string;
  supportWorkerId: string;
}

/** A match, ended or not, for both people in it; what of the peer a worker sees is the peer's own rule. */
export const MATCH = definePolicy<Match, GraphqlContext>('match', {
  ...STAFF,
  PEER: own(({ source }) => source.peerId),
  SUPPORT_WORKER: own(({ source }) => source.supportWorkerId),
  SERVICE: scope('matches:read'),
});

function matchOwner(side: 'peerId' | 'supportWorkerId') {
  return own<unknown, GraphqlContext>(({ args, context }) =>
    ownerOfRecord(context.loaders.matchById, args.id, 'id', (match) => match[side]),
  );
}

export const END_MATCH = definePolicy<unknown, GraphqlContext>(
  'endMatch',
  {
    ...STAFF,
    PEER: matchOwner('peerId'),
    SUPPORT_WORKER: matchOwner('supportWorkerId'),
    SERVICE: scope('matches:write'),
  },
  { hidden: { reason: 'MATCH_NOT_FOUND', message: (args) => `No match with id ${String(args.id)}` } },
);

/** The peer's current match: a worker sees it only when it is theirs. */
export const PEER_ACTIVE_MATCH = definePolicy<Peer, GraphqlContext>('peer active match', {
  ...STAFF,
  PEER: ownPeer,
  SERVICE: scope('matches:read'),
  SUPPORT_WORKER: inTheirActiveMatch,
});
