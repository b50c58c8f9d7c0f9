import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { eventually } from './queue';

/** A redis-server of the test's own, so a test runs alike whether or not REDIS_URL is set for the suite. */
export interface RedisServer {
  url: string;
  /** Stops the server: connections are refused until start() again. */
  stop(): Promise<void>;
  /** Starts it again, if stopped. */
  start(): Promise<void>;
  /** Freezes the process: connections stay open and nothing is answered, until resume(). */
  freeze(): void;
  resume(): void;
  /** Connections open to it, other than the one asking. */
  otherClients(): number;
  dispose(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'peermatch-redis-'));
  const pidFile = join(dir, 'redis.pid');
  let pid: number | undefined;
  const pings = () =>
    spawnSync('redis-cli', ['-p', String(port), 'ping'])
      .stdout?.toString()
      .includes('PONG');
  const signal = (name: NodeJS.Signals) => {
    if (pid !== undefined) process.kill(pid, name);
  };

  const start = async () => {
    if (pid !== undefined) return;
    const started = spawnSync('redis-server', [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
      ...['--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--pidfile', pidFile],
    ]);
    if (started.status !== 0) throw new Error(`redis-server did not start: ${started.stderr?.toString()}`);
    await eventually(async () => pings(), 'redis-server to answer');
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  };
  const stop = async () => {
    signal('SIGCONT');
    signal('SIGTERM');
    await eventually(async () => !pings(), 'redis-server to stop');
    pid = undefined;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    freeze: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    otherClients: () =>
      spawnSync('redis-cli', ['-p', String(port), 'client', 'list'])
        .stdout.toString()
        .split('\n')
        .filter((line) => line.includes('addr=') && !line.includes('cmd=client')).length,
    dispose: async () => {
      if (pid !== undefined) await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
