import { z } from 'zod';
import { DEFAULT_HELP_LINES, helpLinesSetting } from './help-lines';

/** Used only outside production, so `npm start` and `npm run token` agree with nothing configured. */
export const DEVELOPMENT_JWT_SECRET = 'peermatch-development-secret-not-for-production';

export const DEFAULT_TOKEN_MAX_LIFETIME_SECONDS = 86_400;
/** Beyond a week a stolen token stays useful for too long to call the limit a limit. */
const MAX_TOKEN_LIFETIME_CEILING_SECONDS = 7 * 86_400;

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A count or duration: the message says what is accepted, the same whatever was wrong. */
function wholeNumber(min: number, max?: number) {
  const error = `must be a whole number ${max === undefined ? `of ${min} or more` : `from ${min} to ${max}`}`;
  const bounded = z.coerce.number({ error }).int({ error }).min(min, { error });
  return max === undefined ? bounded : bounded.max(max, { error });
}

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: wholeNumber(1, 65535).default(3000),
    DATABASE_URL: optionalString.pipe(
      z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
    ),
    REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional()),
    JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    /** Production tokens: RS256 or ES256, verified against this key set, with issuer and audience. */
    JWT_JWKS_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional()),
    JWT_ISSUER: optionalString,
    JWT_AUDIENCE: optionalString,
    /** Longest a token may live (exp − iat), and oldest its iat may be. */
    TOKEN_MAX_LIFETIME_SECONDS: wholeNumber(60, MAX_TOKEN_LIFETIME_CEILING_SECONDS).default(
      DEFAULT_TOKEN_MAX_LIFETIME_SECONDS,
    ),
    /** How far the identity provider's clock may be from this one, for exp, nbf and iat. */
    TOKEN_CLOCK_SKEW_SECONDS: wholeNumber(0, 300).default(30),
    /** A page's session ends after this long without a request. */
    SESSION_IDLE_MINUTES: wholeNumber(1, 24 * 60).default(30),
    /** A page's session ends this long after sign-in, however busy: a working day at most by default. */
    SESSION_MAX_HOURS: wholeNumber(1, 7 * 24).default(8),
    /** Requests per minute one caller may send: a verified subject, whichever of its tokens it sends; else an address. */
    RATE_LIMIT_PER_MINUTE: wholeNumber(1).default(1200),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    APP_ROLE: z.enum(['api', 'worker', 'all']).default('all'),
    /** A first start on the empty embedded database seeds demo people (src/demo); off: it starts empty. */
    DEMO_SEED: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
    WORKER_CONCURRENCY: wholeNumber(1, 64).default(2),
    /** Peers one background job recomputes together. */
    RECOMPUTE_BATCH_SIZE: wholeNumber(1, 5000).default(250),
    SUGGESTION_COUNT: wholeNumber(1, 20).default(5),
    EXPOSURE_FACTOR: wholeNumber(1, 100).default(3),
    SWEEP_INTERVAL_MS: wholeNumber(100).default(30_000),
    PENDING_REQUEUE_AFTER_MS: wholeNumber(0).default(60_000),
    SUGGESTION_TTL_HOURS: z.coerce
      .number({ error: 'must be a number of hours, 0.001 or more' })
      .min(0.001, { error: 'must be a number of hours, 0.001 or more' })
      .default(14 * 24),
    JOB_LOCK_MS: wholeNumber(500).default(30_000),
    /** A queue consumer touches this file while it runs, for a container health check. */
    HEARTBEAT_FILE: optionalString,
    QUEUE_PREFIX: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,40}$/)
        .optional(),
    ),
    EMBEDDED_DB_DIR: z.string().default('.data/postgres'),
    EMBEDDED_DB_PORT: wholeNumber(1, 65535).default(54329),
    /** Where to get help now, on every page a peer reads: PeerMatch is not a crisis service. */
    HELP_LINES: z.string().trim().default(DEFAULT_HELP_LINES).pipe(helpLinesSetting),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET && !env.JWT_JWKS_URL) {
      context.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'or JWT_JWKS_URL is required when NODE_ENV=production',
      });
    }
    if (env.SESSION_IDLE_MINUTES > env.SESSION_MAX_HOURS * 60) {
      context.addIssue({
        code: 'custom',
        path: ['SESSION_IDLE_MINUTES'],
        message: 'must be at most SESSION_MAX_HOURS in minutes',
      });
    }
    if (env.JWT_JWKS_URL && (!env.JWT_ISSUER || !env.JWT_AUDIENCE)) {
      context.addIssue({
        code: 'custom',
        path: [env.JWT_ISSUER ? 'JWT_AUDIENCE' : 'JWT_ISSUER'],
        message: 'is required with JWT_JWKS_URL',
      });
    }
  });

export type Environment = z.infer<typeof environmentSchema>;

export class InvalidEnvironmentError extends Error {}

/** Fails fast, naming every variable that is missing or malformed. */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const result = environmentSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new InvalidEnvironmentError(
    `Invalid environment: ${problems.join('; ')} (the Configuration section of README.md lists every setting)`,
  );
}

/**
 * Why the service must not start with these settings, or undefined if it may. The development
 * secret is public, so with a database that may hold real records anyone could sign tokens for
 * it; the embedded database lives only on the machine that runs it. A worker verifies no tokens.
 */
export function startRefusalOf(
  environment: Pick<Environment, 'JWT_SECRET' | 'NODE_ENV' | 'JWT_JWKS_URL' | 'DATABASE_URL' | 'APP_ROLE'>,
): string | undefined {
  if (environment.APP_ROLE === 'worker' || !environment.DATABASE_URL) return undefined;
  if (jwtSecretOf(environment) !== DEVELOPMENT_JWT_SECRET) return undefined;
  return (
    'Refusing to start: DATABASE_URL is set but neither JWT_SECRET nor JWT_JWKS_URL is, and the public ' +
    'development secret is accepted only with the embedded database; set JWT_SECRET (32+ random characters) or JWT_JWKS_URL'
  );
}

/** The HS256 secret: the configured one; outside production without a key set, the development one. */
export function jwtSecretOf(
  environment: Pick<Environment, 'JWT_SECRET' | 'NODE_ENV'> & Partial<Pick<Environment, 'JWT_JWKS_URL'>>,
): string | undefined {
  if (environment.JWT_SECRET) return environment.JWT_SECRET;
  if (environment.NODE_ENV === 'production' || environment.JWT_JWKS_URL) return undefined;
  return DEVELOPMENT_JWT_SECRET;
}
