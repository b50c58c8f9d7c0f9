import type { ReadRecord, ReadRecorder } from '../common/access/access-context';
import type { Authentication } from '../common/auth/authentication';
import { AuditAction, AuditSubject } from './audit.enums';

export interface AuditEntry {
  actorSubject: string;
  actorRole: string;
  action: AuditAction;
  operation: string;
  subjectType: AuditSubject;
  subjectId: string;
  personId: string | null;
}

/** The reads one GraphQL request put on record; written once, before its response leaves. */
export class AuditTrail implements ReadRecorder {
  private readonly entries = new Map<string, AuditEntry>();

  constructor(private readonly authentication: () => Authentication | undefined) {}

  record(read: ReadRecord): void {
    const authentication = this.authentication();
    if (authentication?.kind !== 'verified') return;
    const { principal } = authentication;
    // One row per person and kind of read per request, however many of their records were read.
    const key = `${read.action}:${read.person.id}`;
    if (this.entries.has(key)) return;
    this.entries.set(key, {
      actorSubject: principal.subject,
      actorRole: principal.role,
      action: read.action as AuditAction,
      operation: read.operation,
      subjectType: read.person.type as AuditSubject,
      subjectId: read.person.id,
      personId: read.person.id,
    });
  }

  drain(): AuditEntry[] {
    const drained = [...this.entries.values()];
    this.entries.clear();
    return drained;
  }
}
