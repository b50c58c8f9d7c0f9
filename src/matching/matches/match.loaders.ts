import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byId } from '../../common/loaders/loader-registry';
import { MatchStatus } from '../core/matching.enums';
import { activeMatchCounts } from './active-match-counts';
import { Match } from './match.entity';

declare module '../../common/loaders/loader-registry' {
  interface Loaders {
    matchById: DataLoader<string, Match | null>;
    activeMatchOfPeer: DataLoader<string, Match | null>;
    activeMatchCountOfSupportWorker: DataLoader<string, number>;
  }
}

export function matchLoaders(dataSource: DataSource) {
  return {
    matchById: byId(dataSource, Match),
    activeMatchOfPeer: new DataLoader<string, Match | null>(async (peerIds) => {
      const matches = await dataSource
        .getRepository(Match)
        .findBy({ peerId: In([...peerIds]), status: MatchStatus.ACTIVE });
      const byPeer = new Map(matches.map((match) => [match.peerId, match]));
      return peerIds.map((id) => byPeer.get(id) ?? null);
    }),
    activeMatchCountOfSupportWorker: new DataLoader<string, number>(async (workerIds) => {
      const counts = await activeMatchCounts(dataSource.manager, workerIds);
      return workerIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
