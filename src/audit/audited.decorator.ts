import { SetMetadata } from '@nestjs/common';
import { AuditAction, AuditSubject } from './audit.enums';

export const AUDITED_KEY = 'peermatch:audited';

export interface AuditedSpec {
  action: AuditAction;
  subjectType: AuditSubject;
  /** From the operation's result and arguments: the record changed and whose data it holds. */
  subject: (result: never, args: Record<string, unknown>) => { subjectId: string; personId: string | null };
}

/** A change this operation makes is put on record once it has succeeded. */
export const Audited = <R>(
  action: AuditAction,
  subjectType: AuditSubject,
  subject: (result: R, args: Record<string, unknown>) => { subjectId: string; personId: string | null },
) => SetMetadata(AUDITED_KEY, { action, subjectType, subject } as AuditedSpec);
