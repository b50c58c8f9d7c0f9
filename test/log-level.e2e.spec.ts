import { signDevelopmentToken } from '../src/common/auth/development-token';
import { freePort } from './support/free-port';
import { startServiceProcess, waitUntilReady } from './support/service-process';
import { createTestDatabase, TestDatabase } from './support/test-database';

const SECRET = 'log-level-test-secret-of-32-characters';

// A process of its own: the start script, Fastify, Nest and Apollo Server each hold a logger,
// and only the real process's output shows that LOG_LEVEL reaches all of them.
describe('LOG_LEVEL', () => {
  jest.setTimeout(120_000);
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('at warn, lets the errors of a failing request through and no line below warn', async () => {
    const port = await freePort();
    // Every GraphQL request fails in a plugin hook, which Apollo Server and the error filter log.
    const started = startServiceProcess(
      { PORT: String(port), DATABASE_URL: database.url, JWT_SECRET: SECRET, LOG_LEVEL: 'warn' },
      ['test/support/failing-audit-drain.ts'],
    );
    try {
      await waitUntilReady(port, started);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await signDevelopmentToken(SECRET, { role: 'INTAKE' })}`,
        },
        body: JSON.stringify({ query: '{ tags { slug } }' }),
      });
      expect(response.status).toBe(500);
    } finally {
      started.child.kill('SIGTERM');
    }
    expect(await started.exited).toBe(0);
    const lines = started
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { level: number; context?: string });
    expect(lines.filter((line) => line.level < 40)).toEqual([]);
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, context: 'Apollo' }));
  });
});
