import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** serialization_failure and deadlock_detected: PostgreSQL rolled the work back whole, so it can run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 4;
const BACKOFF_MS = 15;

function isRetryable(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * A transaction that PostgreSQL may abort to break a deadlock or a serialisation conflict runs
 * again, a few times with a short random wait, before the failure reaches the caller. The work
 * must touch nothing outside the transaction, as a rolled-back attempt leaves no trace.
 */
export async function retryingTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      await sleep(BACKOFF_MS * attempt * (0.5 + Math.random()));
    }
  }
}
