import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import { Linter } from 'eslint';
import { DocumentNode, NameNode, parse } from 'graphql';

const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');

/**
 * Every rule the plugin has for a schema, Relay's included, and a description required on
 * everything a caller can read. A rule is switched off or narrowed only where schema.graphql
 * cannot follow it, with the reason beside it.
 */
const RULES: Linter.RulesRecord = {
  ...graphqlPlugin.configs['flat/schema-all'].rules,
  ...graphqlPlugin.configs['flat/schema-relay'].rules,
  '@graphql-eslint/require-description': [
    'error',
    {
      types: true,
      rootField: true,
      FieldDefinition: true,
      InputValueDefinition: true,
      EnumValueDefinition: true,
      DirectiveDefinition: true,
    },
  ],
  // The file is printed sorted by graphql-js (lexicographicSortSchema: endReason before endedAt),
  // while the rule compares case-insensitively and wants id first, createdAt and updatedAt last:
  // no printed schema can satisfy both, and nobody writes this order by hand.
  '@graphql-eslint/alphabetize': 'off',
  // CONTRACT.md fixes the arguments of the mutations (acceptSuggestion(id:), requestMatch(peerId:),
  // declineSuggestion(id:, reason:, note:)), not a single `input`.
  '@graphql-eslint/input-name': 'off',
  // CONTRACT.md defines a Mutation and a Subscription type.
  '@graphql-eslint/no-root-type': 'off',
  // CONTRACT.md fixes non-null results at the root (createPeer: Peer!, peers: PeerConnection!).
  '@graphql-eslint/require-nullable-result-in-root': 'off',
  // CONTRACT.md has mutations return the record itself (acceptSuggestion: Match!), not a payload
  // type with a field of type Query.
  '@graphql-eslint/require-field-of-type-query-in-mutation-result': 'off',
  // CONTRACT.md has scalar mutation results (deleteWebhookEndpoint: Boolean!).
  '@graphql-eslint/no-scalar-result-type-on-mutation': 'off',
  // Values reached only through their parent have no identity of their own, as CONTRACT.md
  // declares them (Location, ScoreComponent, MatchExplanation, PageInfo, connections and edges).
  '@graphql-eslint/strict-id-in-types': [
    'error',
    {
      exceptions: {
        types: [
          'Consent',
          'FactorImportance',
          'Location',
          'MatchExplanation',
          'MatchPreferences',
          'PageInfo',
          'Place',
          'Reason',
          'ScoreComponent',
        ],
        suffixes: ['Connection', 'Edge'],
      },
    },
  ],
  // CONTRACT.md has no Node interface, and plain lists beside connections (tags: [Tag!]!,
  // MatchRequest.suggestions: [Suggestion!]!).
  '@graphql-eslint/relay-edge-types': [
    'error',
    { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false },
  ],
  // CONTRACT.md pages forward only (first, after); the backward pair is not offered.
  '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
};

/** Schema coordinates (Type.field(arg:), Enum.VALUE) by where each name starts in the SDL. */
function coordinatesOf(document: DocumentNode): Map<string, string> {
  const at = new Map<string, string>();
  const mark = ({ loc }: NameNode, coordinate: string) => {
    if (loc) at.set(`${loc.startToken.line}:${loc.startToken.column}`, coordinate);
  };
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name) continue;
    const type = definition.name.value;
    mark(definition.name, type);
    for (const field of 'fields' in definition ? (definition.fields ?? []) : []) {
      mark(field.name, `${type}.${field.name.value}`);
      for (const argument of 'arguments' in field ? (field.arguments ?? []) : []) {
        mark(argument.name, `${type}.${field.name.value}(${argument.name.value}:)`);
      }
    }
    for (const value of 'values' in definition ? (definition.values ?? []) : []) {
      mark(value.name, `${type}.${value.name.value}`);
    }
  }
  return at;
}

/** Each finding as `rule: coordinate`. */
function lint(sdl: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    sdl,
    [
      {
        files: ['**/*.graphql'],
        languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: SCHEMA_FILE } } },
        plugins: { '@graphql-eslint': graphqlPlugin as never },
        rules: RULES,
      },
    ],
    SCHEMA_FILE,
  );
  const coordinates = coordinatesOf(parse(sdl));
  return messages.map((message) => {
    const where = coordinates.get(`${message.line}:${message.column}`) ?? `${message.line}:${message.column}`;
    return `${message.ruleId ?? 'parse'}: ${message.ruleId ? where : message.message}`;
  });
}

describe('schema.graphql under the GraphQL schema linter', () => {
  const sdl = readFileSync(SCHEMA_FILE, 'utf8');

  it('finds nothing', () => {
    expect(lint(sdl)).toEqual([]);
  });

  it('finds a description taken away', () => {
    const withoutOne = sdl.replace('  """Where the request stands."""\n', '');
    expect(withoutOne).not.toBe(sdl);
    expect(lint(withoutOne)).toContain('@graphql-eslint/require-description: MatchRequest.status');
  });
});
