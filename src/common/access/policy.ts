import { Extensions } from '@nestjs/graphql';
import type { GraphQLField, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { Role } from '../auth/principal';
import type { DomainErrorReason } from '../errors/domain-error';
import type { AccessCheck, Grant } from './grant';

/** The key under which a field's or type's policy sits in the schema's `extensions`. */
export const POLICY_EXTENSION = 'peermatchPolicy';

export type RoleGrants<Source = unknown, Context = unknown> = Partial<Record<Role, Grant<Source, Context>>>;

export interface PersonRef {
  type: 'PEER' | 'SUPPORT_WORKER';
  id: string;
}

/** Reading this puts on record, once per person per request, whose information was read. */
export interface AuditedRead<Source = unknown, Context = unknown> {
  /** Default READ_SENSITIVE: health information, not recorded when the person reads their own. */
  action?: string;
  persons: (request: AccessCheck<Source, Context>) => PersonRef[];
}

/**
 * Roles that may change only some fields of an input argument (a peer their own preferences, a
 * support worker their own availability): an input naming any other field is refused as a whole,
 * FORBIDDEN, naming the fields, before the operation runs. A role not named may send every field.
 */
export interface InputLimits {
  /** The argument holding the input object. */
  readonly argument: string;
  readonly only: Partial<Record<Role, readonly string[]>>;
}

/**
 * Who may read a field or call an operation: one grant per role, any role left out is refused.
 * Declared once, next to what it guards, and enforced by one mechanism (enforcePolicies).
 */
export interface Policy<Source = unknown, Context = unknown> {
  /** How the access table names it. */
  readonly name: string;
  readonly roles: RoleGrants<Source, Context>;
  /** Readable by whoever may read the field that leads to it: no check of its own. */
  readonly reachable?: boolean;
  /** When an ownership grant fails: the operation answers null, or this error, so the record's existence is not revealed. */
  readonly hidden?: 'null' | { reason: DomainErrorReason; message: (args: Record<string, unknown>) => string };
  /** Callers outside `fullView` get the value with what they may not see taken out, instead of a refusal. */
  readonly redacted?: {
    fullView: RoleGrants<Source, Context>;
    redact: (value: never, request: AccessCheck<Source, Context>) => unknown;
  };
  readonly audit?: AuditedRead<Source, Context>;
  readonly inputs?: InputLimits;
}

export function definePolicy<Source = unknown, Context = unknown>(
  name: string,
  roles: RoleGrants<Source, Context>,
  options: Omit<Policy<Source, Context>, 'name' | 'roles'> = {},
): Policy<Source, Context> {
  return { name, roles, ...options };
}

/** Plain values (tags, page info, a location already checked): whoever reached them may read them. */
export const REACHABLE: Policy = { name: 'reachable', roles: {}, reachable: true };

/** Every field-level declaration, so that one the schema builder dropped is noticed (see enforcePolicies). */
export const DECLARED_FIELD_POLICIES: { field: string; policy: Policy }[] = [];

/** Declares the policy of a field, an operation, or (on a class) every field of a type without its own. */
export function AccessPolicy<Source, Context>(
  policy: Policy<Source, Context>,
): MethodDecorator & ClassDecorator & PropertyDecorator {
  const extensions = Extensions({ [POLICY_EXTENSION]: policy });
  return (target: object, property?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (property !== undefined) DECLARED_FIELD_POLICIES.push({ field: String(property), policy: policy as Policy });
    (extensions as (target: object, property?: string | symbol, descriptor?: PropertyDescriptor) => void)(
      target,
      property,
      descriptor,
    );
  };
}

export function policyOf(extensions: Readonly<Record<string, unknown>> | null | undefined): Policy | undefined {
  return extensions?.[POLICY_EXTENSION] as Policy | undefined;
}

/** What an audited read is recorded as unless it says otherwise: health information was read. */
export const HEALTH_READ = 'READ_SENSITIVE';

/** Types whose fields are operations: the rules on them are who may call it. */
export function rootTypesOf(schema: GraphQLSchema): Set<GraphQLObjectType> {
  return new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
      (type): type is GraphQLObjectType => Boolean(type),
    ),
  );
}

/** The field's own policy, else its type's; undefined when neither declares one. */
export function effectivePolicy(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): Policy | undefined {
  return policyOf(field.extensions) ?? policyOf(type.extensions);
}
