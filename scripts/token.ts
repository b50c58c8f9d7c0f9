/**
 * Prints a development token signed with JWT_SECRET (or the development secret).
 * Usage: npm run token -- --role INTAKE [--sub alice] [--peer-id <uuid>] [--support-worker-id <uuid>]
 *        [--scope "profiles:read matches:read"] [--expires-in 8h]
 * --expires-in takes 90m, 8h, 1d or seconds; default 8h, and at most TOKEN_MAX_LIFETIME_SECONDS (24h).
 */
import { parseArgs } from 'node:util';
import { signDevelopmentToken } from '../src/common/auth/development-token';
import { Role, ROLES } from '../src/common/auth/principal';
import { jwtSecretOf, parseEnvironment } from '../src/config/environment';

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      'peer-id': { type: 'string' },
      'support-worker-id': { type: 'string' },
      scope: { type: 'string' },
      'expires-in': { type: 'string' },
    },
  });
  const role = values.role?.toUpperCase() ?? '';
  if (!isRole(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const environment = parseEnvironment(process.env);
  const secret = jwtSecretOf(environment);
  if (environment.NODE_ENV === 'production' || !secret) throw new Error('Development tokens are not for production');
  const token = await signDevelopmentToken(
    secret,
    {
      role,
      sub: values.sub,
      peerId: values['peer-id'],
      supportWorkerId: values['support-worker-id'],
      scope: values.scope,
    },
    { expiresIn: values['expires-in'], maxLifetimeSeconds: environment.TOKEN_MAX_LIFETIME_SECONDS },
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
