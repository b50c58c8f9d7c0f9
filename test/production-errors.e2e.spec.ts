import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

describe('errors in production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-more-than-32-chars' },
    });
  });
  afterAll(() => t.close());

  it('carry a code but no stack trace', async () => {
    const response = await t.gql(`{ peer(id: "nope") { id } }`, {}, await t.tokenFor({ role: 'INTAKE' }));
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|\.ts:|\.js:/);
  });

  it('hide what an unexpected failure was about, SQL included', async () => {
    await t.dataSource.query('ALTER TABLE peer RENAME TO peer_gone');
    try {
      const response = await t.gql(`{ peers { totalCount } }`, {}, await t.tokenFor({ role: 'INTAKE' }));
      expect(response.errors).toEqual([
        expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
      ]);
      expect(JSON.stringify(response)).not.toMatch(/peer_gone|relation|SELECT/i);
    } finally {
      await t.dataSource.query('ALTER TABLE peer_gone RENAME TO peer');
    }
  });

  it('turn off the GraphiQL landing page', async () => {
    const page = await request(t.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(page.text).not.toMatch(/graphiql/i);
  });

  it('refuse a cross-site form post (CSRF prevention)', async () => {
    const response = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'text/plain')
      .set('authorization', `Bearer ${await t.tokenFor({ role: 'INTAKE' })}`)
      .send(JSON.stringify({ query: '{ tags { slug } }' }));
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/CSRF/);
  });

  it('turn off introspection', async () => {
    const response = await t.gql(`{ __schema { types { name } } }`, {}, await t.tokenFor({ role: 'INTAKE' }));
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
