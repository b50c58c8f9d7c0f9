import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { recordChange } from '../../audit/change-record';
import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { principalOfSession, SessionStore, StoredSession } from '../../sessions/session-store';
import { clearedSessionCookie, sessionCookieOf } from '../../sessions/session-cookie';
import type { SessionRequest } from '../../sessions/session-authentication';

/** What the pages learn of who is signed in: no token, no subject, nothing the cookie does not already prove. */
export interface SignedIn {
  /** The person's name; null for staff, whom the page names by their role. */
  label: string | null;
  role: StoredSession['role'];
  peerId: string | null;
  supportWorkerId: string | null;
}

/** Read at each ask, never kept with the session: an erased peer's name is gone from here too. */
async function labelOf(dataSource: DataSource, session: StoredSession): Promise<string | null | undefined> {
  if (session.role === 'PEER') {
    const [row] = await dataSource.query(`SELECT display_name FROM peer WHERE id = $1 AND erased_at IS NULL`, [
      session.peerId,
    ]);
    return row?.display_name;
  }
  if (session.role === 'SUPPORT_WORKER') {
    const [row] = await dataSource.query(`SELECT display_name FROM support_worker WHERE id = $1`, [
      session.supportWorkerId,
    ]);
    return row?.display_name;
  }
  return null;
}

/** 204, not 401: nobody signed in is what a page at its start expects to hear, not an error. */
function signedOut(reply: FastifyReply): FastifyReply {
  return reply.code(204).header('cache-control', 'no-store').header('set-cookie', clearedSessionCookie());
}

/** A session's end on the audit trail, in the transaction that deletes it. */
export async function endSession(
  dataSource: DataSource,
  sessions: SessionStore,
  cookieValue: string,
  operation: string,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const ended = await sessions.end(cookieValue, manager);
    if (!ended) return;
    await recordChange(
      manager,
      { principal: principalOfSession(ended), operation },
      {
        action: AuditAction.SIGN_OUT,
        subjectType: AuditSubject.SESSION,
        subjectId: ended.id,
        personId: ended.peerId ?? ended.supportWorkerId ?? null,
      },
    );
  });
}

/**
 * `GET /session` says who the session cookie signs in, or 204; `POST /session/sign-out` ends it at
 * once. Cross-site sign-out is refused with every other cookie-carried write (bootstrap).
 */
export function serveSession(fastify: FastifyInstance, dataSource: DataSource, sessions: SessionStore): void {
  fastify.get('/session', async (request: FastifyRequest, reply) => {
    const { session } = request as unknown as SessionRequest;
    if (!session) return signedOut(reply).send();
    const label = await labelOf(dataSource, session);
    // A person whose record is gone has nothing left to be signed in to.
    if (label === undefined) {
      await endSession(dataSource, sessions, sessionCookieOf(request.headers.cookie)!, 'session');
      return signedOut(reply).send();
    }
    const answer: SignedIn = {
      label,
      role: session.role,
      peerId: session.peerId ?? null,
      supportWorkerId: session.supportWorkerId ?? null,
    };
    return reply.header('cache-control', 'no-store').send(answer);
  });
  fastify.post('/session/sign-out', async (request, reply) => {
    const cookieValue = sessionCookieOf(request.headers.cookie);
    if (cookieValue) await endSession(dataSource, sessions, cookieValue, 'signOut');
    return signedOut(reply).send();
  });
}
