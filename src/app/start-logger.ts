import pino from 'pino';
import { Logger } from '../common/logging/logger';
import { loggerOptions } from '../common/logging/logger-options';

/**
 * Nest's lines from its very first, at LOG_LEVEL, before the app's own logger exists. A failure
 * while the app is built is rethrown (abortOnError: false) for whoever started it to report in one
 * line, so Nest's own report of it, a stack, is left out.
 */
class StartLogger extends Logger {
  error(message: unknown, ...params: unknown[]): void {
    if (params.at(-1) === 'ExceptionHandler') return;
    super.error(message, ...params);
  }
}

export function startLogger(level: string): Logger {
  return new StartLogger(pino(loggerOptions(level)));
}
