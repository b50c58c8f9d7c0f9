import type { Authentication } from '../auth/authentication';
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

/** What the policy mechanism keeps for one GraphQL request. */
export interface AccessContext {
  authentication: Authentication;
  reads: ReadRecorder;
  /** Response key of each top-level field → its schema name. */
  readonly rootFields: Map<string | number, string>;
  /** One decision per record and policy per request, however many fields share the policy. */
  readonly decisions: WeakMap<object, Map<Policy, Verdict | Promise<Verdict>>>;
}

export function createAccessContext(authentication: Authentication | undefined, reads: ReadRecorder): AccessContext {
  return {
    authentication: authentication ?? { kind: 'anonymous' },
    reads,
    rootFields: new Map(),
    decisions: new WeakMap(),
  };
}

export interface WithAccess {
  access: AccessContext;
}
