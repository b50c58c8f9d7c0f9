import { DomainError, DomainErrorReason } from '../errors/domain-error';
import { Principal } from './principal';

/**
 * A peer acts only on their own records, a support worker only on their own matches. Someone
 * else's record reads as missing, so that its existence is not revealed.
 */
/** The caller is the peer or support worker the record belongs to. */
export function isOwnerOf(principal: Principal, owners: { peerId?: string; supportWorkerId?: string }): boolean {
  return (
    (principal.role === 'PEER' && principal.peerId === owners.peerId) ||
    (principal.role === 'SUPPORT_WORKER' && principal.supportWorkerId === owners.supportWorkerId)
  );
}

export function mayActOn(principal: Principal, owners: { peerId?: string; supportWorkerId?: string }): boolean {
  const foreignPeer = principal.role === 'PEER' && principal.peerId !== owners.peerId;
  const foreignWorker = principal.role === 'SUPPORT_WORKER' && principal.supportWorkerId !== owners.supportWorkerId;
  return !foreignPeer && !foreignWorker;
}

export function assertOwnRecord(
  principal: Principal,
  owners: { peerId?: string; supportWorkerId?: string },
  notFound: DomainErrorReason,
  message: string,
): void {
  if (!mayActOn(principal, owners)) throw new DomainError(notFound, message);
}
