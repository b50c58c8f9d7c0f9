import type { EntityManager } from 'typeorm';

/** Published once a change to a peer's profile commits: their open request may deserve other workers. */
export class PeerProfileChanged {
  static readonly NAME = 'peer.profile-changed';
  constructor(readonly peerId: string) {}
}

/**
 * Published inside the transaction that withdraws a consent about lived experience, so that
 * what its listeners rewrite commits or rolls back with the withdrawal itself.
 */
export class PeerConsentWithdrawn {
  static readonly NAME = 'peer.consent-withdrawn';
  constructor(
    readonly manager: EntityManager,
    readonly peerId: string,
    readonly withdrawn: 'use' | 'sharing',
  ) {}
}
