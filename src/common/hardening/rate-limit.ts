import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const RATE_LIMITED = 'RATE_LIMITED';

export function isRateLimited(error: unknown): error is Error {
  return error instanceof Error && (error as { code?: unknown }).code === RATE_LIMITED;
}

/** Per caller: the token (hashed, never kept as is), or the address of a caller without one. */
function callerKey(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  return authorization
    ? `token:${createHash('sha256').update(authorization).digest('base64url')}`
    : `address:${request.ip}`;
}

export async function limitRequestRate(fastify: FastifyInstance, perMinute: number): Promise<void> {
  await fastify.register(rateLimit, {
    max: perMinute,
    timeWindow: '1 minute',
    keyGenerator: callerKey,
    allowList: (request) => request.url.startsWith('/health'),
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests: at most ${context.max} a minute; try again in ${context.after}`), {
        statusCode: 429,
        code: RATE_LIMITED,
      }),
  });
}
