import { Args, ArgsType, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { AccessPolicy, definePolicy } from '../common/access/policy';
import { STAFF } from '../common/access/staff';
import { Connection, ConnectionOf, PageArgs } from '../common/pagination/connection';
import { AuditEvent } from './audit-event.entity';
import { AuditService } from './audit.service';

/** Who read or changed what: for administrators only. */
const READ_AUDIT_TRAIL = definePolicy('auditEvents', { ADMIN: STAFF.ADMIN });

@ObjectType({ description: 'A page of audit events, oldest first.' })
export class AuditEventConnection extends ConnectionOf(AuditEvent, 'AuditEvent') {}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only events about this record.' })
  @IsOptional()
  @IsUUID('all', { message: 'subjectId must be a UUID' })
  subjectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events about this peer or support worker’s data.' })
  @IsOptional()
  @IsUUID('all', { message: 'personId must be a UUID' })
  personId?: string | null;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, { description: 'Who read health information or changed what, oldest first.' })
  @AccessPolicy(READ_AUDIT_TRAIL)
  auditEvents(@Args() args: AuditEventsArgs): Promise<Connection<AuditEvent>> {
    const { subjectId, personId, ...page } = args;
    return this.audit.list({ subjectId, personId }, Object.assign(new PageArgs(), page));
  }
}
