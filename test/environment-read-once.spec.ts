import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SRC = resolve(__dirname, '..', 'src');

/**
 * Where a process starts, and so may read its environment: the service (which parses it once and
 * hands the result down) and the TypeORM command line's data source.
 */
const ENTRY_POINTS = ['app/main.ts', 'database/data-source.ts'];
/** Hands the environment on, unread, to the PostgreSQL server it starts. */
const PASSED_ON = ['database/postgres-process.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function readsProcessEnv(file: string): boolean {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  let found = false;
  const visit = (node: ts.Node) => {
    if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === 'env' &&
      node.expression.getText(source) === 'process'
    )
      found = true;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the environment', () => {
  it('is read only where a process starts, never by a module as it is imported', () => {
    const readers = sourceFiles(SRC)
      .filter(readsProcessEnv)
      .map((file) => relative(SRC, file))
      .sort();
    expect(readers).toEqual([...ENTRY_POINTS, ...PASSED_ON].sort());
  });
});
