import { randomUUID } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { Environment } from '../../config/environment';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * JSON logs, one line per request with a request id (taken from X-Request-Id when it looks
 * like one). Only method, path, status and timing are logged: never bodies, variables or
 * tokens, since they carry personal and health information.
 */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService<Environment, true>) => ({
    pinoHttp: {
      level: config.get('LOG_LEVEL', { infer: true }),
      genReqId: (request, reply) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        reply.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          path: request.url.split('?')[0],
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      redact: { paths: ['req.headers', 'req.body', 'res.headers'], remove: true },
      autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
    },
  }),
});
