export enum AuditAction {
  /** Health information (lived experience, or reasons naming it) was read by someone other than its owner. */
  READ_SENSITIVE = 'READ_SENSITIVE',
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  REQUEST_MATCH = 'REQUEST_MATCH',
  CANCEL_REQUEST = 'CANCEL_REQUEST',
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  END = 'END',
  ERASE = 'ERASE',
  /** Everything held about a peer was handed out as a copy (exportPeerData). */
  EXPORT = 'EXPORT',
  /** A person signed in to the pages: a session began. */
  SIGN_IN = 'SIGN_IN',
  /** A person signed out of the pages: their session ended at once. */
  SIGN_OUT = 'SIGN_OUT',
}

export enum AuditSubject {
  PEER = 'PEER',
  SUPPORT_WORKER = 'SUPPORT_WORKER',
  MATCH_REQUEST = 'MATCH_REQUEST',
  SUGGESTION = 'SUGGESTION',
  MATCH = 'MATCH',
  /** A session of the pages, by its id; the cookie that opens it is never on record. */
  SESSION = 'SESSION',
}
