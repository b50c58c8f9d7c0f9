import { Peer } from '../peers/peer.entity';
import { SupportWorker } from '../support-workers/support-worker.entity';
import { Tag } from '../taxonomy/tag.entity';

export const ENTITIES = [Tag, Peer, SupportWorker];
