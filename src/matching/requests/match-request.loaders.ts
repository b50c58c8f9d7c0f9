import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byId } from '../../common/loaders/loader-registry';
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
    openRequestOfPeer: new DataLoader<string, MatchRequest | null>(async (peerIds) => {
      const requests = await dataSource
        .getRepository(MatchRequest)
        .findBy({ peerId: In([...peerIds]), status: In([...OPEN_REQUEST_STATUSES]) });
      const byPeer = new Map(requests.map((request) => [request.peerId, request]));
      return peerIds.map((id) => byPeer.get(id) ?? null);
    }),
  };
}
