import { GraphQLField, GraphQLObjectType, GraphQLSchema, isObjectType } from 'graphql';
import { ROLES, Role } from '../auth/principal';
import { graphqlCodeFor } from '../errors/domain-error';
import { HEALTH_READ, Policy, policyOf, rootTypesOf } from './policy';

/** Code-first schemas give the operation types no description of their own, so the access rules supply it. */
const ROOT_DESCRIPTIONS: Record<'query' | 'mutation' | 'subscription', string> = {
  query:
    'What callers may read. Every operation needs `Authorization: Bearer <JWT>` (UNAUTHENTICATED without a valid one) and says who may call it; anyone else is refused with FORBIDDEN.',
  mutation:
    'What callers may change. Every operation needs `Authorization: Bearer <JWT>` (UNAUTHENTICATED without a valid one) and says who may call it; anyone else is refused with FORBIDDEN. A refused change writes nothing, and so does one that selects a field the caller may never read.',
  subscription:
    'What callers may follow. Every operation needs `Authorization: Bearer <JWT>` (UNAUTHENTICATED without a valid one) and says who may call it; anyone else is refused with FORBIDDEN.',
};

/** A role as a sentence names it: alone when its grant is unconditional, else with the grant's label. */
function holder(policy: Policy, role: Role): string | undefined {
  const grant = policy.roles[role];
  if (!grant) return undefined;
  const conditions = grant.label === 'yes' ? [] : [grant.label];
  const only = policy.inputs?.only[role];
  if (only) conditions.push(`only ${only.join(', ')} of ${policy.inputs!.argument}`);
  if (policy.redacted) {
    const full = policy.redacted.fullView[role];
    if (!full) conditions.push('redacted');
    else if (full.label !== grant.label && full.label !== 'yes') conditions.push(`in full with ${full.label}`);
  }
  return conditions.length ? `${role} (${conditions.join('; ')})` : role;
}

function holders(policy: Policy): string {
  const named = ROLES.map((role) => holder(policy, role)).filter((each): each is string => Boolean(each));
  return named.length ? named.join(', ') : 'no one';
}

function notes(policy: Policy): string[] {
  const said: string[] = [];
  if (policy.hidden === 'null') said.push('A record that is not the caller’s reads as null.');
  else if (policy.hidden)
    said.push(
      `A record that is not the caller’s answers ${graphqlCodeFor(policy.hidden.reason)} (${policy.hidden.reason}), as if it did not exist.`,
    );
  if (policy.inputs)
    said.push(
      `A role limited to some fields of ${policy.inputs.argument} that sends any other is refused (FORBIDDEN, naming them), and nothing is written.`,
    );
  if (policy.audit) {
    const action = policy.audit.action ?? HEALTH_READ;
    said.push(
      action === HEALTH_READ
        ? `Each read is on record (${HEALTH_READ}), except a person’s read of their own.`
        : `Each call is on record (${action}).`,
    );
  }
  return said;
}

/** What the description of an operation, a field or a type says of who may use it; undefined: nothing to say. */
export function accessSentence(
  policy: Policy,
  place: { operation: true } | { field: true; typePolicy?: Policy; typeName: string } | { type: true },
): string | undefined {
  if ('operation' in place) return [`Callable by: ${holders(policy)}.`, ...notes(policy)].join(' ');
  if ('type' in place) {
    if (policy.reachable) return undefined;
    return [`Fields without a rule of their own are readable by: ${holders(policy)}.`, ...notes(policy)].join(' ');
  }
  if (!policy.reachable) return [`Readable by: ${holders(policy)}.`, ...notes(policy)].join(' ');
  return place.typePolicy && !place.typePolicy.reachable
    ? `Readable by whoever reaches the ${place.typeName}.`
    : undefined;
}

/** The description as written in the code, kept so that describing the schema again says the same. */
const written = new WeakMap<object, string | null | undefined>();

function append(target: GraphQLObjectType | GraphQLField<unknown, unknown>, sentence: string | undefined): void {
  if (!written.has(target)) written.set(target, target.description);
  const own = written.get(target);
  // Added only to a description someone wrote: it never stands in for one, so an undescribed
  // field still shows up as undescribed.
  if (!own || !sentence) return;
  target.description = `${own}\n\n${sentence}`;
}

/**
 * Ends the description of every operation, type and field that has a rule of its own with who
 * may call or read it, in the words of the grants enforcePolicies applies: schema.graphql and
 * introspection then say what is enforced.
 */
export function describeAccess(schema: GraphQLSchema): void {
  const roots = rootTypesOf(schema);
  for (const [kind, type] of Object.entries({
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
  }) as [keyof typeof ROOT_DESCRIPTIONS, GraphQLObjectType | null | undefined][]) {
    if (type && !type.description) type.description = ROOT_DESCRIPTIONS[kind];
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typePolicy = policyOf(type.extensions);
    const isRoot = roots.has(type);
    if (typePolicy && !isRoot) append(type, accessSentence(typePolicy, { type: true }));
    for (const field of Object.values(type.getFields())) {
      const policy = policyOf(field.extensions);
      if (!policy) continue;
      append(
        field,
        accessSentence(policy, isRoot ? { operation: true } : { field: true, typePolicy, typeName: type.name }),
      );
    }
  }
}
