import { DomainError } from '../errors/domain-error';
import type { Principal } from './principal';
import type { TokenVerifier } from './token-verifier';

/** Who sent a request, decided once as it arrives: the rate limit and every access check read this. */
export type Authentication =
  { kind: 'anonymous' } | { kind: 'verified'; principal: Principal } | { kind: 'refused'; error: DomainError };

/** No token, no session: who calls only what needs no one. */
export const ANONYMOUS: Authentication = { kind: 'anonymous' };

/** The scheme is case-insensitive and may be followed by any run of spaces (RFC 9110). */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.match(/^\s*Bearer\s+(\S+)\s*$/i)?.[1];
}

export async function authenticate(
  verifier: TokenVerifier,
  header: string | string[] | undefined,
): Promise<Authentication> {
  if (header === undefined || header === '') return ANONYMOUS;
  const token = bearerToken(header);
  if (!token) return { kind: 'refused', error: new DomainError('UNAUTHENTICATED', 'A bearer token is required') };
  try {
    return { kind: 'verified', principal: await verifier.verify(token) };
  } catch (error) {
    if (error instanceof DomainError) return { kind: 'refused', error };
    throw error;
  }
}

/** The verified caller, or the reason there is none. */
export function principalOf(authentication: Authentication | undefined): Principal {
  if (authentication?.kind === 'verified') return authentication.principal;
  if (authentication?.kind === 'refused') throw authentication.error;
  throw new DomainError('UNAUTHENTICATED', 'A bearer token is required');
}

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  authentication?: Authentication;
}
