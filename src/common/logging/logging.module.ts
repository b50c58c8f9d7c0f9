import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import pino from 'pino';
import { Environment } from '../../config/environment';
import { Logger, ROOT_LOGGER } from './logger';
import { loggerOptions } from './logger-options';

/**
 * Nest's own logs through pino (`app.useLogger(app.get(Logger))`). Within a request they go
 * through the request's logger, which Fastify made (see request-logging.ts), so they carry its
 * request id; outside one, through a logger of the same options at LOG_LEVEL.
 */
@Global()
@Module({
  providers: [
    {
      provide: ROOT_LOGGER,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) =>
        pino(loggerOptions(config.get('LOG_LEVEL', { infer: true }))),
    },
    Logger,
  ],
  exports: [Logger],
})
export class LoggingModule {}
