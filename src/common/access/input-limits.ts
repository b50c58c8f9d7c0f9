import type { Role } from '../auth/principal';
import { DomainError } from '../errors/domain-error';
import type { InputLimits } from './policy';

/**
 * Refuses an input holding fields the caller's role may not change. Decided on the role and the
 * input alone, so it says the same whether or not the record exists and reveals nothing of it.
 */
export function assertWithinInputLimits(
  limits: InputLimits,
  role: Role,
  args: Readonly<Record<string, unknown>>,
): void {
  const allowed = limits.only[role];
  const input = args[limits.argument];
  if (!allowed || input === null || typeof input !== 'object') return;
  // A field sent as null is sent: it would clear what it names.
  const beyond = Object.keys(input).filter((field) => !allowed.includes(field));
  if (!beyond.length) return;
  throw new DomainError(
    'FORBIDDEN',
    `Role ${role} may not change ${beyond.join(', ')} (only ${allowed.join(', ')}); nothing was written`,
    { fields: beyond },
  );
}
