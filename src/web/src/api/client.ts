import { print } from 'graphql';
import type { TadaDocumentNode } from 'gql.tada';
import { credentials, REQUEST_CREDENTIALS, signOut } from '../session/session';

/** The error codes the API names (README: Errors carry extensions.code). */
export type ErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR' | 'NETWORK';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
  }
}

interface GraphqlResponse<Result> {
  data?: Result | null;
  errors?: { message: string; extensions?: { code?: string; fields?: unknown } }[];
}

function fieldsOf(fields: unknown): string[] {
  if (Array.isArray(fields)) return fields.map(String);
  if (fields && typeof fields === 'object') return Object.keys(fields);
  return [];
}

/** One operation against the public API, as any other caller sends it. */
export async function request<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: REQUEST_CREDENTIALS,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...credentials() },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'The service could not be reached.');
  }
  const body = (await response.json().catch(() => ({}))) as GraphqlResponse<Result>;
  const [error] = body.errors ?? [];
  if (error) {
    const code = (error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') as ErrorCode;
    // A session that ended, or a person whose access ended, signs the page out.
    if (code === 'UNAUTHENTICATED') signOut();
    throw new ApiError(code, error.message, fieldsOf(error.extensions?.fields));
  }
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR', 'The service answered without data.');
  return body.data;
}
