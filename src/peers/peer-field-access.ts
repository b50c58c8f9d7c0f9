import { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import type { Principal } from '../common/auth/principal';
import { DomainError } from '../common/errors/domain-error';
import type { GraphqlContext } from '../common/graphql-context';
import type { Peer } from './peer.entity';

/**
 * What of a peer each caller may read, beyond the profile basics:
 * - private: location, travel distance, preferences, consent;
 * - livedExperience: health information;
 * - suggestions: what the service suggested and why.
 * Staff read everything; a peer reads their own; a service by scope; a support worker, who
 * reaches only the peers they are matched with, reads lived experience the peer chose to share
 * and nothing private.
 */
export type PeerFieldGroup = 'private' | 'livedExperience' | 'suggestions';

export function mayReadPeerField(principal: Principal | undefined, peer: Peer, group: PeerFieldGroup): boolean {
  switch (principal?.role) {
    case 'ADMIN':
    case 'INTAKE':
      return true;
    case 'PEER':
      return principal.peerId === peer.id;
    case 'SERVICE':
      return principal.scopes.has(group === 'suggestions' ? 'matches:read' : 'profiles:read');
    case 'SUPPORT_WORKER':
      return group === 'livedExperience' && peer.consent.shareLivedExperienceWithWorkers;
    default:
      return false;
  }
}

export function assertMayReadPeerField(context: GraphqlContext, peer: Peer, group: PeerFieldGroup): void {
  if (!mayReadPeerField(context.req.principal, peer, group)) {
    throw new DomainError('FORBIDDEN', 'Not yours to see: the peer has not shared this with you');
  }
}

/** Field middleware for the peer's private scalar fields. */
export const privatePeerField: FieldMiddleware = async (ctx: MiddlewareContext, next: NextFn) => {
  assertMayReadPeerField(ctx.context as GraphqlContext, ctx.source as Peer, 'private');
  return next();
};
