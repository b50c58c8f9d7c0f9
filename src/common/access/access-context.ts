import type { Authentication } from '../auth/authentication';
import type { Principal } from '../auth/principal';
import type { Policy, PersonRef } from './policy';
import type { Verdict } from './grant';

export interface ReadRecord {
  action: string;
  person: PersonRef;
  /** The schema's name of the operation it was read through (never the client's alias). */
  operation: string;
}

/** Where reads that must be on record go; written before the response leaves. */
export interface ReadRecorder {
  record(read: ReadRecord): void;
}

/** Whether the person a verified token names still has a record (an erased peer's token grants nothing). */
export type PersonCheck = (principal: Principal) => boolean | Promise<boolean>;

/** What the policy mechanism keeps for one GraphQL request. */
export interface AccessContext {
  authentication: Authentication;
  reads: ReadRecorder;
  personExists: PersonCheck;
  /** Decided once per request, before the first operation runs. */
  personChecked?: Promise<void>;
  /** Response key of each top-level field → its schema name. */
  readonly rootFields: Map<string | number, string>;
  /** One decision per record and policy, however many fields share the policy; anew for each change. */
  decisions: WeakMap<object, Map<Policy, Verdict | Promise<Verdict>>>;
}

export function createAccessContext(
  authentication: Authentication | undefined,
  reads: ReadRecorder,
  personExists: PersonCheck,
): AccessContext {
  return {
    authentication: authentication ?? { kind: 'anonymous' },
    reads,
    personExists,
    rootFields: new Map(),
    decisions: new WeakMap(),
  };
}

export interface WithAccess {
  access: AccessContext;
}
