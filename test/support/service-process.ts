import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface ServiceProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * `src/app/main.ts` in a process of its own, as `npm start` runs it, with only the environment given.
 * `preload`: modules (paths from the project root) loaded first, to put a fault in place.
 * `ownGroup`: the process leads a process group of its own, which a test may signal as a terminal
 * does on Ctrl-C (`process.kill(-pid, 'SIGINT')`) without reaching the test runner.
 */
export function startServiceProcess(
  env: Record<string, string | undefined>,
  preload: string[] = [],
  { ownGroup = false } = {},
): ServiceProcess {
  const required = preload.flatMap((module) => ['-r', `./${module}`]);
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', ...required, 'src/app/main.ts'], {
    cwd: ROOT,
    // A test's service starts empty, as it expects, unless the test turns the demo seed on.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', DEMO_SEED: 'off', ...env },
    detached: ownGroup,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once the process answers /health/ready on `port`; fails with its output if it exits or is not ready in 60 s. */
export async function waitUntilReady(port: number, started: ServiceProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`exited early:\n${started.output()}`);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready within 60 s:\n${started.output()}`);
}
