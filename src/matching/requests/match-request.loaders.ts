import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byId, onePerPeer } from '../../common/loaders/loader-registry';
import { OPEN_REQUEST_STATUSES } from '../core/matching.enums';
import { MatchRequest } from './match-request.entity';

declare module '../../common/loaders/loader-registry' {
  interface Loaders {
    matchRequestById: DataLoader<string, MatchRequest | null>;
    /** Each peer's PENDING, READY or NO_CANDIDATES request: at most one, by a unique index. */
    openRequestOfPeer: DataLoader<string, MatchRequest | null>;
  }
}

export function matchRequestLoaders(dataSource: DataSource) {
  return {
    matchRequestById: byId(dataSource, MatchRequest),
    openRequestOfPeer: onePerPeer(dataSource, MatchRequest, { status: In([...OPEN_REQUEST_STATUSES]) }),
  };
}
