import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';

type ApolloLogger = NonNullable<ApolloDriverConfig['logger']>;

/**
 * Apollo Server reports what goes wrong outside a resolver (a plugin hook that throws, a request
 * during shutdown, a failed start) through its logger, by default plain text on the console.
 * Through Nest's logger these are pino's JSON lines, with the request's id when there is one.
 * Apollo passes text of its own or an Error; anything else could be a request's variables, so
 * only its kind is logged, and an Error by name and message, like every other error here.
 */
export function apolloLogger(): ApolloLogger {
  const logger = new Logger('Apollo');
  return {
    debug: (message) => logger.debug(describe(message)),
    info: (message) => logger.log(describe(message)),
    warn: (message) => logger.warn(describe(message)),
    error: (message) => logger.error(describe(message)),
  };
}

function describe(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return `${message.name}: ${message.message}`;
  return `Apollo Server logged a value of type ${message === null ? 'null' : typeof message}`;
}
