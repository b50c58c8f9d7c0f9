import { own, scope } from '../../common/access/grant';
import { definePolicy } from '../../common/access/policy';
import { ownerOfRecord } from '../../common/access/record-owner';
import { STAFF } from '../../common/access/staff';
import type { GraphqlContext } from '../../common/graphql-context';

/** What the rules read of a request (declared here, so the entity can import its rules). */
interface MatchRequest {
  peerId: string;
}

export const MATCH_REQUEST = definePolicy<MatchRequest, GraphqlContext>('match request', {
  ...STAFF,
  PEER: own(({ source }) => source.peerId),
  SERVICE: scope('matches:read'),
});

export const READ_MATCH_REQUEST = definePolicy<unknown, GraphqlContext>(
  'matchRequest(id)',
  {
    ...STAFF,
    PEER: own(({ args, context }) =>
      ownerOfRecord(context.loaders.matchRequestById, args.id, 'id', (request) => request.peerId),
    ),
    SERVICE: scope('matches:read'),
  },
  { hidden: 'null' },
);

export const REQUEST_MATCH = definePolicy('requestMatch', { ...STAFF, SERVICE: scope('matches:write') });
