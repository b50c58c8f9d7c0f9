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
}

export enum AuditSubject {
  PEER = 'PEER',
  SUPPORT_WORKER = 'SUPPORT_WORKER',
  MATCH_REQUEST = 'MATCH_REQUEST',
  SUGGESTION = 'SUGGESTION',
  MATCH = 'MATCH',
}
