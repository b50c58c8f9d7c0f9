import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { createApp, createConsumer } from './bootstrap';
import { assertPortFree, explainDatabaseFailure, explainListenFailure, startFailureLine } from './start-failure';
import {
  DEVELOPMENT_JWT_SECRET,
  Environment,
  InvalidEnvironmentError,
  jwtSecretOf,
  parseEnvironment,
  startRefusalOf,
} from '../config/environment';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/migrate';
import { autoSeed } from '../demo/auto-seed';
import { seedSummary } from '../demo/demo-summary';

const log = pino({ name: 'peermatch' });

/** What this process has started so far, stopped in the reverse order: the app, then its database. */
interface Running {
  app?: INestApplicationContext;
  embedded?: EmbeddedDatabase;
}

async function stop(running: Running): Promise<void> {
  // The API stops taking requests, then the consumer finishes its jobs (app.close does both, in that order).
  await running.app?.close();
  if (running.embedded) {
    await running.embedded.stop();
    log.info('embedded PostgreSQL stopped');
  }
}

/** Anyone who can reach the port can sign tokens with the public development secret. */
function listenHost(environment: Environment): string {
  return jwtSecretOf(environment) === DEVELOPMENT_JWT_SECRET ? '127.0.0.1' : '0.0.0.0';
}

async function start(environment: Environment, running: Running): Promise<void> {
  if (environment.APP_ROLE !== 'worker') await assertPortFree(environment.PORT, listenHost(environment));
  if (!environment.DATABASE_URL) {
    log.info({ dir: environment.EMBEDDED_DB_DIR }, 'DATABASE_URL unset: starting the embedded PostgreSQL');
    running.embedded = await startEmbeddedPostgres({
      dataDir: environment.EMBEDDED_DB_DIR,
      port: environment.EMBEDDED_DB_PORT,
      // Stopped after the app has closed, not by the terminal's Ctrl-C along with this process.
      detached: true,
      onLog: (line) => log.debug({ postgres: line.trim() }),
    });
  }
  const databaseUrl = environment.DATABASE_URL ?? running.embedded!.url;

  const applied = await runMigrations(databaseUrl).catch((error: unknown) => {
    throw explainDatabaseFailure(error, databaseUrl);
  });
  if (applied.length) log.info({ migrations: applied }, 'applied migrations');
  // Before the app: its first sweep then finds the demo requests owed suggestions.
  const seeded = await autoSeed(databaseUrl, environment);
  if (seeded) log.info(`${seedSummary(seeded)} (a first start on an empty database; DEMO_SEED=off starts empty)`);

  const options = {
    environment,
    database: { url: databaseUrl },
    queue: { redisUrl: environment.REDIS_URL, databaseUrl, prefix: environment.QUEUE_PREFIX },
    role: environment.APP_ROLE,
  };
  if (environment.APP_ROLE === 'worker') {
    running.app = await createConsumer(options);
  } else {
    const app = await createApp(options);
    running.app = app;
    await listen(app, environment);
  }
  log.info({ role: environment.APP_ROLE, queue: environment.REDIS_URL ? 'redis' : 'postgres' }, 'started');
}

async function listen(app: NestFastifyApplication, environment: Environment): Promise<void> {
  const host = listenHost(environment);
  const loopbackOnly = host === '127.0.0.1';
  await app.listen({ port: environment.PORT, host }).catch((error: unknown) => {
    throw explainListenFailure(error, environment.PORT);
  });
  if (loopbackOnly) {
    log.warn(
      { host },
      'development secret in use: listening on loopback only; set JWT_SECRET to listen on all interfaces',
    );
  }
  const bound = app.getHttpServer().address() as AddressInfo;
  log.info(
    { address: bound.address, port: bound.port },
    `Pages on http://${loopbackOnly ? '127.0.0.1' : 'localhost'}:${bound.port}/, GraphQL API at /graphql`,
  );
}

/** One line, the cause and the fix; the stack only when asked for (LOG_LEVEL=debug). */
function fail(error: unknown): void {
  log.fatal(startFailureLine(error));
  log.debug({ err: error }, 'start failure in detail');
}

async function main(): Promise<void> {
  const environment = parseEnvironment(process.env);
  log.level = environment.LOG_LEVEL;
  const refusal = startRefusalOf(environment);
  if (refusal) throw new InvalidEnvironmentError(refusal);

  const running: Running = {};
  let stopping = false;
  let starting: Promise<void> = Promise.resolve();
  // Registered before anything starts, so that a signal during the start stops what has started.
  // A second signal changes nothing: `npm start` passes on the terminal's Ctrl-C, which this process also gets.
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing jobs in progress');
    void starting
      .catch(() => undefined)
      .then(() => stop(running))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error(`Stopping failed: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  // A failure no promise carries (an emitter's unhandled 'error') still ends the start in one line.
  const onUncaught = (error: unknown) => {
    fail(error);
    void stop(running)
      .catch(() => undefined)
      .then(() => process.exit(1));
  };
  process.on('uncaughtException', onUncaught);
  starting = start(environment, running);
  try {
    await starting;
    process.off('uncaughtException', onUncaught);
  } catch (error) {
    // Interrupted: the signal's handler stops what started, and the failure is the interruption's.
    if (stopping) return;
    fail(error);
    await stop(running).catch(() => undefined);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  fail(error);
  process.exit(1);
});
