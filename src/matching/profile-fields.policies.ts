import { scope } from '../common/access/grant';
import { definePolicy } from '../common/access/policy';
import { STAFF } from '../common/access/staff';
import type { GraphqlContext } from '../common/graphql-context';
import { inTheirActiveMatch, ownPeer } from '../peers/peer.policies';
import type { Peer } from '../peers/peer.entity';
import { suggestionList } from './suggestions/suggestion.policies';

const PEER_MATCHING_READERS = { ...STAFF, PEER: ownPeer, SERVICE: scope('matches:read') };

/** What was suggested to a peer: never for workers. */
export const PEER_SUGGESTIONS = suggestionList<Peer>('peer suggestions', PEER_MATCHING_READERS);

/** The peer's current match: a worker sees it only when it is theirs. */
export const PEER_ACTIVE_MATCH = definePolicy<Peer, GraphqlContext>('peer active match', {
  ...PEER_MATCHING_READERS,
  SUPPORT_WORKER: inTheirActiveMatch,
});
