import { GraphQLObjectType, GraphQLSchema, isObjectType } from 'graphql';
import { ROLES } from '../auth/principal';
import { effectivePolicy, HEALTH_READ, Policy, policyOf, rootTypesOf } from './policy';

function objectTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Every field and operation that declares no policy, and whose type declares none: refused to all, and a test failure. */
export function undeclaredFields(schema: GraphQLSchema): string[] {
  return objectTypes(schema).flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => !effectivePolicy(type, field))
      .map((field) => `${type.name}.${field.name}`),
  );
}

function cell(policy: Policy, role: (typeof ROLES)[number]): string {
  const grant = policy.roles[role];
  if (!grant) return '—';
  const only = policy.inputs?.only[role];
  if (only) return `${grant.label}; only ${only.join(', ')}`;
  const full = policy.redacted?.fullView[role];
  if (policy.redacted && !full) return `${grant.label} (redacted)`;
  if (policy.redacted && full && full.label !== grant.label) return `${grant.label}; in full: ${full.label}`;
  return grant.label;
}

function notes(policy: Policy): string {
  const said: string[] = [];
  if (policy.audit)
    said.push(
      policy.audit.action && policy.audit.action !== HEALTH_READ
        ? `audited as ${policy.audit.action}`
        : 'health read audited',
    );
  if (policy.hidden) said.push(policy.hidden === 'null' ? 'not yours: null' : `not yours: ${policy.hidden.reason}`);
  return said.join('; ');
}

function row(name: string, policy: Policy): string {
  return `| ${name} | ${ROLES.map((role) => cell(policy, role)).join(' | ')} | ${notes(policy)} |`;
}

/**
 * The role × field table the README shows, written from the policies the schema enforces.
 * A type's own policy covers its fields that declare none; plain value types, readable by
 * whoever reached them, are listed once at the end.
 */
export function accessTable(schema: GraphQLSchema): string {
  const roots = rootTypesOf(schema);
  const header = [`| field | ${ROLES.join(' | ')} | notes |`, `|---|${ROLES.map(() => '---|').join('')}---|`];
  const rows: string[] = [];
  const plain: string[] = [];
  for (const type of [...objectTypes(schema)].sort((a, b) => Number(roots.has(b)) - Number(roots.has(a)))) {
    const typePolicy = policyOf(type.extensions);
    const fields = Object.values(type.getFields()).sort((a, b) => a.name.localeCompare(b.name));
    const own = fields.filter((field) => policyOf(field.extensions) && !policyOf(field.extensions)?.reachable);
    if (!typePolicy?.reachable && typePolicy) rows.push(row(`${type.name} (other fields)`, typePolicy));
    for (const field of own)
      rows.push(row(roots.has(type) ? field.name : `${type.name}.${field.name}`, policyOf(field.extensions)!));
    const open = fields.filter((field) => policyOf(field.extensions)?.reachable && typePolicy && !typePolicy.reachable);
    if (open.length)
      rows.push(
        `| ${open.map((field) => `${type.name}.${field.name}`).join(', ')} | ${ROLES.map(() => 'reached').join(' | ')} | |`,
      );
    if (typePolicy?.reachable) plain.push(type.name);
  }
  return [...header, ...rows, '', `Readable by whoever reached them (no rule of their own): ${plain.join(', ')}.`].join(
    '\n',
  );
}
