/**
 * Runs a command with DATABASE_URL pointing at a server: the one already in DATABASE_URL, or
 * the embedded PostgreSQL (started here when no PeerMatch process is running it).
 * Usage: ts-node scripts/with-database.ts <command> [args...]
 */
import { spawn } from 'node:child_process';
import { parseEnvironment } from '../src/config/environment';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-database <command> [args...]');
  const environment = parseEnvironment(process.env);
  const embedded = environment.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: environment.EMBEDDED_DB_DIR, port: environment.EMBEDDED_DB_PORT });
  try {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: environment.DATABASE_URL ?? embedded!.url },
    });
    return await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
