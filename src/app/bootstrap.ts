import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { Logger } from '../common/logging/logger';
import { AppModule, AppOptions } from './app.module';
import { registerEnums } from './graphql/enums';
import { GraphqlExceptionFilter } from '../common/errors/graphql-exception.filter';
import { loggerOptions, requestIdOf } from '../common/logging/logger-options';
import { logRequests } from '../common/logging/request-logging';
import { limitRequestRate } from '../common/hardening/rate-limit';
import { ANONYMOUS, AuthenticatedRequest } from '../common/auth/authentication';
import { TokenVerifier } from '../common/auth/token-verifier';
import { createValidationPipe } from '../common/validation/validation.pipe';
import { startLogger } from './start-logger';
import { DataSource } from 'typeorm';
import { PublicFileRoute, servePages } from './pages/serve-pages';
import { serveDevelopmentSignIn } from './pages/development-sign-in';
import { serveSession } from './pages/session-routes';
import { SessionStore } from '../sessions/session-store';
import {
  authenticateRequest,
  crossSiteWrite,
  refuseCrossSiteWrite,
  SessionRequest,
} from '../sessions/session-authentication';

/** Requests larger than this are refused before parsing: no legitimate operation comes close. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** The GraphQL API over HTTP (role api), with the queue consumer too (role all). */
export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
  registerEnums();
  const { environment } = options;
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: loggerOptions(environment.LOG_LEVEL),
    // Requests are logged once, by logRequests, without what they carry.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId: requestIdOf,
  });
  const fastify = adapter.getInstance();
  logRequests(fastify);
  // app.close stops the HTTP server before the queue consumer: this line marks that first step of a stop.
  fastify.addHook('onClose', async () => fastify.log.info('API stopped'));
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: startLogger(environment.LOG_LEVEL),
    abortOnError: false,
  });
  // The token or session is verified once, as the request arrives: the rate limit keys on who it names.
  const tokens = app.get(TokenVerifier);
  const sessions = new SessionStore(app.get(DataSource), {
    idleMinutes: environment.SESSION_IDLE_MINUTES,
    maxHours: environment.SESSION_MAX_HOURS,
  });
  fastify.addHook('onRequest', async (request, reply) => {
    const { authentication, session } = (request.routeOptions.config as PublicFileRoute).publicFile
      ? { authentication: ANONYMOUS, session: undefined }
      : await authenticateRequest(tokens, sessions, request.headers);
    (request as unknown as AuthenticatedRequest).authentication = authentication;
    (request as unknown as SessionRequest).session = session;
    // Refused before anything runs; Apollo's CSRF prevention stays on behind it for /graphql.
    if (session && crossSiteWrite(request)) return refuseCrossSiteWrite(reply);
  });
  await limitRequestRate(fastify, {
    perMinute: environment.RATE_LIMIT_PER_MINUTE,
    redisUrl: options.queue.redisUrl,
    prefix: options.queue.prefix,
  });
  servePages(fastify, { helpLines: environment.HELP_LINES, graphiql: environment.NODE_ENV !== 'production' });
  serveSession(fastify, app.get(DataSource), sessions);
  serveDevelopmentSignIn(fastify, app.get(DataSource), sessions, environment);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GraphqlExceptionFilter(app.getHttpAdapter()));
  await app.init();
  return app;
}

/** The queue consumer alone, without HTTP (role worker). */
export async function createConsumer(options: AppOptions): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...options, role: 'worker' }), {
    logger: startLogger(options.environment.LOG_LEVEL),
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  return app;
}
