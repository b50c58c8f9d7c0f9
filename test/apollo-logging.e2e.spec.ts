import { signDevelopmentToken } from '../src/common/auth/development-token';
import { freePort } from './support/free-port';
import { ServiceProcess, startServiceProcess, waitUntilReady } from './support/service-process';
import { createTestDatabase, TestDatabase } from './support/test-database';

const SECRET = 'apollo-logging-test-secret-of-32-characters';

function outputLines(started: ServiceProcess): string[] {
  return started
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '');
}

function isLogLine(line: string): boolean {
  try {
    return typeof JSON.parse(line).level === 'number';
  } catch {
    return false;
  }
}

// A process of its own: Apollo Server's default logger writes to the console, which only the
// real process's stdout and stderr show as they would reach a log collector.
describe("Apollo Server's own log lines", () => {
  jest.setTimeout(120_000);
  let database: TestDatabase;
  let started: ServiceProcess;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    port = await freePort();
    // Every GraphQL request fails in a plugin's willSendResponse hook, which Apollo reports itself.
    started = startServiceProcess({ PORT: String(port), DATABASE_URL: database.url, JWT_SECRET: SECRET }, [
      'test/support/failing-audit-drain.ts',
    ]);
    await waitUntilReady(port, started);
  });
  afterAll(async () => {
    started?.child.kill('SIGTERM');
    await started?.exited;
    await database?.drop();
  });

  it('are JSON lines at error level, without variables or token, and nothing unstructured reaches the console', async () => {
    const token = await signDevelopmentToken(SECRET, { role: 'INTAKE' });
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': 'req-apollo-logging-1',
      },
      body: JSON.stringify({
        query: 'mutation ($input: CreatePeerInput!) { createPeer(input: $input) { id } }',
        variables: {
          input: {
            displayName: 'Wilhelmina Quarrington',
            languages: ['en'],
            modes: ['PHONE'],
            livedExperiences: ['psychosis'],
          },
        },
      }),
    });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'INTERNAL_SERVER_ERROR',
    );

    // Stopped before reading, so that every line it wrote, to the last, is complete and read.
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    const lines = outputLines(started);
    // Nothing unstructured anywhere: every line the process wrote is a JSON object with a level.
    expect(lines.filter((line) => !isLogLine(line))).toEqual([]);
    expect(lines.filter((line) => line.includes('Unexpected error processing request'))).toHaveLength(1);
    expect(lines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({
        level: 50,
        context: 'Apollo',
        reqId: 'req-apollo-logging-1',
        msg: 'Unexpected error processing request: Error: audit trail unavailable',
      }),
    );
    // Nest's own lines go through pino too, those it buffered while the application was built included.
    expect(lines.map((line) => JSON.parse(line))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 30,
          context: 'InstanceLoader',
          msg: 'LoggingModule dependencies initialized',
        }),
        expect.objectContaining({
          level: 30,
          context: 'NestApplication',
          msg: 'Nest application successfully started',
        }),
      ]),
    );
    expect(started.output()).not.toMatch(/Wilhelmina|Quarrington|psychosis|Bearer|eyJ/);
  });
});
