import { isUUID } from 'class-validator';
import type DataLoader from 'dataloader';
import { DomainError } from '../errors/domain-error';

/**
 * The peer or support worker a record named by an argument belongs to, for ownership grants
 * decided before the operation runs. A malformed id is the caller's mistake, said as such.
 */
export async function ownerOfRecord<T>(
  loader: DataLoader<string, T | null>,
  id: unknown,
  field: string,
  owner: (record: T) => string,
): Promise<string | undefined> {
  const record = await loader.load(idArgument(id, field));
  return record ? owner(record) : undefined;
}

/** An id argument, checked before an ownership grant compares it: never echoed unchecked. */
export function idArgument(id: unknown, field: string): string {
  if (typeof id !== 'string' || !isUUID(id)) {
    throw new DomainError('INVALID_INPUT', `Invalid input: ${field} must be a UUID`, { fields: [field] });
  }
  return id.toLowerCase();
}
