import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LoggerOptions } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** JSON lines; request and response are reduced to method, path and status, never headers or bodies. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: {
      req: (request: { method?: string; url?: string }) => ({
        method: request.method,
        path: request.url?.split('?')[0],
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
    redact: { paths: ['headers', 'authorization', 'variables', 'body'], remove: true },
  };
}

/** X-Request-Id when the caller sent one that looks like an id, else a fresh one. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}
