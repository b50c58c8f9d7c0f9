/**
 * `npm run seed:demo`: fills the database (DATABASE_URL, or the embedded PostgreSQL) with the
 * demo service's people, migrating it first as `npm start` does. Safe to run again.
 */
import 'reflect-metadata';
import { parseEnvironment } from '../src/config/environment';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { withDataSource } from '../src/demo/demo-database';
import { demoSignIns } from '../src/demo/demo-sign-in';
import { seedSummary, signInSummary } from '../src/demo/demo-summary';
import { refuseInProduction, seedDemo } from '../src/demo/seed-demo';

async function main(): Promise<void> {
  const environment = parseEnvironment(process.env);
  // Refused before any database is started or touched.
  refuseInProduction(environment);
  const embedded = environment.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: environment.EMBEDDED_DB_DIR, port: environment.EMBEDDED_DB_PORT });
  try {
    const url = environment.DATABASE_URL ?? embedded!.url;
    await runMigrations(url);
    await withDataSource(url, async (dataSource) => {
      const result = await seedDemo(dataSource, environment);
      console.log(seedSummary(result));
      console.log(signInSummary(await demoSignIns(dataSource)));
    });
  } finally {
    await embedded?.stop();
  }
}

// One line, the cause: a refusal, a wrong setting or a database out of reach.
main().catch((error: unknown) => {
  console.error(String(error instanceof Error ? error.message : error).split('\n')[0]);
  process.exit(1);
});
