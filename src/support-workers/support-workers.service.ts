import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction, AuditSubject } from '../audit/audit.enums';
import { recordChange } from '../audit/change-record';
import type { Actor } from '../common/access/actor';
import { Connection, PageArgs } from '../common/pagination/connection';
import { ProfileStore } from '../profiles/profile-store';
import { applyProfileFields } from '../profiles/profile-writer';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CreateSupportWorkerInput } from './dto/create-support-worker.input';
import { UpdateSupportWorkerInput } from './dto/update-support-worker.input';
import { SupportWorker } from './support-worker.entity';
import { SupportWorkerChanged } from './support-worker.events';

function applySupportWorkerFields(worker: SupportWorker, input: UpdateSupportWorkerInput): void {
  applyProfileFields(worker, input);
  if (input.serviceRadiusKm !== undefined) worker.serviceRadiusKm = input.serviceRadiusKm ?? null;
  if (input.capacity !== undefined && input.capacity !== null) worker.capacity = input.capacity;
  if (input.active !== undefined && input.active !== null) worker.active = input.active;
  if (input.acceptingNewPeers !== undefined && input.acceptingNewPeers !== null)
    worker.acceptingNewPeers = input.acceptingNewPeers;
}

@Injectable()
export class SupportWorkersService {
  private readonly store: ProfileStore<SupportWorker, UpdateSupportWorkerInput>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    taxonomy: TaxonomyService,
    private readonly events: EventEmitter2,
  ) {
    this.store = new ProfileStore(dataSource, taxonomy, {
      entity: SupportWorker,
      alias: 'support_worker',
      notFound: 'SUPPORT_WORKER_NOT_FOUND',
      noun: 'support worker',
      required: ['displayName', 'languages', 'modes', 'capacity', 'active', 'acceptingNewPeers'],
      defaults: () => ({ active: true, acceptingNewPeers: true }),
      apply: applySupportWorkerFields,
    });
  }

  findById(id: string): Promise<SupportWorker | null> {
    return this.store.findById(id);
  }

  list(page: PageArgs): Promise<Connection<SupportWorker>> {
    return this.store.list(page);
  }

  /** A new worker may suit peers already waiting: their requests are recomputed. */
  async create(input: CreateSupportWorkerInput, actor: Actor): Promise<SupportWorker> {
    const worker = await this.store.create(input, (manager, saved) =>
      recordChange(manager, actor, this.change(AuditAction.CREATE, saved)),
    );
    await this.changed(worker.id);
    return worker;
  }

  /**
   * Profile, capacity, activity or taking new peers changes who suits whom: open requests are
   * recomputed, and a worker who stops taking new peers leaves the open suggestions naming them.
   */
  async update(id: string, input: UpdateSupportWorkerInput, actor: Actor): Promise<SupportWorker> {
    const worker = await this.store.update(id, input, (manager, saved) =>
      recordChange(manager, actor, this.change(AuditAction.UPDATE, saved)),
    );
    await this.changed(id);
    return worker;
  }

  private async changed(supportWorkerId: string): Promise<void> {
    await this.events.emitAsync(SupportWorkerChanged.NAME, new SupportWorkerChanged(supportWorkerId));
  }

  private change(action: AuditAction, worker: SupportWorker) {
    return { action, subjectType: AuditSubject.SUPPORT_WORKER, subjectId: worker.id, personId: worker.id };
  }
}
