import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SRC = resolve(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The module names a file imports or re-exports, type-only ones included, as the parser reads them. */
function specifiersOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) found.push(argument.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push(literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every relative import of a file, resolved to a file under src/. */
function importsOf(file: string): string[] {
  return specifiersOf(file)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier))
    .map((path) => [`${path}.ts`, join(path, 'index.ts')].find((candidate) => FILES.has(candidate)) ?? path)
    .filter((path) => FILES.has(path));
}

const FILES = new Set(sourceFiles(SRC));
const name = (file: string) => relative(SRC, file);

/** The folder a file belongs to: matching/<part> inside matching, the top folder elsewhere. */
function folderOf(file: string): string {
  const parts = name(file).split('/');
  if (parts[0] === 'matching' && parts.length > 2) return `matching/${parts[1]}`;
  return parts.length > 1 ? parts[0] : '.';
}

const GRAPH = new Map([...FILES].map((file) => [file, importsOf(file)]));

/** What points up or sideways: each rule of the layout, as the pairs of folders that break it. */
function violations(): string[] {
  const found = new Set<string>();
  const folderEdges = new Set<string>();
  for (const [file, imports] of GRAPH) {
    const from = folderOf(file);
    for (const target of imports) {
      const to = folderOf(target);
      if (from === to) continue;
      folderEdges.add(`${from} -> ${to}`);
      if (from === 'common' && to !== 'config') found.add(`common imports a domain: ${name(file)} -> ${name(target)}`);
      if (from === 'matching/core') found.add(`core imports outside core: ${name(file)} -> ${name(target)}`);
      if (from === 'matching/engine' && to === 'matching/jobs') found.add(`engine imports jobs: ${name(file)}`);
      if (to === 'app' && from !== 'app') found.add(`imports app/: ${name(file)} -> ${name(target)}`);
      // A subfolder never reaches up into its parent's own files.
      if (from.startsWith('matching/') && to === 'matching')
        found.add(`imports its parent: ${name(file)} -> ${name(target)}`);
    }
  }
  for (const edge of folderEdges) {
    const [from, to] = edge.split(' -> ');
    if (from < to && folderEdges.has(`${to} -> ${from}`)) found.add(`folders import each other: ${from} <-> ${to}`);
  }
  return [...found].sort();
}

/** Files that import themselves through others, each circle named once by its first file. */
function circles(): string[] {
  const found = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of GRAPH.get(file) ?? []) {
      if (state.get(target) === 'open') {
        const circle = stack.slice(stack.indexOf(target)).map(name);
        const start = circle.indexOf([...circle].sort()[0]);
        found.add([...circle.slice(start), ...circle.slice(0, start)].join(' -> '));
      } else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...FILES].sort()) if (!state.has(file)) visit(file);
  return [...found].sort();
}

/**
 * The layout's debts, named one by one until they are paid. A new upward import or circle
 * fails the test; so does a paid debt left on the list, so that the list stays true.
 */
const KNOWN_VIOLATIONS: string[] = [
  // A Match is created in suggestions/ (accept) and ended in matches/.
  'folders import each other: matching/matches <-> matching/suggestions',
  // peers/ enqueues recomputes and rewrites suggestions; matching/ reads peers.
  'folders import each other: matching/matches <-> peers',
  'folders import each other: matching/requests <-> matching/suggestions',
  'folders import each other: matching/requests <-> peers',
  'folders import each other: matching/suggestions <-> peers',
];
const KNOWN_CIRCLES: string[] = [];

describe('the layout: every import points down', () => {
  it('holds no import that points up or sideways beyond the debts named here', () => {
    expect(violations()).toEqual(KNOWN_VIOLATIONS);
  });

  it('holds no import circle beyond the debts named here', () => {
    expect(circles()).toEqual(KNOWN_CIRCLES);
  });
});
