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

/** Entities are few and each domain sees its own and those below; only these see all of them. */
const SEE_EVERY_ENTITY = new Set(['app', 'database']);
const ENTITY_FILES = [...FILES].filter((file) => file.endsWith('.entity.ts'));

/** What points up or sideways: each rule of the layout, as the files that break it. */
function violations(): string[] {
  const found = new Set<string>();
  for (const [file, imports] of GRAPH) {
    const from = folderOf(file);
    for (const target of imports) {
      const to = folderOf(target);
      if (from === to) continue;
      if (from === 'common' && to !== 'config') found.add(`common imports a domain: ${name(file)} -> ${name(target)}`);
      if (from === 'matching/core') found.add(`core imports outside core: ${name(file)} -> ${name(target)}`);
      // Domains publish events; only the queue's own module and app/ reach the queue.
      if (to === 'matching/jobs' && from !== 'app') found.add(`imports jobs/: ${name(file)} -> ${name(target)}`);
      if (to === 'app') found.add(`imports app/: ${name(file)} -> ${name(target)}`);
      // Demo people are made up for development: only the start reaches them, never a domain.
      if (to === 'demo' && from !== 'app') found.add(`imports demo/: ${name(file)} -> ${name(target)}`);
      // The synthetic population is plain data over the core's profiles, for benchmarks and demos alike.
      if (from === 'population' && to !== 'matching/core')
        found.add(`population imports beyond the core: ${name(file)} -> ${name(target)}`);
      // A subfolder never reaches up into its parent's own files.
      if (from.startsWith('matching/') && to === 'matching')
        found.add(`imports its parent: ${name(file)} -> ${name(target)}`);
    }
    if (!SEE_EVERY_ENTITY.has(from) && ENTITY_FILES.every((entity) => imports.includes(entity))) {
      found.add(`sees every entity: ${name(file)}`);
    }
  }
  return [...found].sort();
}

/** Nodes that reach themselves through others, each circle named once from its smallest node. */
function circlesIn(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const target of graph.get(node) ?? []) {
      if (state.get(target) === 'open') {
        const circle = stack.slice(stack.indexOf(target));
        const start = circle.indexOf([...circle].sort()[0]);
        found.add([...circle.slice(start), ...circle.slice(0, start)].join(' -> '));
      } else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...found].sort();
}

/** Folder to the folders its files import: two folders that import each other are a circle too. */
const FOLDER_GRAPH = new Map<string, string[]>();
for (const [file, imports] of GRAPH) {
  const from = folderOf(file);
  const targets = new Set(FOLDER_GRAPH.get(from) ?? []);
  for (const target of imports) if (folderOf(target) !== from) targets.add(folderOf(target));
  FOLDER_GRAPH.set(from, [...targets].sort());
}
const NAMED_GRAPH = new Map([...GRAPH].map(([file, imports]) => [name(file), imports.map(name)]));

/** Enums re-exported from a file other than the one that declares them: each should have one path. */
function enumsWithTwoPaths(): string[] {
  const sources = [...FILES].map((file) =>
    ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest),
  );
  const enums = new Set(
    sources.flatMap((source) =>
      source.statements.filter(ts.isEnumDeclaration).map((declaration) => declaration.name.text),
    ),
  );
  return sources.flatMap((source) =>
    source.statements
      .filter(ts.isExportDeclaration)
      .filter((declaration) => declaration.moduleSpecifier && declaration.exportClause)
      .flatMap((declaration) =>
        ts.isNamedExports(declaration.exportClause!)
          ? declaration.exportClause.elements.map((element) => element.name.text)
          : [],
      )
      .filter((exported) => enums.has(exported))
      .map((exported) => `${exported} re-exported by ${name(source.fileName)}`),
  );
}

describe('the layout: every import points down', () => {
  it('holds no import that points up or sideways', () => {
    expect(violations()).toEqual([]);
  });

  it('holds no circle of files, type-only imports included', () => {
    expect(circlesIn(NAMED_GRAPH)).toEqual([]);
  });

  it('holds no circle of folders', () => {
    expect(circlesIn(FOLDER_GRAPH)).toEqual([]);
  });

  it('gives every enum one path: the file that declares it', () => {
    expect(enumsWithTwoPaths()).toEqual([]);
  });
});
