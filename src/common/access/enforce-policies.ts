import {
  defaultFieldResolver,
  GraphQLFieldResolver,
  GraphQLResolveInfo,
  GraphQLSchema,
  isObjectType,
  ResponsePath,
} from 'graphql';
import { principalOf } from '../auth/authentication';
import type { Principal } from '../auth/principal';
import { DomainError } from '../errors/domain-error';
import type { WithAccess } from './access-context';
import { AccessCheck, isPerson, Verdict } from './grant';
import { describeAccess } from './access-description';
import { assertWithinInputLimits } from './input-limits';
import {
  DECLARED_FIELD_POLICIES,
  effectivePolicy,
  HEALTH_READ,
  Policy,
  policyOf,
  RoleGrants,
  rootTypesOf,
} from './policy';

/** Anything the schema walk finds undeclared is refused, whatever it is. */
export const UNDECLARED: Policy = { name: 'undeclared', roles: {} };

function decideRoles(
  roles: RoleGrants,
  request: AccessCheck,
  cache: Map<Policy, Verdict | Promise<Verdict>> | undefined,
  key: Policy,
): Verdict | Promise<Verdict> {
  const cached = cache?.get(key);
  if (cached) return cached;
  const grant = roles[request.principal.role];
  const verdict: Verdict | Promise<Verdict> = grant
    ? grant.decide(request)
    : { allowed: false, refusal: `Role ${request.principal.role} may not do this`, hides: false };
  cache?.set(key, verdict);
  return verdict;
}

function rootKey(path: ResponsePath): string | number {
  let current = path;
  while (current.prev) current = current.prev;
  return current.key;
}

function refuse(policy: Policy, verdict: Verdict & { allowed: false }, args: Record<string, unknown>): null {
  const hidden = verdict.hides ? policy.hidden : undefined;
  if (hidden === 'null') return null;
  if (hidden) throw new DomainError(hidden.reason, hidden.message(args));
  throw new DomainError('FORBIDDEN', verdict.refusal);
}

function recordReads(policy: Policy, request: AccessCheck, context: WithAccess, operation: string): void {
  if (!policy.audit) return;
  const action = policy.audit.action ?? HEALTH_READ;
  for (const person of policy.audit.persons(request)) {
    // A person reading their own health information is not a disclosure.
    if (action === HEALTH_READ && isPerson(request.principal, person)) continue;
    context.access.reads.record({ action, person, operation });
  }
}

/** The cache key of a redacting policy's second decision: whether the caller gets the full value. */
const fullViewKeys = new WeakMap<Policy, Policy>();

function fullViewKeyOf(policy: Policy): Policy {
  let key = fullViewKeys.get(policy);
  if (!key) fullViewKeys.set(policy, (key = { ...policy, name: `${policy.name} (full view)` }));
  return key;
}

function guard(policy: Policy, resolve: GraphQLFieldResolver<unknown, WithAccess>, isRoot: boolean) {
  const fullViewKey = fullViewKeyOf(policy);
  const inputs = isRoot ? policy.inputs : undefined;
  const guarded = (source: unknown, args: Record<string, unknown>, context: WithAccess, info: GraphQLResolveInfo) => {
    const principal: Principal = principalOf(context.access.authentication);
    // Only operations limit what their input may hold; fields of the rows they return have nothing to check.
    if (inputs) assertWithinInputLimits(inputs, principal.role, args);
    const request: AccessCheck = { principal, source, args, context };
    const cache =
      source !== null && typeof source === 'object' && !isRoot ? lookupCache(context, source as object) : undefined;
    const operation = isRoot ? info.fieldName : (context.access.rootFields.get(rootKey(info.path)) ?? info.fieldName);

    const proceed = async (verdict: Verdict): Promise<unknown> => {
      if (!verdict.allowed) return refuse(policy, verdict, args);
      const value = await resolve(source, args, context, info);
      if (policy.redacted) {
        const full = await decideRoles(policy.redacted.fullView, request, cache, fullViewKey);
        if (!full.allowed) return policy.redacted.redact(value as never, request);
      }
      recordReads(policy, request, context, operation);
      return value;
    };

    const verdict = decideRoles(policy.roles, request, cache, policy);
    // The common case (allowed at once, nothing to record or redact) stays synchronous.
    if (!(verdict instanceof Promise) && verdict.allowed && !policy.audit && !policy.redacted) {
      return resolve(source, args, context, info);
    }
    return verdict instanceof Promise ? verdict.then(proceed) : proceed(verdict);
  };
  if (!isRoot) return guarded;
  return async (source: unknown, args: Record<string, unknown>, context: WithAccess, info: GraphQLResolveInfo) => {
    const { access } = context;
    access.rootFields.set(info.path.key, info.fieldName);
    access.personChecked ??= confirmPerson(access);
    await access.personChecked;
    // A change may alter what a rule depends on: nothing decided before it is reused after it.
    if (info.operation.operation === 'mutation') access.decisions = new WeakMap();
    return guarded(source, args, context, info);
  };
}

async function confirmPerson(access: WithAccess['access']): Promise<void> {
  if (access.authentication.kind !== 'verified') return;
  if (!(await access.personExists(access.authentication.principal))) {
    throw new DomainError('UNAUTHENTICATED', 'The person this token names has no record here');
  }
}

function lookupCache(context: WithAccess, source: object) {
  let cache = context.access.decisions.get(source);
  if (!cache) context.access.decisions.set(source, (cache = new Map()));
  return cache;
}

/**
 * A field's policy can be lost between the decorator and the schema (a @Field on an entity
 * shadows the @ResolveField of the same name, and only one set of extensions survives): the
 * field would fall back to its type's rule unnoticed. Refuse to start instead.
 */
function assertNoPolicyDropped(schema: GraphQLSchema): void {
  const applied = new Map<string, Set<Policy>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const policy = policyOf(field.extensions);
      if (policy) applied.set(field.name, (applied.get(field.name) ?? new Set()).add(policy));
    }
  }
  const dropped = DECLARED_FIELD_POLICIES.filter(({ field, policy }) => !applied.get(field)?.has(policy));
  if (dropped.length) {
    const named = dropped.map(({ field, policy }) => `${field} (${policy.name})`).join(', ');
    throw new Error(`Access policies declared but not in the schema: ${named}`);
  }
}

/**
 * Wraps every field of the schema in its declared policy (the field's, else its type's): who
 * may call each operation and with which input fields, who may read each field, what is
 * redacted for whom, and which reads go on record. A field with no policy at all is refused to everyone. The descriptions then say
 * the same rules, so that what callers read in the schema is what is enforced.
 */
export function enforcePolicies(schema: GraphQLSchema): GraphQLSchema {
  assertNoPolicyDropped(schema);
  const roots = rootTypesOf(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const policy = effectivePolicy(type, field) ?? UNDECLARED;
      if (policy.reachable) continue;
      field.resolve = guard(
        policy,
        (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, WithAccess>,
        roots.has(type),
      ) as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  describeAccess(schema);
  return schema;
}
