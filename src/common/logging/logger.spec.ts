import { Logger as NestLogger } from '@nestjs/common';
import pino from 'pino';
import { Logger, withRequestLogger } from './logger';
import { loggerOptions } from './logger-options';

type Line = Record<string, unknown>;

/** Nest's loggers write through a Logger over a pino logger at `level`; returns the lines it wrote. */
function logAt(level: string): { lines: Line[]; root: pino.Logger } {
  const lines: Line[] = [];
  const root = pino(loggerOptions(level), { write: (line: string) => lines.push(JSON.parse(line)) });
  NestLogger.overrideLogger(new Logger(root));
  return { lines, root };
}

describe('Logger (Nest over pino)', () => {
  it("writes Nest's calls as JSON lines with pino's level numbers and the caller's context", () => {
    const { lines } = logAt('trace');
    const logger = new NestLogger('Sweeper');
    logger.verbose('v');
    logger.debug('d');
    logger.log('i');
    logger.warn('w');
    logger.error('e');
    logger.fatal('f');
    NestLogger.log('no context');
    expect(lines.map(({ level, context, msg }) => ({ level, context, msg }))).toEqual([
      { level: 10, context: 'Sweeper', msg: 'v' },
      { level: 20, context: 'Sweeper', msg: 'd' },
      { level: 30, context: 'Sweeper', msg: 'i' },
      { level: 40, context: 'Sweeper', msg: 'w' },
      { level: 50, context: 'Sweeper', msg: 'e' },
      { level: 60, context: 'Sweeper', msg: 'f' },
      { level: 30, context: undefined, msg: 'no context' },
    ]);
  });

  it('writes nothing below LOG_LEVEL, and nothing at all when silent', () => {
    const warn = logAt('warn');
    new NestLogger('Queue').log('started');
    new NestLogger('Queue').debug('details');
    new NestLogger('Queue').warn('connection error');
    expect(warn.lines.map((line) => line.msg)).toEqual(['connection error']);

    const silent = logAt('silent');
    new NestLogger('Queue').fatal('gone');
    new NestLogger('Queue').error('failed', 'Error: failed\n    at somewhere (x.ts:1:1)');
    expect(silent.lines).toEqual([]);
  });

  it('keeps the stack Nest passes with an error apart from the message, with or without a context', () => {
    const { lines } = logAt('info');
    const stack = 'Error: boom\n    at handler (handler.ts:1:1)';
    new NestLogger('ExceptionsHandler').error('boom', stack);
    NestLogger.error('bare', stack);
    expect(lines).toEqual([
      expect.objectContaining({ context: 'ExceptionsHandler', msg: 'boom', err: expect.objectContaining({ stack }) }),
      expect.objectContaining({ msg: 'bare', err: expect.objectContaining({ stack }) }),
    ]);
    expect(lines[1]).not.toHaveProperty('context');
  });

  it('logs an Error by name and message, and an object as fields, still without headers or variables', () => {
    const { lines } = logAt('info');
    new NestLogger('Jobs').error(new TypeError('no such job'));
    new NestLogger('Jobs').log({ jobId: 7, variables: { name: 'Wilhelmina' }, headers: { authorization: 'x' } });
    expect(lines[0]).toMatchObject({ context: 'Jobs', msg: 'TypeError: no such job', err: { type: 'TypeError' } });
    expect(lines[1]).toMatchObject({ context: 'Jobs', jobId: 7 });
    expect(JSON.stringify(lines[1])).not.toMatch(/Wilhelmina|authorization/);
  });

  it("writes through the request's logger while serving a request, across awaits, and the root's after", async () => {
    const { lines, root } = logAt('info');
    const logger = new NestLogger('GraphQL');
    await new Promise<void>((resolve) =>
      withRequestLogger(root.child({ reqId: 'req-1' }), () => {
        logger.log('before');
        void Promise.resolve()
          .then(() => new Promise((wait) => setTimeout(wait, 1)))
          .then(() => logger.error('after an await'))
          .then(resolve);
      }),
    );
    logger.log('outside');
    expect(lines.map(({ reqId, msg }) => ({ reqId, msg }))).toEqual([
      { reqId: 'req-1', msg: 'before' },
      { reqId: 'req-1', msg: 'after an await' },
      { reqId: undefined, msg: 'outside' },
    ]);
  });
});
