import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, Authentication } from '../common/auth/authentication';
import type { TokenVerifier } from '../common/auth/token-verifier';
import { sessionCookieOf } from './session-cookie';
import { principalOfSession, SessionStore, StoredSession } from './session-store';

export interface RequestAuthentication {
  authentication: Authentication;
  /** Set only when the cookie, not a bearer token, made the request someone's. */
  session?: StoredSession;
}

/** A request as the session routes read it, once it has been authenticated. */
export interface SessionRequest {
  session?: StoredSession;
}

/**
 * A bearer token decides alone, as it always has: other services keep working whatever cookie a
 * client holds. Without one, a live session cookie makes the request its person's.
 */
export async function authenticateRequest(
  tokens: TokenVerifier,
  sessions: SessionStore,
  headers: FastifyRequest['headers'],
): Promise<RequestAuthentication> {
  if (headers.authorization !== undefined && headers.authorization !== '') {
    return { authentication: await authenticate(tokens, headers.authorization) };
  }
  const cookieValue = sessionCookieOf(headers.cookie);
  const session = cookieValue ? await sessions.find(cookieValue) : undefined;
  if (!session) return { authentication: await authenticate(tokens, undefined) };
  return { authentication: { kind: 'verified', principal: principalOfSession(session) }, session };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser attaches the cookie to requests other sites make it send, so a write it carries must
 * say it came from this origin. Browsers send Origin on every POST; Sec-Fetch-Site covers a proxy
 * in front that changes the scheme or host this process sees.
 */
export function crossSiteWrite(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  if (request.headers['sec-fetch-site'] === 'same-origin') return false;
  const origin = request.headers.origin;
  return origin === undefined || origin !== `${request.protocol}://${request.headers.host ?? ''}`;
}

export function refuseCrossSiteWrite(reply: FastifyReply): FastifyReply {
  return reply
    .code(403)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({
      errors: [
        {
          message: 'A request signed in by the session cookie must come from this site',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
}
