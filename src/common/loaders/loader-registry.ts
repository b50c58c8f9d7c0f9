import DataLoader from 'dataloader';
import { DataSource, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';

/**
 * Per-request batch loaders, so that nested fields cost a fixed number of queries per page.
 * Empty here: each domain adds the loaders its fields use, next to them, by declaration
 * merging (`declare module '…/common/loaders/loader-registry' { interface Loaders { … } }`),
 * and the application composes their factories into one registry per request.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

export function byId<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as FindOptionsWhere<T>);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** The one row per peer that also matches `where` (an active match, an open request), batched by peer. */
export function onePerPeer<T extends ObjectLiteral & { peerId: string }>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
) {
  return new DataLoader<string, T | null>(async (peerIds) => {
    const rows = await dataSource
      .getRepository(entity)
      .findBy({ ...where, peerId: In([...peerIds]) } as FindOptionsWhere<T>);
    const found = new Map(rows.map((row) => [row.peerId, row]));
    return peerIds.map((id) => found.get(id) ?? null);
  });
}
