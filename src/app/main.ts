import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { createApp, createConsumer } from './bootstrap';
import {
  DEVELOPMENT_JWT_SECRET,
  InvalidEnvironmentError,
  jwtSecretOf,
  parseEnvironment,
  startRefusalOf,
} from '../config/environment';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/migrate';

const log = pino({ name: 'peermatch' });

async function main(): Promise<void> {
  const environment = parseEnvironment(process.env);
  log.level = environment.LOG_LEVEL;
  const refusal = startRefusalOf(environment);
  if (refusal) throw new InvalidEnvironmentError(refusal);
  let embedded: EmbeddedDatabase | undefined;
  if (!environment.DATABASE_URL) {
    log.info({ dir: environment.EMBEDDED_DB_DIR }, 'DATABASE_URL unset: starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir: environment.EMBEDDED_DB_DIR,
      port: environment.EMBEDDED_DB_PORT,
      onLog: (line) => log.debug({ postgres: line.trim() }),
    });
  }
  const databaseUrl = environment.DATABASE_URL ?? embedded!.url;

  const applied = await runMigrations(databaseUrl);
  if (applied.length) log.info({ migrations: applied }, 'applied migrations');

  const options = {
    environment,
    database: { url: databaseUrl },
    queue: { redisUrl: environment.REDIS_URL, databaseUrl, prefix: environment.QUEUE_PREFIX },
    role: environment.APP_ROLE,
  };
  const app = environment.APP_ROLE === 'worker' ? await createConsumer(options) : await createApp(options);
  if (environment.APP_ROLE !== 'worker') {
    // Anyone who can reach the port can sign tokens with the public development secret.
    const loopbackOnly = jwtSecretOf(environment) === DEVELOPMENT_JWT_SECRET;
    const host = loopbackOnly ? '127.0.0.1' : '0.0.0.0';
    await (app as NestFastifyApplication).listen({ port: environment.PORT, host });
    if (loopbackOnly) {
      log.warn(
        { host },
        'development secret in use: listening on loopback only; set JWT_SECRET to listen on all interfaces',
      );
    }
    const bound = (app as NestFastifyApplication).getHttpServer().address() as AddressInfo;
    log.info(
      { address: bound.address, port: bound.port },
      `GraphQL API on http://${loopbackOnly ? '127.0.0.1' : 'localhost'}:${bound.port}/graphql`,
    );
  }
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing jobs in progress');
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  log.info({ role: environment.APP_ROLE, queue: environment.REDIS_URL ? 'redis' : 'postgres' }, 'started');
}

main().catch((error: unknown) => {
  if (error instanceof InvalidEnvironmentError) log.fatal(error.message);
  else log.fatal({ err: error }, 'start failed');
  process.exit(1);
});
