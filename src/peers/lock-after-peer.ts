import { EntityManager, EntityTarget, FindOptionsSelect, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { Peer } from './peer.entity';

/**
 * Locks the peer a row belongs to, then the row: every writer of a peer's requests, suggestions
 * and matches takes the peer's row first (README, lock order), so no two of them wait on each
 * other's rows in opposite orders. The row is read again once locked: what it was before the
 * wait may have changed.
 */
export async function lockAfterPeer<T extends ObjectLiteral & { id: string; peerId: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  missing: () => Error,
): Promise<T> {
  const where = { id } as FindOptionsWhere<T>;
  const unlocked = await manager.findOne(entity, { where, select: { id: true, peerId: true } as FindOptionsSelect<T> });
  if (!unlocked) throw missing();
  await manager.findOne(Peer, { where: { id: unlocked.peerId }, lock: { mode: 'pessimistic_write' } });
  const row = await manager.findOne(entity, { where, lock: { mode: 'pessimistic_write' } });
  if (!row) throw missing();
  return row;
}
