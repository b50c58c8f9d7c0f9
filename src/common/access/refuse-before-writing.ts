import type { ApolloServerPlugin } from '@apollo/server';
import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  isObjectType,
  Kind,
  SelectionSetNode,
} from 'graphql';
import { principalOf } from '../auth/authentication';
import type { Principal } from '../auth/principal';
import { DomainError } from '../errors/domain-error';
import type { WithAccess } from './access-context';
import { UNDECLARED } from './enforce-policies';
import { effectivePolicy } from './policy';

interface Refusal {
  path: string;
  message: string;
}

/** The first field of the selection the caller can never read, whatever the data: role and scope decide it. */
function firstRefusal(
  operation: string,
  principal: Principal,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  schema: GraphQLSchema,
  seen: Set<string>,
): Refusal | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments[selection.name.value];
      if (!fragment || seen.has(fragment.name.value)) continue;
      seen.add(fragment.name.value);
      const found = firstRefusal(operation, principal, type, fragment.selectionSet, fragments, schema, seen);
      if (found) return found;
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const found = firstRefusal(operation, principal, type, selection.selectionSet, fragments, schema, seen);
      if (found) return found;
      continue;
    }
    // At the top, each field is an operation of its own: what it changes decides what it may return.
    const found = fieldRefusal(
      type === schema.getMutationType() ? selection.name.value : operation,
      principal,
      type,
      selection,
      fragments,
      schema,
      seen,
    );
    if (found) return found;
  }
  return undefined;
}

function fieldRefusal(
  operation: string,
  principal: Principal,
  type: GraphQLObjectType,
  node: FieldNode,
  fragments: Record<string, FragmentDefinitionNode>,
  schema: GraphQLSchema,
  seen: Set<string>,
): Refusal | undefined {
  const field = type.getFields()[node.name.value];
  if (!field) return undefined;
  const policy = effectivePolicy(type, field) ?? UNDECLARED;
  if (!policy.reachable) {
    const grant = policy.roles[principal.role];
    const path = `${type.name}.${field.name}`;
    if (!grant) return { path, message: `Role ${principal.role} may not read ${path}` };
    if (!grant.possible(principal)) return { path, message: `${path} needs ${grant.label}` };
    if (grant.undoneBy?.includes(operation)) {
      return { path, message: `${path} is no longer yours to see once ${operation} is done` };
    }
  }
  const fieldType = getNamedType(field.type);
  if (!node.selectionSet || !isObjectType(fieldType)) return undefined;
  return firstRefusal(operation, principal, fieldType, node.selectionSet, fragments, schema, seen);
}

/**
 * A change is never answered "refused" after it happened: a mutation that selects a field the
 * caller may never read is refused as a whole before anything is written. Rules that depend on
 * the data (ownership, consent) are still decided field by field as the answer is built.
 */
export function refuseBeforeWritingPlugin(): ApolloServerPlugin<WithAccess> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, contextValue }) {
          const mutationType = schema.getMutationType();
          if (operation?.operation !== 'mutation' || !mutationType) return;
          let principal: Principal;
          try {
            principal = principalOf(contextValue.access.authentication);
          } catch {
            return; // the operation itself answers UNAUTHENTICATED
          }
          const fragments = Object.fromEntries(
            document.definitions
              .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
              .map((definition) => [definition.name.value, definition]),
          );
          const refusal = firstRefusal(
            '',
            principal,
            mutationType,
            operation.selectionSet,
            fragments,
            schema,
            new Set(),
          );
          if (!refusal) return;
          const error = new DomainError('FORBIDDEN', `${refusal.message}; nothing was written`, {
            field: refusal.path,
          });
          throw new GraphQLError(error.message, {
            originalError: error,
            extensions: { code: 'FORBIDDEN', reason: 'FORBIDDEN', field: refusal.path, http: { status: 200 } },
          });
        },
      };
    },
  };
}
