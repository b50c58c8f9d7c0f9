import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { signDevelopmentToken } from '../../common/auth/development-token';
import { DEVELOPMENT_JWT_SECRET, Environment, jwtSecretOf } from '../../config/environment';
import { demoSignIns } from '../../demo/demo-sign-in';

/** Pages sign in as one of these in development; a token for anyone else is never minted here. */
export interface SignInChoice {
  /** The person's name; staff are named by the page, from their role. */
  label: string;
  role: 'ADMIN' | 'INTAKE' | 'PEER' | 'SUPPORT_WORKER';
  peerId?: string;
  supportWorkerId?: string;
  /** What a demo person is there to show (a peer choosing, a busy worker), for the page to word. */
  feature?: string;
}

/** Development tokens live for a working session at most: a forgotten tab signs itself out. */
const SIGN_IN_LIFETIME_SECONDS = 4 * 3600;
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
 * `GET /development/sign-in` lists who the pages may sign in as; `POST` mints their token with the
 * development secret. Never registered in production or with a secret of the service's own.
 */
export function serveDevelopmentSignIn(
  fastify: FastifyInstance,
  dataSource: DataSource,
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
    const parsed = signInRequest.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'role, and peerId or supportWorkerId, expected' });
    const wanted = parsed.data;
    const known = (await choices(dataSource)).find((choice) => keyOf(choice) === keyOf(wanted));
    if (!known) return reply.code(404).send({ error: 'no such person to sign in as' });
    const subject = `dev-${(known.peerId ?? known.supportWorkerId ?? known.role).toLowerCase()}`;
    const token = await signDevelopmentToken(
      DEVELOPMENT_JWT_SECRET,
      { role: known.role, sub: subject, peerId: known.peerId, supportWorkerId: known.supportWorkerId },
      { expiresIn: Math.min(SIGN_IN_LIFETIME_SECONDS, environment.TOKEN_MAX_LIFETIME_SECONDS) },
    );
    return reply.header('cache-control', 'no-store').send({ token, label: known.label, role: known.role });
  });
}
