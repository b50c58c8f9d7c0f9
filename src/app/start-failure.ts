import { createServer } from 'node:net';
import { InvalidEnvironmentError } from '../config/environment';
import { EmbeddedDatabaseError } from '../database/embedded-database-error';

/** A start that cannot go on; the message names the cause and the fix, in one line. */
export class StartFailure extends Error {}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Where a connection string points, without who connects or with what password. */
function serverOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

/** The API's port taken: what to do about it, else the error as it was. */
export function explainListenFailure(error: unknown, port: number): unknown {
  if (codeOf(error) !== 'EADDRINUSE') return error;
  return new StartFailure(`Port ${port} is in use by another program: stop that program, or set PORT to a free port`);
}

/**
 * Fails, saying what to do, when the API's port is taken: before anything slow starts, and before
 * Nest's listen, which would also log the error as its own.
 */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(explainListenFailure(error, port)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** The database out of reach or refusing us: what to do about it, else the error as it was. */
export function explainDatabaseFailure(error: unknown, url: string): unknown {
  const code = codeOf(error);
  if (code && NETWORK_CODES.has(code))
    return new StartFailure(
      `Cannot reach the database at ${serverOf(url)} (${code}): start it, or correct DATABASE_URL`,
    );
  // SQLSTATE 28: wrong user or password; 3D000: no such database.
  if (code && (code.startsWith('28') || code === '3D000'))
    return new StartFailure(
      `The database at ${serverOf(url)} refused the connection (${(error as Error).message}): correct DATABASE_URL`,
    );
  return error;
}

/** The one line a failed start prints: the cause and the fix where known, else the error's first line. */
export function startFailureLine(error: unknown): string {
  if (
    error instanceof StartFailure ||
    error instanceof InvalidEnvironmentError ||
    error instanceof EmbeddedDatabaseError
  )
    return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Start failed: ${message.split('\n')[0]}`;
}
