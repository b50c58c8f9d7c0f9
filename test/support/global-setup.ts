import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { runMigrations } from '../../src/database/migrate';
import { freePort } from './free-port';
import { TEMPLATE_DATABASE } from './test-database';

declare global {
  var __EMBEDDED_TEST_DATABASE__: { stop: () => Promise<void> } | undefined;
  var __PEERMATCH_TEST_RUN_DIR__: string | undefined;
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
  // Everything the run writes to the temporary directory goes under one folder of its own,
  // removed at teardown: the suite leaves nothing behind. Readable by all, since the embedded
  // PostgreSQL runs as the postgres user when the suite runs as root.
  const runDir = await mkdtemp(join(tmpdir(), 'peermatch-test-run-'));
  await chmod(runDir, 0o755);
  process.env.TMPDIR = runDir;
  globalThis.__PEERMATCH_TEST_RUN_DIR__ = runDir;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = await mkdtemp(join(runDir, 'peermatch-test-db-'));
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
