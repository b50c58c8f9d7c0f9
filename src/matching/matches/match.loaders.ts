import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byId, onePerPeer } from '../../common/loaders/loader-registry';
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
    activeMatchOfPeer: onePerPeer(dataSource, Match, { status: MatchStatus.ACTIVE }),
    activeMatchCountOfSupportWorker: new DataLoader<string, number>(async (workerIds) => {
      const counts = await activeMatchCounts(dataSource.manager, workerIds);
      return workerIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
