import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { decodeJwt, jwtVerify } from 'jose';
import { DEVELOPMENT_JWT_SECRET } from '../src/config/environment';

const ROOT = join(__dirname, '..');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The script as `npm run token` starts it, with only the environment given. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const token = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/token.ts', ...args], env);

const OPTIONS = ['--role', '--sub', '--peer-id', '--support-worker-id', '--scope', '--expires-in', '--help', '-h'];

describe('npm run token', () => {
  it.each([['--help'], ['-h']])(
    '%s prints every option, the defaults and the lifetime limit, and exits 0',
    async (flag) => {
      const result = await token([flag]);
      expect(result).toMatchObject({ status: 0, stderr: '' });
      for (const option of OPTIONS) expect(result.stdout).toContain(option);
      expect(result.stdout).toContain('ADMIN, INTAKE, PEER, SUPPORT_WORKER, SERVICE');
      expect(result.stdout).toContain('default dev-<role>');
      expect(result.stdout).toContain('default 8h');
      expect(result.stdout).toMatch(/TOKEN_MAX_LIFETIME_SECONDS, here 86400 s/);
    },
  );

  it('names the lifetime limit this environment sets', async () => {
    const result = await token(['--help'], { TOKEN_MAX_LIFETIME_SECONDS: '3600' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/TOKEN_MAX_LIFETIME_SECONDS, here 3600 s/);
  });

  it('explains itself through npm, as the README calls it', async () => {
    const result = await run('npm', ['run', '-s', 'token', '--', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run token -- --role <role>/);
  });

  const usageErrors: [string, string[], string][] = [
    ['an unknown option', ['--role', 'INTAKE', '--bogus'], "unknown option '--bogus'"],
    ['an unknown short option', ['-x'], "unknown option '-x'"],
    ['a stray argument', ['--role', 'INTAKE', 'extra'], "unexpected argument 'extra'"],
    ['no role', [], '--role is required'],
    ['a role without its value', ['--role', '--sub', 'alice'], "option '--role' needs a value"],
    ['an unknown role', ['--role', 'nurse'], '--role must be one of ADMIN, INTAKE, PEER, SUPPORT_WORKER, SERVICE'],
    ['a peer id that is not a UUID', ['--role', 'PEER', '--peer-id', '<peer-id>'], '--peer-id must be a UUID'],
    ['a lifetime beyond the limit', ['--role', 'INTAKE', '--expires-in', '2d'], '--expires-in must be at most 86400 s'],
  ];

  it.each(usageErrors)('refuses %s in one line, pointing at --help, with status 2', async (_, args, message) => {
    const result = await token(args);
    expect(result).toMatchObject({ status: 2, stdout: '' });
    // One line: no stack, no Node error code, nothing a reader must scroll past.
    expect(result.stderr).toMatch(/^token: [^\n]+ \(see --help\)\n$/);
    expect(result.stderr).toContain(message);
  });

  it('signs nothing for production settings, without a stack', async () => {
    const result = await token(['--role', 'INTAKE'], { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(result).toMatchObject({ status: 1, stdout: '', stderr: 'Development tokens are not for production\n' });
  });

  it('prints a token with the claims asked for, signed with the development secret', async () => {
    const peerId = '0b7c6a2e-6f0c-4a57-9a43-5d1f7e0c2b11';
    const result = await token(['--role', 'peer', '--peer-id', peerId, '--sub', 'mai', '--expires-in', '90m']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const printed = result.stdout.trim();
    await expect(jwtVerify(printed, new TextEncoder().encode(DEVELOPMENT_JWT_SECRET))).resolves.toBeDefined();
    const claims = decodeJwt(printed);
    expect(claims).toMatchObject({ role: 'PEER', peerId, sub: 'mai' });
    expect(claims.exp! - claims.iat!).toBe(90 * 60);
  });
});
