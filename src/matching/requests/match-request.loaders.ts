import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byId } from '../../common/loaders/loader-registry';
import { MatchRequest } from './match-request.entity';

declare module '../../common/loaders/loader-registry' {
  interface Loaders {
    matchRequestById: DataLoader<string, MatchRequest | null>;
  }
}

export function matchRequestLoaders(dataSource: DataSource) {
  return { matchRequestById: byId(dataSource, MatchRequest) };
}
