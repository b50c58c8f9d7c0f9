import { isOwnerOf } from '../common/auth/ownership';
import type { Principal } from '../common/auth/principal';
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

/** What one GraphQL request did that must be on record; written once, as the response leaves. */
export class AuditTrail {
  private readonly entries = new Map<string, AuditEntry>();

  constructor(private readonly principal: () => Principal | undefined) {}

  record(
    event: { action: AuditAction; subjectType: AuditSubject; subjectId: string; personId?: string | null },
    operation: string,
  ): void {
    const actor = this.principal();
    if (!actor) return;
    const entry: AuditEntry = {
      actorSubject: actor.subject,
      actorRole: actor.role,
      operation,
      personId: event.personId ?? null,
      ...event,
    };
    // One row per thing read or changed per request, however many fields touched it.
    this.entries.set(`${entry.action}:${entry.subjectType}:${entry.subjectId}`, entry);
  }

  /** Health information (lived experience, or what speaks of it) read by anyone but its owner. */
  recordHealthRead(
    read: {
      subjectType: AuditSubject;
      subjectId: string;
      personId: string;
      owner: { peerId?: string; supportWorkerId?: string };
    },
    operation: string,
  ): void {
    const actor = this.principal();
    if (!actor || isOwnerOf(actor, read.owner)) return;
    const { owner: _owner, ...subject } = read;
    this.record({ action: AuditAction.READ_SENSITIVE, ...subject }, operation);
  }

  drain(): AuditEntry[] {
    const drained = [...this.entries.values()];
    this.entries.clear();
    return drained;
  }
}
