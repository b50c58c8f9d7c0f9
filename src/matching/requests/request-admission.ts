import type { EntityManager } from 'typeorm';

/**
 * Who may open a request now. The rule that a peer in an active match cannot ask belongs to
 * matches/, which sits above requests/: it provides this, so requests/ never imports it.
 */
export abstract class RequestAdmission {
  /** Throws a DomainError, inside the request's transaction, when the peer may not ask. */
  abstract admit(manager: EntityManager, peerId: string): Promise<void>;
}
