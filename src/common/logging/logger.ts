import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable, LoggerService } from '@nestjs/common';
import type { BaseLogger } from 'pino';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
type PinoLogger = Pick<BaseLogger, Level>;

/** The pino logger for lines written outside any request, at LOG_LEVEL (see logging.module.ts). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

const requestLogger = new AsyncLocalStorage<PinoLogger>();

/**
 * Runs `next`, and everything that follows from it, with the request's own logger as the one
 * Nest's lines go through, so that a line written while serving a request carries its id.
 */
export function withRequestLogger(logger: PinoLogger, next: () => void): void {
  requestLogger.run(logger, next);
}

const STACK = /\n\s+at /;

/**
 * Nest's LoggerService over pino: Nest's own lines, and those of every `new Logger(context)`,
 * become pino's JSON lines with `context`, through the request's logger within a request.
 */
@Injectable()
export class Logger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly root: PinoLogger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /**
   * Nest appends the context as the last parameter, and for errors passes a stack (or undefined)
   * before it; a bare `Logger.error(message, stack)` has a stack and no context.
   */
  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const fields: Record<string, unknown> = {};
    const last = rest.at(-1);
    if (typeof last === 'string' && !STACK.test(last)) fields.context = rest.pop();
    const stackAt = rest.findIndex((param) => typeof param === 'string' && STACK.test(param));
    const stack = stackAt === -1 ? undefined : (rest.splice(stackAt, 1)[0] as string);
    const extra = rest.filter((param) => param !== undefined);
    if (extra.length) fields.params = extra;

    let text: string | undefined;
    if (message instanceof Error) {
      fields.err = message;
      text = `${message.name}: ${message.message}`;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
    } else {
      text = String(message);
    }
    if (stack !== undefined) fields.err = { type: 'Error', message: text, stack };

    const logger = requestLogger.getStore() ?? this.root;
    if (text === undefined) logger[level](fields);
    else logger[level](fields, text);
  }
}
