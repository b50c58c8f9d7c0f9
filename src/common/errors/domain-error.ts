/** Why a request was refused, in the domain's words; mapped to a GraphQL code in one place. */
export type DomainErrorReason =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INVALID_INPUT'
  | 'UNKNOWN_TAG'
  | 'INVALID_CURSOR'
  | 'PEER_NOT_FOUND'
  | 'SUPPORT_WORKER_NOT_FOUND'
  | 'SUGGESTION_NOT_FOUND'
  | 'MATCH_NOT_FOUND'
  | 'MATCH_REQUEST_NOT_FOUND'
  | 'SUGGESTION_NOT_OPEN'
  | 'MATCH_REQUEST_ACCEPTED'
  | 'WORKER_AT_CAPACITY'
  | 'PEER_ALREADY_MATCHED';

export type GraphqlErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

export class DomainError extends Error {
  constructor(
    readonly reason: DomainErrorReason,
    message: string,
    /** Safe to show the caller: field names and slugs, never personal values. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function graphqlCodeFor(reason: DomainErrorReason): GraphqlErrorCode {
  switch (reason) {
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'INVALID_INPUT':
    case 'UNKNOWN_TAG':
    case 'INVALID_CURSOR':
      return 'BAD_USER_INPUT';
    case 'PEER_NOT_FOUND':
    case 'SUPPORT_WORKER_NOT_FOUND':
    case 'SUGGESTION_NOT_FOUND':
    case 'MATCH_NOT_FOUND':
    case 'MATCH_REQUEST_NOT_FOUND':
      return 'NOT_FOUND';
    case 'SUGGESTION_NOT_OPEN':
    case 'MATCH_REQUEST_ACCEPTED':
    case 'WORKER_AT_CAPACITY':
    case 'PEER_ALREADY_MATCHED':
      return 'CONFLICT';
    default: {
      const unhandled: never = reason;
      throw new Error(`No GraphQL code for ${String(unhandled)}`);
    }
  }
}
