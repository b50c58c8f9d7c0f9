import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { Environment } from '../../config/environment';
import { loggerOptions } from './logger-options';

/**
 * Nest's own logs through pino. Within a request they go through the request's logger, which
 * Fastify made (see request-logging.ts), so they carry its request id.
 */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService<Environment, true>) => ({
    pinoHttp: loggerOptions(config.get('LOG_LEVEL', { infer: true })),
    useExisting: true as const,
  }),
});
