import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccessPolicy, REACHABLE } from '../common/access/policy';
import { SUBJECT_MAX_LENGTH } from '../common/auth/principal';
import { AuditAction, AuditSubject } from './audit.enums';

/**
 * Who read health information or changed a record, when, and through which operation. Append
 * only (a trigger refuses UPDATE and DELETE), with ids and names of things, never their values.
 */
@ObjectType()
@AccessPolicy(REACHABLE)
@Entity('audit_event')
@Index('IDX_audit_event_subject', ['subjectId', 'occurredAt'])
@Index('IDX_audit_event_person', ['personId', 'occurredAt'])
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt!: Date;

  @Field({ description: 'The token subject of whoever did it.' })
  @Column({ name: 'actor_subject', type: 'varchar', length: SUBJECT_MAX_LENGTH })
  actorSubject!: string;

  @Field()
  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole!: string;

  @Field(() => AuditAction)
  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action!: AuditAction;

  @Field({ description: 'The GraphQL operation field it happened through, e.g. peer or acceptSuggestion.' })
  @Column({ type: 'varchar', length: 100 })
  operation!: string;

  @Field(() => AuditSubject)
  @Column({ name: 'subject_type', type: 'enum', enum: AuditSubject, enumName: 'audit_subject' })
  subjectType!: AuditSubject;

  @Field(() => ID)
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
