import DataLoader from 'dataloader';
import { DataSource, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { activeMatchCounts } from '../../matching/matches/active-match-counts';
import { Match } from '../../matching/matches/match.entity';
import { MatchStatus, VISIBLE_SUGGESTION_STATUSES } from '../../matching/matching.enums';
import { MatchRequest } from '../../matching/requests/match-request.entity';
import { Suggestion } from '../../matching/suggestions/suggestion.entity';
import { Peer } from '../../peers/peer.entity';
import { SupportWorker } from '../../support-workers/support-worker.entity';
import { Tag } from '../../taxonomy/tag.entity';

/** Per-request batch loaders, so nested fields cost a fixed number of queries per page. */
export interface Loaders {
  tagById: DataLoader<string, Tag | null>;
  tagsOfPeer: DataLoader<string, Tag[]>;
  tagsOfSupportWorker: DataLoader<string, Tag[]>;
  peerById: DataLoader<string, Peer | null>;
  supportWorkerById: DataLoader<string, SupportWorker | null>;
  activeMatchOfPeer: DataLoader<string, Match | null>;
  matchById: DataLoader<string, Match | null>;
  matchRequestById: DataLoader<string, MatchRequest | null>;
  suggestionById: DataLoader<string, Suggestion | null>;
  /** The support workers suggested to, or matched with, each peer: the only ones the peer may see. */
  workersOfPeer: DataLoader<string, ReadonlySet<string>>;
  /** A request's suggestions as its field lists them, for ranking them as a redacted reader sees them. */
  suggestionsOfRequest: DataLoader<string, Suggestion[]>;
  activeMatchCountOfSupportWorker: DataLoader<string, number>;
}

function byId<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as FindOptionsWhere<T>);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
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
    tagById: byId(dataSource, Tag),
    peerById: byId(dataSource, Peer),
    supportWorkerById: byId(dataSource, SupportWorker),
    matchById: byId(dataSource, Match),
    matchRequestById: byId(dataSource, MatchRequest),
    suggestionById: byId(dataSource, Suggestion),
    activeMatchOfPeer: new DataLoader(async (peerIds) => {
      const matches = await dataSource
        .getRepository(Match)
        .findBy({ peerId: In([...peerIds]), status: MatchStatus.ACTIVE });
      const byPeer = new Map(matches.map((match) => [match.peerId, match]));
      return peerIds.map((id) => byPeer.get(id) ?? null);
    }),
    activeMatchCountOfSupportWorker: new DataLoader(async (workerIds) => {
      const counts = await activeMatchCounts(dataSource.manager, workerIds);
      return workerIds.map((id) => counts.get(id) ?? 0);
    }),
    workersOfPeer: new DataLoader(async (peerIds) => {
      const rows: { peer_id: string; support_worker_id: string }[] = await dataSource.query(
        `SELECT peer_id, support_worker_id FROM suggestion WHERE peer_id = ANY($1::uuid[])
         UNION SELECT peer_id, support_worker_id FROM match WHERE peer_id = ANY($1::uuid[])`,
        [peerIds],
      );
      const byPeer = new Map(peerIds.map((id) => [id, new Set<string>()]));
      for (const row of rows) byPeer.get(row.peer_id)?.add(row.support_worker_id);
      return peerIds.map((id) => byPeer.get(id) ?? new Set<string>());
    }),
    suggestionsOfRequest: new DataLoader(async (requestIds) => {
      const rows = await dataSource.getRepository(Suggestion).findBy({
        requestId: In([...requestIds]),
        status: In(VISIBLE_SUGGESTION_STATUSES),
      });
      return requestIds.map((id) => rows.filter((row) => row.requestId === id));
    }),
    tagsOfPeer: tagsByOwner(dataSource, 'peer_tag', 'peer_id'),
    tagsOfSupportWorker: tagsByOwner(dataSource, 'support_worker_tag', 'support_worker_id'),
  };
}
