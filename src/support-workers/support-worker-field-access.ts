import type { Principal } from '../common/auth/principal';
import { DomainError } from '../common/errors/domain-error';

/**
 * A support worker's private fields (where they are based, the matches they are in): for the
 * worker, staff, and services holding `serviceScope`; never for peers.
 */
export function assertMayReadWorkerField(
  principal: Principal | undefined,
  supportWorkerId: string,
  serviceScope: 'profiles:read' | 'matches:read',
): void {
  const allowed =
    principal?.role === 'ADMIN' ||
    principal?.role === 'INTAKE' ||
    (principal?.role === 'SUPPORT_WORKER' && principal.supportWorkerId === supportWorkerId) ||
    (principal?.role === 'SERVICE' && principal.scopes.has(serviceScope));
  if (!allowed) {
    throw new DomainError('FORBIDDEN', `Only the worker, staff and services with ${serviceScope} see this`);
  }
}
