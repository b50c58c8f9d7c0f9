import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { runMigrations } from '../../src/database/migrate';
import { freePort } from './free-port';
import { TEMPLATE_DATABASE } from './test-database';

declare global {
  var __EMBEDDED_TEST_DATABASE__: { stop: () => Promise<void> } | undefined;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One PostgreSQL for the whole run: DATABASE_URL when given, else an embedded server in a
 * fresh temporary directory. Migrations are applied once to a template database that each
 * test file copies, so files run in parallel without seeing each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    // The directory itself is handed to the postgres user, so it is made directly under tmp.
    const dataDir = await mkdtemp(join(tmpdir(), 'peermatch-test-db-'));
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'postgres',
      persistent: false,
    });
    globalThis.__EMBEDDED_TEST_DATABASE__ = embedded;
    serverUrl = embedded.url;
  }
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await runMigrations(withDatabase(serverUrl, TEMPLATE_DATABASE));
  process.env.PEERMATCH_TEST_SERVER_URL = serverUrl;
}
