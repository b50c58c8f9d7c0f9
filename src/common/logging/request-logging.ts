import type { FastifyInstance } from 'fastify';
import { withRequestLogger } from './logger';

/**
 * One line per request: id, method, path, status and time. Health probes are left out, and
 * nothing of the body, variables or headers is logged, since they carry personal and health
 * information and tokens. Registered before any other hook, so that the later ones and the
 * handler run with the request's logger (see withRequestLogger).
 */
export function logRequests(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    withRequestLogger(request.log, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!request.url.startsWith('/health')) {
      request.log.info(
        { req: request.raw, res: reply.raw, responseTimeMs: Math.round(reply.elapsedTime) },
        'request completed',
      );
    }
    done();
  });
}
