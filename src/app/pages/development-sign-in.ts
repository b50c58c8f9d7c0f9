import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { recordChange } from '../../audit/change-record';
import { AuditAction, AuditSubject } from '../../audit/audit.enums';
import { DEVELOPMENT_JWT_SECRET, Environment, jwtSecretOf } from '../../config/environment';
import { demoSignIns } from '../../demo/demo-sign-in';
import { crossSiteWrite, refuseCrossSiteWrite } from '../../sessions/session-authentication';
import { sessionCookie, sessionCookieOf } from '../../sessions/session-cookie';
import { principalOfSession, SessionStore } from '../../sessions/session-store';
import { endSession } from './session-routes';

/** Pages sign in as one of these in development; a session for anyone else is never begun here. */
export interface SignInChoice {
  /** The person's name; staff are named by the page, from their role. */
  label: string;
  role: 'ADMIN' | 'INTAKE' | 'PEER' | 'SUPPORT_WORKER';
  peerId?: string;
  supportWorkerId?: string;
  /** What a demo person is there to show (a peer choosing, a busy worker), for the page to word. */
  feature?: string;
}

const RECENT_PEOPLE = 20;
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Only where anyone who can reach the port could sign tokens anyway: the public secret, outside production. */
export function developmentSignInAllowed(environment: Environment): boolean {
  return environment.NODE_ENV !== 'production' && jwtSecretOf(environment) === DEVELOPMENT_JWT_SECRET;
}

const keyOf = (choice: Pick<SignInChoice, 'role' | 'peerId' | 'supportWorkerId'>) =>
  `${choice.role}:${choice.peerId ?? choice.supportWorkerId ?? ''}`;

/**
 * The demo people chosen to show each part of the service, staff, then whoever was registered most
 * recently: a peer intake has just registered can sign in straight away.
 */
async function choices(dataSource: DataSource): Promise<SignInChoice[]> {
  const featured: SignInChoice[] = (await demoSignIns(dataSource)).map((choice) => ({
    label: choice.name ?? choice.label,
    role: choice.role,
    peerId: choice.peerId,
    supportWorkerId: choice.supportWorkerId,
    feature: choice.feature,
  }));
  const rows: { kind: 'PEER' | 'SUPPORT_WORKER'; id: string; display_name: string }[] = await dataSource.query(
    `(SELECT 'PEER' AS kind, id, display_name, created_at FROM peer WHERE erased_at IS NULL
        ORDER BY created_at DESC LIMIT $1)
     UNION ALL
     (SELECT 'SUPPORT_WORKER' AS kind, id, display_name, created_at FROM support_worker
        ORDER BY created_at DESC LIMIT $1)
     ORDER BY created_at DESC`,
    [RECENT_PEOPLE],
  );
  const recent = rows.map((row): SignInChoice =>
    row.kind === 'PEER'
      ? { label: row.display_name, role: 'PEER', peerId: row.id }
      : { label: row.display_name, role: 'SUPPORT_WORKER', supportWorkerId: row.id },
  );
  const seen = new Set<string>();
  return [...featured, ...recent].filter((choice) => !seen.has(keyOf(choice)) && seen.add(keyOf(choice)));
}

const signInRequest = z.strictObject({
  role: z.enum(['ADMIN', 'INTAKE', 'PEER', 'SUPPORT_WORKER']),
  peerId: z.uuid().optional(),
  supportWorkerId: z.uuid().optional(),
});

/**
 * `GET /development/sign-in` lists who the pages may sign in as; `POST` begins a session for one of
 * them and sets its cookie: the page never holds a token. Never registered in production or with
 * a secret of the service's own.
 */
export function serveDevelopmentSignIn(
  fastify: FastifyInstance,
  dataSource: DataSource,
  sessions: SessionStore,
  environment: Environment,
): void {
  if (!developmentSignInAllowed(environment)) return;
  // A page of another site that rebinds its own name to 127.0.0.1 still sends its own Host.
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/development/') && !LOOPBACK_HOST.test(request.headers.host ?? '')) {
      await reply.code(403).send({ error: 'development sign-in answers on localhost only' });
    }
  });
  fastify.get('/development/sign-in', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send(await choices(dataSource)),
  );
  fastify.post('/development/sign-in', async (request, reply) => {
    // Another site must not sign a visitor in as someone of its choosing either.
    if (crossSiteWrite(request)) return refuseCrossSiteWrite(reply);
    const parsed = signInRequest.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'role, and peerId or supportWorkerId, expected' });
    const wanted = parsed.data;
    const known = (await choices(dataSource)).find((choice) => keyOf(choice) === keyOf(wanted));
    if (!known) return reply.code(404).send({ error: 'no such person to sign in as' });
    const subject = `dev-${(known.peerId ?? known.supportWorkerId ?? known.role).toLowerCase()}`;
    // A new session each time, never the one the browser held: a value set before sign-in opens nothing after it.
    const previous = sessionCookieOf(request.headers.cookie);
    if (previous) await endSession(dataSource, sessions, previous, 'signOut');
    const cookieValue = await dataSource.transaction(async (manager) => {
      const created = await sessions.create(
        { subject, role: known.role, peerId: known.peerId, supportWorkerId: known.supportWorkerId },
        manager,
      );
      await recordChange(
        manager,
        { principal: principalOfSession(created.session), operation: 'developmentSignIn' },
        {
          action: AuditAction.SIGN_IN,
          subjectType: AuditSubject.SESSION,
          subjectId: created.session.id,
          personId: known.peerId ?? known.supportWorkerId ?? null,
        },
      );
      return created.cookieValue;
    });
    return reply
      .header('cache-control', 'no-store')
      .header('set-cookie', sessionCookie(cookieValue, sessions.maxAgeSeconds))
      .send({ label: known.label, role: known.role });
  });
}
