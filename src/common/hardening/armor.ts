import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on what one operation may ask, checked before anything runs. The deepest legitimate
 * query (a request's suggestions, their workers, tags and parents) is 6 levels; a page of 100
 * workers with their tags costs about 2,500.
 */
export const OPERATION_LIMITS = {
  depth: 10,
  aliases: 30,
  directives: 20,
  tokens: 3000,
  cost: 20_000,
} as const;

export function armorFor(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.depth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: OPERATION_LIMITS.aliases },
    maxDirectives: { n: OPERATION_LIMITS.directives },
    // Counted by graphql-js's own parser instead (parseOptions): the armor's version answers a
    // plain syntax error with 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: OPERATION_LIMITS.cost, ignoreIntrospection: true },
    // Field suggestions ("did you mean …?") reveal the schema; off where introspection is.
    blockFieldSuggestion: { enabled: production },
  }).protect();
}
