import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

interface Outcome {
  status: number;
  body: { errors?: { message: string; extensions?: { code?: string } }[]; data?: unknown };
  ms: number;
}

describe('abusive operations', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor({ role: 'INTAKE' });
  });
  afterAll(() => t.close());

  async function send(body: unknown): Promise<Outcome> {
    const started = Date.now();
    const response = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`)
      .send(typeof body === 'string' ? body : JSON.stringify(body));
    return { status: response.status, body: response.body, ms: Date.now() - started };
  }

  const nested = (depth: number): string => (depth === 0 ? 'slug' : `slug parent { ${nested(depth - 1)} }`);
  const SHAPES: [string, () => unknown, RegExp][] = [
    ['deep nesting', () => ({ query: `{ tags { ${nested(30)} } }` }), /depth/i],
    [
      '2,000 aliases',
      () => ({ query: `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: tags { slug }`).join(' ')} }` }),
      /token/i,
    ],
    [
      '40 aliases',
      () => ({ query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: tags { slug }`).join(' ')} }` }),
      /alias/i,
    ],
    [
      'a huge list argument',
      () => ({
        query: 'mutation ($input: CreatePeerInput!) { createPeer(input: $input) { id } }',
        variables: {
          input: {
            displayName: 'x',
            languages: ['en'],
            modes: ['VIDEO'],
            interests: Array.from({ length: 20_000 }, () => 'music'),
          },
        },
      }),
      /interests/i,
    ],
    ['an oversized body', () => ({ query: `{ tags { slug } }`, padding: 'x'.repeat(2 * 1024 * 1024) }), /large|limit/i],
    ['a batch of 500 operations', () => Array.from({ length: 500 }, () => ({ query: '{ tags { slug } }' })), /batch/i],
  ];

  it.each(SHAPES)(
    'refuses %s with a clear error in under a second, while a normal query still answers',
    async (_shape, body, says) => {
      const [abusive, normal] = await Promise.all([send(body()), send({ query: '{ tags(kind: INTEREST) { slug } }' })]);
      expect(abusive.status === 200 && !abusive.body.errors).toBe(false);
      expect(JSON.stringify(abusive.body.errors ?? abusive.body)).toMatch(says);
      expect(abusive.ms).toBeLessThan(1000);
      expect(normal.status).toBe(200);
      expect(normal.body.data).toEqual({ tags: expect.arrayContaining([{ slug: 'cooking' }]) });
    },
  );

  it('writes nothing for a refused huge list', async () => {
    const hugeList = SHAPES.find(([shape]) => shape === 'a huge list argument')![1];
    const count = async () => (await t.dataSource.query('SELECT count(*)::int AS count FROM peer'))[0].count as number;
    const before = await count();
    const refused = await send(hugeList());
    expect(JSON.stringify(refused.body.errors)).toMatch(/interests/i);
    expect(await count()).toBe(before);
  });
});

describe('the per-token rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  it('refuses a sixth request in a minute with RATE_LIMITED, and leaves other callers alone', async () => {
    const busy = await t.tokenFor({ role: 'INTAKE', sub: 'busy' });
    const other = await t.tokenFor({ role: 'INTAKE', sub: 'other' });
    for (let i = 0; i < 5; i++) expect((await t.gql('{ tags { slug } }', {}, busy)).status).toBe(200);
    const refused = await t.gql('{ tags { slug } }', {}, busy);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect((await t.gql('{ tags { slug } }', {}, other)).status).toBe(200);
  });
});
