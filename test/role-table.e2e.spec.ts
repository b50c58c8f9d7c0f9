import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DevelopmentClaims } from '../src/common/auth/development-token';
import { GraphqlResponse, startTestApp, TestApp } from './support/test-app';
import { FIELDS, MUTATIONS, Outcome, QUERIES } from './support/operations';
import { buildWorld, World } from './support/world';

const CALLERS = [
  'ADMIN',
  'INTAKE',
  'PEER_SELF',
  'PEER_OTHER',
  'SUPPORT_WORKER',
  'SERVICE_ALL',
  'SERVICE_NONE',
] as const;
type Caller = (typeof CALLERS)[number] | 'SERVICE_MATCHES_READ' | 'SERVICE_PROFILES_READ';

function claimsOf(caller: Caller, world: World): DevelopmentClaims {
  switch (caller) {
    case 'SERVICE_MATCHES_READ':
      return { role: 'SERVICE', scope: 'matches:read' };
    case 'SERVICE_PROFILES_READ':
      return { role: 'SERVICE', scope: 'profiles:read' };
    case 'ADMIN':
    case 'INTAKE':
      return { role: caller };
    case 'PEER_SELF':
      return { role: 'PEER', peerId: world.peerA };
    case 'PEER_OTHER':
      return { role: 'PEER', peerId: world.peerB };
    case 'SUPPORT_WORKER':
      return { role: 'SUPPORT_WORKER', supportWorkerId: world.workerW };
    case 'SERVICE_ALL':
      return { role: 'SERVICE', scope: 'profiles:read profiles:write matches:read matches:write' };
    case 'SERVICE_NONE':
      return { role: 'SERVICE' };
  }
}

function outcomeOf(response: GraphqlResponse, field: string): Outcome | string {
  const code = response.errors?.[0]?.extensions?.code;
  if (code) return code;
  return response.data?.[field] === null ? 'null' : 'ok';
}

describe('every operation as every role', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('covers every operation the schema serves', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const served = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}),
    );
    const covered = new Set([...QUERIES, ...MUTATIONS].map((operation) => operation.name));
    expect([...covered].sort()).toEqual(served.sort());
  });

  describe('queries', () => {
    let world: World;
    beforeAll(async () => {
      world = await buildWorld(t);
    });

    const cases = QUERIES.flatMap((operation) =>
      CALLERS.map(
        (caller, i) => [operation.label ?? operation.name, caller, operation.expected[i], operation] as const,
      ),
    );
    it.each(cases)('%s as %s: %s', async (_label, caller, expected, operation) => {
      const response = await t.gql(
        operation.document,
        operation.variables(world),
        await t.tokenFor(claimsOf(caller, world)),
      );
      expect(outcomeOf(response, operation.name)).toBe(expected);
    });
  });

  describe('fields with a rule of their own', () => {
    let world: World;
    beforeAll(async () => {
      world = await buildWorld(t);
    });

    const cases = FIELDS.flatMap((field) =>
      field.reads.map((read) => [field.field, read.caller, read.expected, field, read] as const),
    );
    it.each(cases)('%s as %s: %s', async (_name, caller, expected, field, read) => {
      const response = await t.gql(
        read.document,
        read.variables(world),
        await t.tokenFor(claimsOf(caller as Caller, world)),
      );
      const code = response.errors?.[0]?.extensions?.code;
      const value = read.at.reduce<unknown>(
        (at, key) => (at as Record<string, unknown> | null | undefined)?.[key],
        response.data,
      );
      const outcome = code ?? (value === null ? 'null' : value);
      expect(outcome).toEqual(expected === 'ok' ? field.value(world) : expected);
    });
  });

  describe('mutations', () => {
    const cases = MUTATIONS.flatMap((operation) =>
      CALLERS.map(
        (caller, i) => [operation.label ?? operation.name, caller, operation.expected[i], operation] as const,
      ),
    );
    it.each(cases)('%s as %s: %s', async (_label, caller, expected, operation) => {
      const world = await buildWorld(t);
      const response = await t.gql(
        operation.document,
        operation.variables(world),
        await t.tokenFor(claimsOf(caller, world)),
      );
      expect(outcomeOf(response, operation.name)).toBe(expected);
    });
  });
});
