import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Connection, PageArgs } from '../common/pagination/connection';
import { ProfileStore } from '../common/profile/profile-store';
import { applyProfileFields } from '../common/profile/profile-writer';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CreateSupportWorkerInput } from './dto/create-support-worker.input';
import { UpdateSupportWorkerInput } from './dto/update-support-worker.input';
import { SupportWorker } from './support-worker.entity';

function applySupportWorkerFields(worker: SupportWorker, input: UpdateSupportWorkerInput): void {
  applyProfileFields(worker, input);
  if (input.serviceRadiusKm !== undefined) worker.serviceRadiusKm = input.serviceRadiusKm ?? null;
  if (input.capacity !== undefined && input.capacity !== null) worker.capacity = input.capacity;
  if (input.active !== undefined && input.active !== null) worker.active = input.active;
}

@Injectable()
export class SupportWorkersService {
  private readonly store: ProfileStore<SupportWorker, UpdateSupportWorkerInput>;

  constructor(@InjectDataSource() dataSource: DataSource, taxonomy: TaxonomyService) {
    this.store = new ProfileStore(dataSource, taxonomy, {
      entity: SupportWorker,
      alias: 'support_worker',
      notFound: 'SUPPORT_WORKER_NOT_FOUND',
      noun: 'support worker',
      required: ['displayName', 'languages', 'modes', 'capacity', 'active'],
      defaults: () => ({ active: true }),
      apply: applySupportWorkerFields,
    });
  }

  findById(id: string): Promise<SupportWorker | null> {
    return this.store.findById(id);
  }

  list(page: PageArgs): Promise<Connection<SupportWorker>> {
    return this.store.list(page);
  }

  create(input: CreateSupportWorkerInput): Promise<SupportWorker> {
    return this.store.create(input);
  }

  update(id: string, input: UpdateSupportWorkerInput): Promise<SupportWorker> {
    return this.store.update(id, input);
  }
}
