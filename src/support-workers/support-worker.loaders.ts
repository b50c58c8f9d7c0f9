import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byId } from '../common/loaders/loader-registry';
import { tagsByOwner } from '../taxonomy/taxonomy.loaders';
import { Tag } from '../taxonomy/tag.entity';
import { SupportWorker } from './support-worker.entity';

declare module '../common/loaders/loader-registry' {
  interface Loaders {
    supportWorkerById: DataLoader<string, SupportWorker | null>;
    tagsOfSupportWorker: DataLoader<string, Tag[]>;
  }
}

export function supportWorkerLoaders(dataSource: DataSource) {
  return {
    supportWorkerById: byId(dataSource, SupportWorker),
    tagsOfSupportWorker: tagsByOwner(dataSource, 'support_worker_tag', 'support_worker_id'),
  };
}
