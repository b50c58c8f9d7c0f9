import type { Principal } from '../auth/principal';

/** What a grant is decided on: who asks, about which record (the parent object, for a field), with which arguments. */
export interface AccessCheck<Source = unknown, Context = unknown> {
  principal: Principal;
  source: Source;
  args: Record<string, unknown>;
  context: Context;
}

export type Verdict = { allowed: true } | { allowed: false; refusal: string; hides: boolean };

const ALLOWED: Verdict = { allowed: true };

/**
 * One role's permission on a field or operation. `label` is how the generated access table in
 * the README words it, so the documented rule is the enforced one.
 */
export interface Grant<Source = unknown, Context = unknown> {
  readonly label: string;
  /** False when the principal alone (role and scopes) already rules it out, before any data is read. */
  readonly possible: (principal: Principal) => boolean;
  readonly decide: (request: AccessCheck<Source, Context>) => Verdict | Promise<Verdict>;
  /** Operations whose change takes this grant away: a mutation among them may not select what it guards. */
  readonly undoneBy?: readonly string[];
}

type Check<Source, Context> = (request: AccessCheck<Source, Context>) => boolean | Promise<boolean>;

function grant<Source, Context>(
  label: string,
  check: Check<Source, Context>,
  refusal: string,
  options: { hides?: boolean; possible?: (principal: Principal) => boolean; undoneBy?: readonly string[] } = {},
): Grant<Source, Context> {
  const denied: Verdict = { allowed: false, refusal, hides: options.hides ?? false };
  return {
    label,
    possible: options.possible ?? (() => true),
    undoneBy: options.undoneBy,
    decide: (request) => {
      const result = check(request);
      return typeof result === 'boolean' ? (result ? ALLOWED : denied) : result.then((ok) => (ok ? ALLOWED : denied));
    },
  };
}

export const always: Grant = { label: 'yes', possible: () => true, decide: () => ALLOWED };

/** A service token grants what its scope names and nothing more. */
export function scope(name: string): Grant {
  const holds = (principal: Principal) => principal.scopes.has(name);
  return grant(name, ({ principal }) => holds(principal), `This needs the service scope ${name}`, { possible: holds });
}

/** The id of the peer or support worker a record belongs to; null when there is no such record. */
export type OwnerOf<Source, Context> = (
  request: AccessCheck<Source, Context>,
) => string | null | undefined | Promise<string | null | undefined>;

function personIdOf(principal: Principal): string | undefined {
  if (principal.role === 'PEER') return principal.peerId;
  if (principal.role === 'SUPPORT_WORKER') return principal.supportWorkerId;
  return undefined;
}

/** The caller is the peer or support worker the record belongs to; anyone else's record reads as missing. */
export function own<Source = unknown, Context = unknown>(
  ownerOf: OwnerOf<Source, Context>,
  label = 'own',
): Grant<Source, Context> {
  return grant(
    label,
    async (request) => {
      const mine = personIdOf(request.principal);
      const owner = await ownerOf(request);
      return mine !== undefined && typeof owner === 'string' && owner.toLowerCase() === mine.toLowerCase();
    },
    'Not yours to see',
    { hides: true },
  );
}

/** A condition on the record beyond who the caller is: a consent, an active match. */
export function when<Source = unknown, Context = unknown>(
  label: string,
  check: Check<Source, Context>,
  refusal: string,
  options: { undoneBy?: readonly string[] } = {},
): Grant<Source, Context> {
  return grant(label, check, refusal, options);
}

/** Every grant must hold; the first that fails says why. */
export function allOf<Source, Context>(...grants: Grant<Source, Context>[]): Grant<Source, Context> {
  return {
    label: grants.map((each) => each.label).join(' + '),
    possible: (principal) => grants.every((each) => each.possible(principal)),
    undoneBy: grants.flatMap((each) => each.undoneBy ?? []),
    decide: async (request) => {
      for (const each of grants) {
        const verdict = await each.decide(request);
        if (!verdict.allowed) return verdict;
      }
      return ALLOWED;
    },
  };
}

/** The person a principal is, when it is a peer or a support worker. */
export function isPerson(principal: Principal, person: { type: 'PEER' | 'SUPPORT_WORKER'; id: string }): boolean {
  return principal.role === person.type && personIdOf(principal) === person.id;
}
