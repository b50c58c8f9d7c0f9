import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Tag } from '../../taxonomy/tag.entity';

/** Per-request batch loaders, so nested fields cost a fixed number of queries per page. */
export interface Loaders {
  tagById: DataLoader<string, Tag | null>;
  tagsOfPeer: DataLoader<string, Tag[]>;
  tagsOfSupportWorker: DataLoader<string, Tag[]>;
}

interface TagRow {
  owner_id: string;
  id: string;
  kind: Tag['kind'];
  slug: string;
  label: string;
  parent_id: string | null;
}

function tagsByOwner(dataSource: DataSource, joinTable: 'peer_tag' | 'support_worker_tag', ownerColumn: string) {
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

export function createLoaders(dataSource: DataSource): Loaders {
  return {
    tagById: new DataLoader(async (ids) => {
      const tags = await dataSource.getRepository(Tag).findBy({ id: In([...ids]) });
      const byId = new Map(tags.map((tag) => [tag.id, tag]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    tagsOfPeer: tagsByOwner(dataSource, 'peer_tag', 'peer_id'),
    tagsOfSupportWorker: tagsByOwner(dataSource, 'support_worker_tag', 'support_worker_id'),
  };
}
