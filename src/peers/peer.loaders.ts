import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byId } from '../common/loaders/loader-registry';
import { tagsByOwner } from '../taxonomy/taxonomy.loaders';
import { Tag } from '../taxonomy/tag.entity';
import { Peer } from './peer.entity';

declare module '../common/loaders/loader-registry' {
  interface Loaders {
    peerById: DataLoader<string, Peer | null>;
    tagsOfPeer: DataLoader<string, Tag[]>;
  }
}

export function peerLoaders(dataSource: DataSource) {
  return { peerById: byId(dataSource, Peer), tagsOfPeer: tagsByOwner(dataSource, 'peer_tag', 'peer_id') };
}
