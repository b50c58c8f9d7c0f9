import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The pages' operations are checked against schema.graphql as they are built: a schema that
// loses a field a page reads fails the build, naming the field.

const ROOT = join(__dirname, '..');
const run = promisify(execFile);

/** The pages with a schema of our choosing, in a copy of the project's layout. */
function pagesAgainst(schema: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'peermatch-pages-'));
  cpSync(join(ROOT, 'src', 'web'), join(copy, 'src', 'web'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  writeFileSync(join(copy, 'schema.graphql'), schema);
  cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  return copy;
}

/** The build's own script for the pages (npm run build:web), run in the copy. */
async function build(copy: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'build:web'], { cwd: copy });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const schema = readFileSync(join(ROOT, 'schema.graphql'), 'utf8');

it("passes with the service's own schema", async () => {
  const copy = pagesAgainst(schema);
  try {
    const result = await build(copy);
    expect(result).toEqual({ ok: true, output: expect.stringContaining('No problems found') });
    expect(existsSync(join(copy, 'dist', 'web', 'index.html'))).toBe(true);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}, 120_000);

it('fails, naming the field, when the schema loses one a page reads', async () => {
  const withoutExplained = schema.replace(/\n\s*("""[^"]*"""\s*)?explained: \[Reason!\]!\n/g, '\n');
  expect(withoutExplained).not.toBe(schema);
  const copy = pagesAgainst(withoutExplained);
  try {
    const result = await build(copy);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('Cannot query field "explained" on type "Suggestion"');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}, 120_000);
