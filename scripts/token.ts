/**
 * Prints a development token signed with JWT_SECRET (or the development secret): `npm run token -- --help`.
 * Exit status: 0 with a token or the usage, 2 for a usage error (one line on stderr), 1 when no
 * development token may be signed here (production settings, an invalid environment).
 */
import { parseArgs } from 'node:util';
import { isUUID } from 'class-validator';
import { signDevelopmentToken, TokenLifetimeError } from '../src/common/auth/development-token';
import { Role, ROLES } from '../src/common/auth/principal';
import { DEFAULT_TOKEN_MAX_LIFETIME_SECONDS, jwtSecretOf, parseEnvironment } from '../src/config/environment';

const OPTIONS = {
  role: { type: 'string' },
  sub: { type: 'string' },
  'peer-id': { type: 'string' },
  'support-worker-id': { type: 'string' },
  scope: { type: 'string' },
  'expires-in': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;
type Values = Partial<Record<Exclude<OptionName, 'help'>, string>> & { help?: boolean };

class UsageError extends Error {}

function usage(maxLifetimeSeconds: number): string {
  return `Usage: npm run token -- --role <role> [options]

Prints a development token (HS256, signed with JWT_SECRET or, unset, the development secret)
for a call to the API: Authorization: Bearer <token>. Never for production.

Options:
  --role <role>               required: ${ROLES.join(', ')} (any case)
  --sub <subject>             the token's sub; default dev-<role>, e.g. dev-intake
  --peer-id <uuid>            the peer a PEER token speaks for
  --support-worker-id <uuid>  the support worker a SUPPORT_WORKER token speaks for
  --scope "<scopes>"          a SERVICE token's scopes, space separated, e.g. "profiles:read matches:read"
  --expires-in <duration>     90m, 8h, 1d or seconds; default 8h, or the limit below if shorter
  -h, --help                  prints this and signs nothing

Lifetime limit: a token lives at most TOKEN_MAX_LIFETIME_SECONDS, here ${maxLifetimeSeconds} s (default
${DEFAULT_TOKEN_MAX_LIFETIME_SECONDS}, 60 to 604800): the service refuses one issued to live longer, so none is signed.

Examples:
  npm run token -- --role INTAKE
  npm run token -- --role SERVICE --scope "profiles:read profiles:write" --expires-in 90m`;
}

/** Strict parsing of our own, so that every mistake is one line naming the argument, never Node's stack. */
function parse(args: string[]): Values {
  const { tokens } = parseArgs({ args, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const values: Values = {};
  for (const token of tokens) {
    if (token.kind === 'positional') throw new UsageError(`unexpected argument '${token.value}'`);
    if (token.kind === 'option-terminator') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) throw new UsageError(`unknown option '${token.rawName}'`);
    const name = token.name as OptionName;
    if (name === 'help') {
      if (token.value !== undefined) throw new UsageError(`option '${token.rawName}' takes no value`);
      values.help = true;
      continue;
    }
    // Without this, `--role --sub x` would take "--sub" as the role and hide the missing value.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      throw new UsageError(`option '${token.rawName}' needs a value`);
    }
    values[name] = token.value;
  }
  return values;
}

function roleOf(value: string | undefined): Role {
  if (value === undefined) throw new UsageError('--role is required');
  const role = value.toUpperCase();
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return role as Role;
}

/** The service refuses a token whose ids are not UUIDs: better said here than as UNAUTHENTICATED later. */
function uuidOption(values: Values, name: 'peer-id' | 'support-worker-id'): string | undefined {
  const value = values[name];
  if (value !== undefined && !isUUID(value, 'all')) throw new UsageError(`--${name} must be a UUID`);
  return value;
}

async function main(args: string[]): Promise<number> {
  const values = parse(args);
  if (values.help) {
    let maxLifetimeSeconds = DEFAULT_TOKEN_MAX_LIFETIME_SECONDS;
    try {
      maxLifetimeSeconds = parseEnvironment(process.env).TOKEN_MAX_LIFETIME_SECONDS;
    } catch {
      // Help is still wanted with a broken environment; signing will name the variable.
    }
    console.log(usage(maxLifetimeSeconds));
    return 0;
  }
  const role = roleOf(values.role);
  const peerId = uuidOption(values, 'peer-id');
  const supportWorkerId = uuidOption(values, 'support-worker-id');
  const environment = parseEnvironment(process.env);
  const secret = jwtSecretOf(environment);
  if (environment.NODE_ENV === 'production' || !secret) {
    console.error('Development tokens are not for production');
    return 1;
  }
  try {
    const token = await signDevelopmentToken(
      secret,
      { role, sub: values.sub, peerId, supportWorkerId, scope: values.scope },
      { expiresIn: values['expires-in'], maxLifetimeSeconds: environment.TOKEN_MAX_LIFETIME_SECONDS },
    );
    console.log(token);
    return 0;
  } catch (error) {
    if (error instanceof TokenLifetimeError) throw new UsageError(error.message);
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`token: ${error.message} (see --help)`);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
