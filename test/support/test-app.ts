import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppRole } from '../../src/app/app.module';
import { createApp } from '../../src/app/bootstrap';
import { DevelopmentClaims, signDevelopmentToken } from '../../src/common/auth/development-token';
import { DEVELOPMENT_JWT_SECRET, jwtSecretOf, parseEnvironment } from '../../src/config/environment';
import { QueryCounter } from './query-counter';
import { waitForJobs } from './queue';
import { createTestDatabase, TestDatabase } from './test-database';

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphqlError[];
}

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  queries: QueryCounter;
  /** POST /graphql as the caller the token names (no token: anonymous). */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphqlResponse<T>>;
  tokenFor(claims: DevelopmentClaims): Promise<string>;
  /** Waits for queued work, then deletes every profile: each test starts from the seeded taxonomy alone. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The real application on a database of this test file's own. */
export interface TestAppOptions {
  /** Settings as `npm start` reads them (RATE_LIMIT_PER_MINUTE: '5'), over the test run's own. */
  env?: Record<string, string | undefined>;
  /** Default all: API and queue consumer in this process. */
  role?: AppRole;
  /** Default: REDIS_URL; null forces the queue onto PostgreSQL. */
  redisUrl?: string | null;
  /** Default: one of this app's own. Replicas of one deployment share theirs, and with it queue and rate limit. */
  queuePrefix?: string;
  database?: TestDatabase;
}

export async function startTestApp(
  options: TestAppOptions = {},
): Promise<TestApp & { database: TestDatabase; queuePrefix: string }> {
  const database: TestDatabase = options.database ?? (await createTestDatabase());
  const queuePrefix = options.queuePrefix ?? `test-${randomBytes(4).toString('hex')}`;
  const queries = new QueryCounter();
  const environment = parseEnvironment({ ...process.env, ...options.env });
  const app = await createApp({
    environment,
    database: { url: database.url, logger: queries },
    // Redis when REDIS_URL is set, with a prefix of this file's own; else the queue in this file's database.
    queue: {
      redisUrl: options.redisUrl === undefined ? environment.REDIS_URL : (options.redisUrl ?? undefined),
      databaseUrl: database.url,
      prefix: queuePrefix,
    },
    role: options.role ?? 'all',
  });
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  return {
    app,
    database,
    queuePrefix,
    dataSource,
    queries,
    async gql(query, variables, token) {
      const call = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
      if (token) call.set('authorization', `Bearer ${token}`);
      const response = await call.send({ query, variables });
      return { status: response.status, data: response.body.data, errors: response.body.errors };
    },
    tokenFor: (claims) => signDevelopmentToken(jwtSecretOf(environment) ?? DEVELOPMENT_JWT_SECRET, claims),
    reset: async () => {
      // Jobs left by the previous test would otherwise race the truncation.
      await waitForJobs(app);
      await dataSource.query('TRUNCATE peer, support_worker CASCADE');
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** The first error's GraphQL code, for assertions that read as sentences. */
export function errorCode(response: GraphqlResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
