import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/free-port';
import { startServiceProcess, waitUntilReady } from './support/service-process';
import { embeddedDatabaseAnswers } from './support/embedded-database';

interface Line {
  level: number;
  msg: string;
}

describe('Ctrl-C in the terminal running npm start', () => {
  jest.setTimeout(120_000);

  it('stops the API, then the queue consumer, then the embedded PostgreSQL, without a warning', async () => {
    const home = await mkdtemp(join(tmpdir(), 'peermatch-stop-'));
    await chmod(home, 0o755); // the database runs as the postgres user, who must reach its directory
    const [port, databasePort] = [await freePort(), await freePort()];
    const started = startServiceProcess(
      { PORT: String(port), EMBEDDED_DB_DIR: join(home, 'postgres'), EMBEDDED_DB_PORT: String(databasePort) },
      [],
      { ownGroup: true },
    );
    try {
      await waitUntilReady(port, started);
      expect(await embeddedDatabaseAnswers(databasePort)).toBe(true);
      // The terminal signals the whole foreground group, the embedded PostgreSQL's process
      // included; npm passes the signal on to the service a second time, a moment later.
      process.kill(-started.child.pid!, 'SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 100));
      started.child.kill('SIGINT');
      expect(await started.exited).toBe(0);

      const lines = started
        .output()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Line);
      const stopping = lines.slice(lines.findIndex((line) => line.msg === 'stopping: finishing jobs in progress'));
      expect(stopping.map((line) => line.msg)).toEqual([
        'stopping: finishing jobs in progress',
        'API stopped',
        'queue consumer stopped',
        'embedded PostgreSQL stopped',
      ]);
      expect(stopping.filter((line) => line.level >= 40)).toEqual([]);
      expect(await embeddedDatabaseAnswers(databasePort)).toBe(false);
    } finally {
      started.child.kill('SIGKILL');
      await rm(home, { recursive: true, force: true });
    }
  });
});
