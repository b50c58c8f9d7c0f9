import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byId } from '../common/loaders/loader-registry';
import { Tag } from './tag.entity';

declare module '../common/loaders/loader-registry' {
  interface Loaders {
    tagById: DataLoader<string, Tag | null>;
  }
}

interface TagRow {
  owner_id: string;
  id: string;
  kind: Tag['kind'];
  slug: string;
  label: string;
  parent_id: string | null;
}

/** The tags of each owner (a peer, a support worker) through its link table, by slug. */
export function tagsByOwner(dataSource: DataSource, joinTable: 'peer_tag' | 'support_worker_tag', ownerColumn: string) {
  return new DataLoader<string, Tag[]>(async (ownerIds) => {
    const rows: TagRow[] = await dataSource.query(
      `SELECT link.${ownerColumn} AS owner_id, tag.id, tag.kind, tag.slug, tag.label, tag.parent_id
         FROM ${joinTable} link JOIN tag ON tag.id = link.tag_id
        WHERE link.${ownerColumn} = ANY($1::uuid[])
        ORDER BY tag.slug`,
      [ownerIds],
    );
    const byOwner = new Map<string, Tag[]>(ownerIds.map((id) => [id, []]));
    for (const { owner_id, parent_id, ...tag } of rows) {
      byOwner.get(owner_id)?.push(Object.assign(new Tag(), tag, { parentId: parent_id }));
    }
    return ownerIds.map((id) => byOwner.get(id) ?? []);
  });
}

export function taxonomyLoaders(dataSource: DataSource) {
  return { tagById: byId(dataSource, Tag) };
}
