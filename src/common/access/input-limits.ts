import type { Role } from '../auth/principal';
import { DomainError } from '../errors/domain-error';
import type { InputLimits } from './policy';

/** The fields of the limited argument this role may not send, in the order given; none when unlimited. */
export function fieldsBeyondLimits(
  limits: InputLimits | undefined,
  role: Role,
  args: Readonly<Record<string, unknown>>,
): string[] {
  const allowed = limits?.only[role];
  const input = limits ? args[limits.argument] : undefined;
  if (!allowed || input === null || typeof input !== 'object') return [];
  // A field sent as null is sent: it would clear what it names.
  return Object.keys(input).filter((field) => !allowed.includes(field));
}

/**
 * Refuses an input holding fields the caller's role may not change. Decided on the role and the
 * input alone, so it says the same whether or not the record exists and reveals nothing of it.
 */
export function assertWithinInputLimits(
  limits: InputLimits | undefined,
  role: Role,
  args: Readonly<Record<string, unknown>>,
): void {
  const beyond = fieldsBeyondLimits(limits, role, args);
  if (!beyond.length) return;
  const allowed = limits!.only[role]!;
  throw new DomainError(
    'FORBIDDEN',
    `Role ${role} may not change ${beyond.join(', ')} (only ${allowed.join(', ')}); nothing was written`,
    { fields: beyond },
  );
}
