import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byId } from '../../common/loaders/loader-registry';
import { VISIBLE_SUGGESTION_STATUSES } from '../core/matching.enums';
import { Suggestion } from './suggestion.entity';

declare module '../../common/loaders/loader-registry' {
  interface Loaders {
    suggestionById: DataLoader<string, Suggestion | null>;
    /** A request's suggestions as its field lists them, for ranking them as a redacted reader sees them. */
    suggestionsOfRequest: DataLoader<string, Suggestion[]>;
    /** The support workers suggested to, or matched with, each peer: the only ones the peer may see. */
    workersOfPeer: DataLoader<string, ReadonlySet<string>>;
  }
}

export function suggestionLoaders(dataSource: DataSource) {
  return {
    suggestionById: byId(dataSource, Suggestion),
    suggestionsOfRequest: new DataLoader<string, Suggestion[]>(async (requestIds) => {
      const rows = await dataSource.getRepository(Suggestion).findBy({
        requestId: In([...requestIds]),
        status: In(VISIBLE_SUGGESTION_STATUSES),
      });
      return requestIds.map((id) => rows.filter((row) => row.requestId === id));
    }),
    workersOfPeer: new DataLoader<string, ReadonlySet<string>>(async (peerIds) => {
      // A match always comes from a suggestion, so the suggestions alone name every such worker.
      const rows: { peer_id: string; support_worker_id: string }[] = await dataSource.query(
        `SELECT DISTINCT peer_id, support_worker_id FROM suggestion WHERE peer_id = ANY($1::uuid[])`,
        [peerIds],
      );
      const byPeer = new Map(peerIds.map((id) => [id, new Set<string>()]));
      for (const row of rows) byPeer.get(row.peer_id)?.add(row.support_worker_id);
      return peerIds.map((id) => byPeer.get(id) ?? new Set<string>());
    }),
  };
}
