import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/free-port';
import { startServiceProcess, waitUntilReady } from './support/service-process';
import { createTestDatabase, TestDatabase } from './support/test-database';

const SECRET = 'start-failure-test-secret-of-32-chars';

interface Line {
  level: number;
  msg: string;
}

/** Starts the service with `env` and waits for it to give up; fails if it is still running after 60 s. */
async function failedStart(env: Record<string, string>, preload: string[] = []) {
  const started = startServiceProcess(env, preload);
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    started.exited,
    new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), 60_000))),
  ]);
  clearTimeout(timer);
  started.child.kill('SIGKILL');
  return { code, output: started.output() };
}

/** Exit status 1, every line a JSON log line, none a stack, and one only at warn or above: the reason, as a fatal line. */
function expectOneLine({ code, output }: { code: number | null | string; output: string }, reason: RegExp): void {
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('"stack"');
  const lines = output
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);
  expect(lines.filter((line) => line.level >= 40)).toEqual([
    expect.objectContaining({ level: 60, msg: expect.stringMatching(reason) }),
  ]);
  expect(code).toBe(1);
}

function holdPort(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.destroy()).listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('a start that cannot succeed', () => {
  jest.setTimeout(120_000);
  let database: TestDatabase;
  let home: string;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'peermatch-start-failure-'));
    await chmod(home, 0o755); // the database runs as the postgres user, who must reach its directory
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('says in one line which setting is wrong', async () => {
    expectOneLine(await failedStart({ PORT: 'abc' }), /^Invalid environment: PORT /);
    expectOneLine(
      await failedStart({ NODE_ENV: 'production' }),
      /^Invalid environment: JWT_SECRET or JWT_JWKS_URL is required/,
    );
  });

  it('says in one line which setting is wrong when that shows only while the app is built', async () => {
    const result = await failedStart(
      { PORT: String(await freePort()), DATABASE_URL: database.url, JWT_SECRET: SECRET },
      ['test/support/invalid-setting-in-app.ts'],
    );
    expectOneLine(result, /^Invalid environment: JWT_JWKS_URL found wrong while the app is built$/);
  });

  it("says in one line that the API's port is taken, and which setting to change", async () => {
    const port = await freePort();
    const holder = await holdPort(port);
    try {
      const result = await failedStart({ PORT: String(port), DATABASE_URL: database.url, JWT_SECRET: SECRET });
      expectOneLine(result, new RegExp(`^Port ${port} is in use by another program: .* set PORT to a free port$`));
    } finally {
      holder.close();
    }
  });

  it("says in one line that the embedded database's port is taken, and which setting to change", async () => {
    const databasePort = await freePort();
    const holder = await holdPort(databasePort);
    try {
      const result = await failedStart({
        PORT: String(await freePort()),
        EMBEDDED_DB_DIR: join(home, 'postgres'),
        EMBEDDED_DB_PORT: String(databasePort),
      });
      expectOneLine(
        result,
        new RegExp(
          `^Port ${databasePort} of the embedded PostgreSQL is in use by another program: .* set EMBEDDED_DB_PORT`,
        ),
      );
    } finally {
      holder.close();
    }
  });

  it('says in one line that the database cannot be reached, and where it was looked for', async () => {
    const closed = await freePort();
    const result = await failedStart({
      PORT: String(await freePort()),
      DATABASE_URL: `postgres://peermatch:secret-password@127.0.0.1:${closed}/peermatch`,
      JWT_SECRET: SECRET,
    });
    expectOneLine(
      result,
      new RegExp(
        `^Cannot reach the database at 127\\.0\\.0\\.1:${closed}/peermatch \\(ECONNREFUSED\\): .* DATABASE_URL$`,
      ),
    );
    expect(result.output).not.toContain('secret-password');
  });

  // As root, PostgreSQL runs as the postgres user, which a checkout under a private home shuts out.
  const asRoot = process.getuid?.() === 0;
  (asRoot ? it : it.skip)(
    'says in one line that the postgres user cannot read the data directory, leaves nothing half-made, and starts once it can',
    async () => {
      const closed = join(home, 'private');
      const dataDir = join(closed, 'postgres');
      await mkdir(closed, { mode: 0o700 });
      const env = {
        PORT: String(await freePort()),
        EMBEDDED_DB_DIR: dataDir,
        EMBEDDED_DB_PORT: String(await freePort()),
      };

      const result = await failedStart(env);
      expectOneLine(
        result,
        new RegExp(
          `^The postgres user cannot read ${closed}, on the way to EMBEDDED_DB_DIR ${dataDir} .*: set EMBEDDED_DB_DIR`,
        ),
      );
      expect(existsSync(dataDir)).toBe(false);

      await chmod(closed, 0o755);
      const started = startServiceProcess(env);
      try {
        await waitUntilReady(Number(env.PORT), started);
      } finally {
        started.child.kill('SIGTERM');
        expect(await started.exited).toBe(0);
      }
    },
  );
});
