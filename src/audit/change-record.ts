import { EntityManager } from 'typeorm';
import type { Actor } from '../common/access/actor';
import { AuditEvent } from './audit-event.entity';
import { AuditAction, AuditSubject } from './audit.enums';

export interface Change {
  action: AuditAction;
  subjectType: AuditSubject;
  subjectId: string;
  /** The peer or support worker whose data it is. */
  personId: string | null;
}

/**
 * Puts a change on record inside the transaction that makes it: if the row cannot be written,
 * the change is rolled back with it, so there is no change without its record.
 */
export async function recordChange(manager: EntityManager, actor: Actor, change: Change): Promise<void> {
  await manager.insert(AuditEvent, {
    actorSubject: actor.principal.subject,
    actorRole: actor.principal.role,
    operation: actor.operation,
    ...change,
  });
}
