import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  buildClientSchema,
  getIntrospectionQuery,
  GraphQLObjectType,
  IntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { undeclaredFields } from '../src/common/access/access-table';
import { enforcePolicies } from '../src/common/access/enforce-policies';
import { DECLARED_FIELD_POLICIES, definePolicy } from '../src/common/access/policy';
import { printServedSchema } from '../src/schema/print-schema';
import { withAccessTable } from '../src/schema/readme-access-table';
import { startTestApp, TestApp } from './support/test-app';

describe('schema.graphql', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is exactly what the code serves (run `npm run schema:generate` after changing types)', () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(printServedSchema(t.app)).toBe(committed);
  });

  it('answers introspection with what schema.graphql holds, who may read each field included', async () => {
    const response = await t.gql<IntrospectionQuery>(
      getIntrospectionQuery(),
      {},
      await t.tokenFor({ role: 'SERVICE' }),
    );
    expect(response.errors).toBeUndefined();
    const live = buildClientSchema(response.data!);
    expect(`${printSchema(lexicographicSortSchema(live))}\n`).toBe(
      readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'),
    );
    const peer = live.getType('Peer') as GraphQLObjectType;
    expect(peer.getFields().maxDistanceKm.description).toMatch(
      /\n\nReadable by: ADMIN, INTAKE, PEER \(own\), SERVICE \(profiles:read\)\.$/,
    );
  });

  it('declares a policy for every operation and every field, itself or through its type', () => {
    expect(undeclaredFields(t.app.get(GraphQLSchemaHost).schema)).toEqual([]);
  });

  it('refuses to start when a declared field policy did not reach the schema', () => {
    const lost = { field: 'score', policy: definePolicy('lost', {}) };
    DECLARED_FIELD_POLICIES.push(lost);
    try {
      expect(() => enforcePolicies(t.app.get(GraphQLSchemaHost).schema)).toThrow(/score \(lost\)/);
    } finally {
      DECLARED_FIELD_POLICIES.splice(DECLARED_FIELD_POLICIES.indexOf(lost), 1);
    }
  });

  it('documents in the README the access rules the schema enforces (run `npm run schema:generate`)', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    expect(withAccessTable(readme, t.app)).toBe(readme);
  });
});
