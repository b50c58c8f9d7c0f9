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
 */
export function startServiceProcess(env: Record<string, string | undefined>, preload: string[] = []): ServiceProcess {
  const required = preload.flatMap((module) => ['-r', `./${module}`]);
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', ...required, 'src/app/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
