import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Connection, PageArgs, paginate } from '../common/pagination/connection';
import { AuditEvent } from './audit-event.entity';
import { AuditEntry } from './audit-trail';

export interface AuditFilter {
  subjectId?: string | null;
  personId?: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async write(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length) await this.dataSource.manager.insert(AuditEvent, [...entries]);
  }

  list(filter: AuditFilter, page: PageArgs): Promise<Connection<AuditEvent>> {
    const query = this.dataSource.manager.createQueryBuilder(AuditEvent, 'audit');
    if (filter.subjectId) query.andWhere('audit.subjectId = :subjectId', { subjectId: filter.subjectId });
    if (filter.personId) query.andWhere('audit.personId = :personId', { personId: filter.personId });
    return paginate(query, page, 'occurredAt');
  }
}
