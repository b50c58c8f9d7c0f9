import { AccessCheck, always, own, scope } from '../../common/access/grant';
import { definePolicy, PersonRef, RoleGrants } from '../../common/access/policy';
import { ownerOfRecord } from '../../common/access/record-owner';
import { STAFF } from '../../common/access/staff';
import type { GraphqlContext } from '../../common/graphql-context';
import { ownPeer } from '../../peers/peer.policies';
import type { Peer } from '../../peers/peer.entity';
import { MATCH_REQUEST } from '../requests/match-request.policies';
import {
  explainedWithoutSensitive,
  orderWithoutSensitive,
  reasonsWithoutSensitive,
  withoutSensitiveFactors,
  type ExplainedReason,
  type ScoreComponent,
} from '../core';

/** What the rules read of a suggestion (declared here, so the entity can import its rules). */
interface Suggestion {
  id: string;
  requestId: string;
  peerId: string;
  supportWorkerId: string;
  score: number;
  reasons: string[];
  breakdown: ScoreComponent[];
}

const ownSuggestion = own<Suggestion, GraphqlContext>(({ source }) => source.peerId);

/** What was suggested to a peer: for them, staff and services reading matches; never for workers. */
export const SUGGESTION = definePolicy<Suggestion, GraphqlContext>('suggestion', {
  ...STAFF,
  PEER: ownSuggestion,
  SERVICE: scope('matches:read'),
});

/**
 * Reasons, score and breakdown speak of both people's lived experience and cultural background.
 * Whoever may not see the peer's (a service without profiles:read) gets them as if those
 * factors had not applied, so that nothing of them can be worked out from the numbers; a full
 * read by anyone but the peer is on record for both people.
 */
function explained<T>(
  name: string,
  redact: (value: T, suggestion: Suggestion, request: AccessCheck<Suggestion, GraphqlContext>) => unknown,
) {
  return definePolicy<Suggestion, GraphqlContext>(name, SUGGESTION.roles, {
    redacted: {
      fullView: { ...STAFF, PEER: ownSuggestion, SERVICE: scope('profiles:read') },
      redact: (value: never, request) => redact(value as T, request.source, request),
    },
    audit: {
      persons: ({ source }): PersonRef[] => [
        { type: 'PEER', id: source.peerId },
        { type: 'SUPPORT_WORKER', id: source.supportWorkerId },
      ],
    },
  });
}

export const SUGGESTION_REASONS = explained<string[]>('suggestion reasons', (reasons) =>
  reasonsWithoutSensitive(reasons),
);
/** Redacted as the sentences are, so that reason i and sentence i stay one and the same. */
export const SUGGESTION_EXPLAINED = explained<ExplainedReason[]>('suggestion explained', (reasons) =>
  explainedWithoutSensitive(reasons),
);
export const SUGGESTION_BREAKDOWN = explained<ScoreComponent[]>(
  'suggestion breakdown',
  (breakdown) => withoutSensitiveFactors(breakdown).breakdown,
);
export const SUGGESTION_SCORE = explained<number>(
  'suggestion score',
  (_score, suggestion) => withoutSensitiveFactors(suggestion.breakdown).score,
);

/** The rank among the request's suggestions by the redacted score: the stored one is taken from the full score. */
export const SUGGESTION_RANK = explained<number>('suggestion rank', async (_rank, suggestion, { context }) => {
  const siblings = await context.loaders.suggestionsOfRequest.load(suggestion.requestId);
  const position = orderWithoutSensitive(siblings).findIndex((sibling) => sibling.id === suggestion.id);
  return position + 1;
});

/** Lists of suggestions come, to a redacted reader, in the order of the redacted scores, request by request. */
const LIST_FULL_VIEW: RoleGrants<unknown, GraphqlContext> = { ...STAFF, PEER: always, SERVICE: scope('profiles:read') };

export function inRedactedOrder(suggestions: readonly Suggestion[]): Suggestion[] {
  const byRequest = new Map<string, Suggestion[]>();
  for (const suggestion of suggestions) {
    byRequest.set(suggestion.requestId, [...(byRequest.get(suggestion.requestId) ?? []), suggestion]);
  }
  return [...byRequest.values()].flatMap((group) => orderWithoutSensitive(group));
}

function suggestionList<Source>(name: string, readers: RoleGrants<Source, GraphqlContext>) {
  return definePolicy<Source, GraphqlContext>(name, readers, {
    redacted: {
      fullView: LIST_FULL_VIEW as RoleGrants<Source, GraphqlContext>,
      redact: (suggestions: never) => inRedactedOrder(suggestions as Suggestion[]),
    },
  });
}

/** What was suggested to a peer: never for workers. */
export const PEER_SUGGESTIONS = suggestionList<Peer>('peer suggestions', {
  ...STAFF,
  PEER: ownPeer,
  SERVICE: scope('matches:read'),
});

export const MATCH_REQUEST_SUGGESTIONS = suggestionList('match request suggestions', MATCH_REQUEST.roles);

const suggestionOwner = own<unknown, GraphqlContext>(({ args, context }) =>
  ownerOfRecord(context.loaders.suggestionById, args.id, 'id', (suggestion) => suggestion.peerId),
);

/** Accept or decline: the peer drives; staff and services may act on their behalf. */
export const CHOOSE_SUGGESTION = definePolicy<unknown, GraphqlContext>(
  'accept or decline',
  { ...STAFF, PEER: suggestionOwner, SERVICE: scope('matches:write') },
  { hidden: { reason: 'SUGGESTION_NOT_FOUND', message: (args) => `No suggestion with id ${String(args.id)}` } },
);
