import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccessPolicy, REACHABLE } from '../common/access/policy';
import { SUBJECT_MAX_LENGTH } from '../common/auth/principal';
import { AuditAction, AuditSubject } from './audit.enums';

/**
 * Who read health information or changed a record, when, and through which operation. Append
 * only (a trigger refuses UPDATE and DELETE), with ids and names of things, never their values.
 */
@ObjectType({
  description:
    'Who read health information or changed a record, when, and through which operation. Never changed or removed; holds ids and names of things, never their values.',
})
@AccessPolicy(REACHABLE)
@Entity('audit_event')
@Index('IDX_audit_event_subject', ['subjectId', 'occurredAt'])
@Index('IDX_audit_event_person', ['personId', 'occurredAt'])
export class AuditEvent {
  @Field(() => ID, { description: 'The event’s id, a UUID.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'When it happened, to the millisecond.' })
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt!: Date;

  @Field({ description: 'The token subject of whoever did it.' })
  @Column({ name: 'actor_subject', type: 'varchar', length: SUBJECT_MAX_LENGTH })
  actorSubject!: string;

  @Field({ description: 'The role of whoever did it: ADMIN, INTAKE, PEER, SUPPORT_WORKER or SERVICE.' })
  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole!: string;

  @Field(() => AuditAction, { description: 'What happened.' })
  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action!: AuditAction;

  @Field({ description: 'The GraphQL operation field it happened through, e.g. peer or acceptSuggestion.' })
  @Column({ type: 'varchar', length: 100 })
  operation!: string;

  @Field(() => AuditSubject, { description: 'The kind of record it happened to.' })
  @Column({ name: 'subject_type', type: 'enum', enum: AuditSubject, enumName: 'audit_subject' })
  subjectType!: AuditSubject;

  @Field(() => ID, { description: 'The id of the record it happened to.' })
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Field(() => ID, { nullable: true, description: 'The peer or support worker whose data it was.' })
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  /** Keyset paging sorts on this; no separate creation time. */
  get createdAt(): Date {
    return this.occurredAt;
  }
}
