import { createHash } from 'node:crypto';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import type { AuthenticatedRequest } from '../auth/authentication';

export const RATE_LIMITED = 'RATE_LIMITED';

export function isRateLimited(error: unknown): error is Error {
  return error instanceof Error && (error as { code?: unknown }).code === RATE_LIMITED;
}

/**
 * Per caller: the verified subject (hashed, never kept as is), however its token is spelled;
 * a request without a verifiable token counts against its address, so made-up tokens cannot
 * buy fresh limits.
 */
export function callerKey(request: FastifyRequest): string {
  const authentication = (request as unknown as AuthenticatedRequest).authentication;
  // As the library's own key does: whoever holds an IPv6 /64 can pick any address in it.
  if (authentication?.kind !== 'verified') return `address:${normalizeIP(request.ip)}`;
  const { role, subject } = authentication.principal;
  return `subject:${createHash('sha256').update(`${role}\n${subject}`).digest('base64url')}`;
}

export interface RateLimitSettings {
  perMinute: number;
  /** Shared by every replica when set; otherwise each process counts on its own. */
  redisUrl?: string;
  /** Keeps apart deployments (or test runs) sharing one Redis; the replicas of one share one count. */
  prefix?: string;
}

/**
 * Said once per outage, since while it lasts nobody is counted. By code only: an ioredis error can
 * carry its command's arguments, and those are the keys, which name an address or a subject's hash.
 */
function watchOutages(redis: Redis, fastify: FastifyInstance): void {
  let down = false;
  redis.on('error', (error: NodeJS.ErrnoException) => {
    if (down) return;
    down = true;
    fastify.log.warn({ code: error.code ?? error.name }, 'rate limit store unreachable: requests pass uncounted');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    fastify.log.info('rate limit store reachable again');
  });
}

/** Registered after authentication, whose verdict it keys on. */
export async function limitRequestRate(fastify: FastifyInstance, settings: RateLimitSettings): Promise<void> {
  const redis = settings.redisUrl
    ? new Redis(settings.redisUrl, {
        connectTimeout: 1000,
        maxRetriesPerRequest: 1,
        // A Redis that holds its connections open but answers nothing would otherwise hold every request.
        commandTimeout: 500,
      })
    : undefined;
  if (redis) {
    // A Redis that is down lets requests through (skipOnError) rather than refusing everyone.
    watchOutages(redis, fastify);
    fastify.addHook('onClose', async () => {
      redis.disconnect();
    });
  }
  await fastify.register(rateLimit, {
    max: settings.perMinute,
    timeWindow: '1 minute',
    keyGenerator: callerKey,
    redis,
    nameSpace: `${settings.prefix ?? 'peermatch'}:rate-limit:`,
    skipOnError: true,
    allowList: (request) => request.url.startsWith('/health'),
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests: at most ${context.max} a minute; try again in ${context.after}`), {
        statusCode: 429,
        code: RATE_LIMITED,
      }),
  });
}
