import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDevelopmentToken } from '../src/common/auth/development-token';
import { DEVELOPMENT_JWT_SECRET } from '../src/config/environment';
import { freePort } from './support/free-port';
import { ServiceProcess, startServiceProcess, waitUntilReady } from './support/service-process';
import { embeddedDatabaseAnswers } from './support/embedded-database';
import { createTestDatabase } from './support/test-database';

/** An IPv4 address of this machine other than loopback, if it has one. */
function outwardAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
}

function tcpConnects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    const done = (connected: boolean) => {
      socket.destroy();
      resolve(connected);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/** The JSON log lines of a service process, parsed. */
function logLines(started: ServiceProcess): Record<string, unknown>[] {
  return started
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

describe('npm start', () => {
  jest.setTimeout(120_000);

  it('stops at once, naming the variable, when the environment is wrong', async () => {
    const started = startServiceProcess({ PORT: 'eighty' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/Invalid environment: PORT/);
  });

  it('refuses to serve a real database with the public development secret, saying why in one line', async () => {
    const database = await createTestDatabase();
    try {
      // A database it could run on: without the refusal it would start and serve.
      const started = startServiceProcess({ PORT: String(await freePort()), DATABASE_URL: database.url });
      let timer: NodeJS.Timeout | undefined;
      const exited = await Promise.race([
        started.exited,
        new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), 30_000))),
      ]);
      clearTimeout(timer);
      started.child.kill('SIGKILL');
      expect(exited).toBe(1);
      const lines = started.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toMatchObject({
        level: 60,
        msg: expect.stringMatching(/^Refusing to start: DATABASE_URL is set .* set JWT_SECRET .* or JWT_JWKS_URL$/),
      });
    } finally {
      await database.drop();
    }
  });

  it('runs on its own PostgreSQL, serves the seeded taxonomy, and stops that PostgreSQL on SIGTERM', async () => {
    const home = await mkdtemp(join(tmpdir(), 'peermatch-start-'));
    await chmod(home, 0o755); // the database runs as the postgres user, who must reach its directory
    const [port, databasePort] = [await freePort(), await freePort()];
    const started = startServiceProcess({
      PORT: String(port),
      EMBEDDED_DB_DIR: join(home, 'postgres'),
      EMBEDDED_DB_PORT: String(databasePort),
    });
    try {
      await waitUntilReady(port, started);
      // With the public development secret, only this machine may reach the API.
      expect(logLines(started)).toContainEqual(expect.objectContaining({ address: '127.0.0.1', port }));
      const outward = outwardAddress();
      if (outward) expect(await tcpConnects(outward, port)).toBe(false);

      const token = await signDevelopmentToken(DEVELOPMENT_JWT_SECRET, { role: 'INTAKE' });
      const graphql = (query: string, variables: object = {}) =>
        fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'x-request-id': 'req-start-test-1',
          },
          body: JSON.stringify({ query, variables }),
        }).then((r) => r.json() as Promise<{ data: Record<string, unknown> }>);

      const tags = await graphql('{ tags(kind: LIVED_EXPERIENCE) { slug parent { slug } } }');
      expect(tags.data.tags).toContainEqual({ slug: 'panic-attacks', parent: { slug: 'anxiety' } });

      const created = await graphql('mutation ($input: CreatePeerInput!) { createPeer(input: $input) { id } }', {
        input: {
          displayName: 'Wilhelmina Quarrington',
          languages: ['en'],
          modes: ['PHONE'],
          livedExperiences: ['psychosis'],
        },
      });
      expect(created.data.createPeer).toHaveProperty('id');
      // One JSON line per request, carrying its id; no name, health information or token in any line.
      const lines = started
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      expect(lines.map((line) => JSON.parse(line))).toContainEqual(
        expect.objectContaining({ reqId: 'req-start-test-1', req: { method: 'POST', path: '/graphql' } }),
      );
      expect(started.output()).not.toMatch(/Wilhelmina|Quarrington|psychosis|Bearer|eyJ/);

      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
      expect(await embeddedDatabaseAnswers(databasePort)).toBe(false);
      expect(existsSync(join(home, 'postgres', 'postmaster.pid'))).toBe(false);
      expect(existsSync(join(home, 'postgres', 'PG_VERSION'))).toBe(true);
    } finally {
      started.child.kill('SIGKILL');
      await rm(home, { recursive: true, force: true });
    }
  });

  it('starts no database of its own when DATABASE_URL is set, and listens on every interface', async () => {
    const home = await mkdtemp(join(tmpdir(), 'peermatch-start-'));
    const database = await createTestDatabase();
    const port = await freePort();
    const started = startServiceProcess({
      PORT: String(port),
      DATABASE_URL: database.url,
      JWT_SECRET: 'start-test-secret-of-at-least-32-characters',
      EMBEDDED_DB_DIR: join(home, 'postgres'),
    });
    try {
      await waitUntilReady(port, started);
      expect(existsSync(join(home, 'postgres'))).toBe(false);
      // Also shows that the outward address reaches a service bound to all interfaces, so the
      // refusal in the loopback test means what it says.
      expect(logLines(started)).toContainEqual(expect.objectContaining({ address: '0.0.0.0', port }));
      const outward = outwardAddress();
      if (outward) expect(await tcpConnects(outward, port)).toBe(true);
    } finally {
      started.child.kill('SIGTERM');
      await started.exited;
      await database.drop();
      await rm(home, { recursive: true, force: true });
    }
  });
});
