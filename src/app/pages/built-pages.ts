import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';

export interface BuiltFile {
  body: Buffer;
  contentType: string;
  /** Names with a content hash never change, so a browser may keep them. */
  immutable: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The folder holding package.json, from wherever this file runs (src/ through ts-node, dist/src/ once built). */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const BUILT_PAGES_DIR = join(projectRoot(), 'dist', 'web');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Every built file, read once at start-up and keyed by its URL path. Only these paths are ever
 * answered, so no request can name a file outside the build.
 */
export function readBuiltPages(dir = BUILT_PAGES_DIR): Map<string, BuiltFile> | undefined {
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  const files = new Map<string, BuiltFile>();
  for (const path of filesUnder(dir)) {
    const contentType = CONTENT_TYPES[extname(path)];
    if (!contentType) continue;
    const urlPath = `/${relative(dir, path).split(sep).join('/')}`;
    files.set(urlPath, { body: readFileSync(path), contentType, immutable: urlPath.startsWith('/assets/') });
  }
  return files;
}
