import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, graphqlCodeFor } from './domain-error';

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorFormatterOptions {
  exposeStack: boolean;
  onInternalError: (error: unknown) => void;
}

/**
 * Every error leaves with `extensions.code`. Domain errors keep their message; anything
 * unexpected (a driver error quoting SQL, a bug) is logged and replaced by a bare
 * INTERNAL_SERVER_ERROR so that no SQL, value or stack reaches the caller.
 */
export function createErrorFormatter(options: ErrorFormatterOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: graphqlCodeFor(original.reason), reason: original.reason, ...original.details },
      };
    }
    const code = formatted.extensions?.code;
    const isGraphqlError = original instanceof GraphQLError || error instanceof GraphQLError;
    if (isGraphqlError && typeof code === 'string' && KNOWN_CODES.has(code)) {
      if (options.exposeStack) return formatted;
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    options.onInternalError(original);
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
