import { parse } from 'graphql';
import { Role, ROLES } from '../../src/common/auth/principal';

/**
 * The README's fenced blocks, and what test/readme-examples.e2e.spec.ts does with each. The
 * convention, kept to HTML comments so that GitHub shows none of it:
 *
 * - A ```graphql block runs against the real server. The comment right before it says as whom:
 *   `<!-- example: run as INTAKE -->`, `<!-- example: run as SERVICE with scope "matches:read" -->`,
 *   and, for an example that shows a refusal, `<!-- example: run as PEER, answers NOT_FOUND -->`.
 *   It must answer without errors and with no top-level field null, or with that error code. A
 *   block holds one operation, or several that are all named (each runs, in order).
 * - A ```json block marked `<!-- example: variables -->` holds the variables of the GraphQL block
 *   before it.
 * - A ```sh, ```bash or ```shell block that calls `curl` runs in bash against a listening server
 *   (`localhost:3000` points at it); every response must be free of errors. One that runs
 *   `npm run token` and no curl must print tokens the server accepts. Every other shell block is
 *   checked with `bash -n`, and so is every run one, as written, so that it also pastes as written.
 * - Ids are placeholders that earlier calls would have returned: `<peer-id>`, `<worker-id>`,
 *   `<request-id>`, `<suggestion-id>`, `<match-id>`, and `<end-cursor>` for a page's endCursor.
 *   Before a block runs, the test makes those records and puts their ids in.
 * - Anything else needs `<!-- example: not run, <why> -->`. A block of any other kind, a marker
 *   not followed by a block, an unknown placeholder, and GraphQL written inline in prose instead
 *   of in a block are all problems: the test fails on them, so that examples added later fall
 *   under the same rule.
 */

export const PLACEHOLDERS = ['peer-id', 'worker-id', 'request-id', 'suggestion-id', 'match-id', 'end-cursor'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface FencedBlock {
  /** 1-based line of the opening fence. */
  line: number;
  language: string;
  text: string;
  /** The nearest heading above, to name the block in failures. */
  heading: string;
}

export type Example =
  | { kind: 'graphql'; block: FencedBlock; role: Role; scope?: string; answers?: string; variables?: FencedBlock }
  | { kind: 'curl' | 'token' | 'shell'; block: FencedBlock }
  | { kind: 'not run'; block: FencedBlock; reason: string };

export interface ReadmeExamples {
  examples: Example[];
  /** Each one a sentence naming its line; the test expects none. */
  problems: string[];
}

export interface ExamplesOptions {
  /** Why a block that carries no marker is not run, or undefined: for blocks where no marker may be written. */
  unmarkedNotRun?: (block: FencedBlock) => string | undefined;
}

const SHELL = new Set(['sh', 'bash', 'shell']);
const MARKER = /^<!--\s*example:\s*(.*?)\s*-->$/;
const RUN_AS = new RegExp(`^run as (${ROLES.join('|')})(?: with scope "([^"]+)")?(?:, answers ([A-Z_]+))?$`);
const NOT_RUN = /^not run, (.+)$/;
const CURL = /(?:^|[\s;&|(])curl\s/m;
export const TOKEN_COMMAND = /\bnpm\s+run\s+(?:-s\s+)?token\b/g;

type Marker =
  | { kind: 'run'; role: Role; scope?: string; answers?: string }
  | { kind: 'variables' }
  | { kind: 'not run'; reason: string };

function markerOf(text: string): Marker | undefined {
  const runAs = RUN_AS.exec(text);
  if (runAs) return { kind: 'run', role: runAs[1] as Role, scope: runAs[2], answers: runAs[3] };
  if (text === 'variables') return { kind: 'variables' };
  const notRun = NOT_RUN.exec(text);
  if (notRun) return { kind: 'not run', reason: notRun[1] };
  return undefined;
}

/** Inline code that parses as a GraphQL operation is an example a reader will paste. */
function isInlineGraphql(code: string): boolean {
  if (!/^\s*(?:\{|(?:query|mutation|subscription)\b)/.test(code)) return false;
  try {
    parse(code);
    return true;
  } catch {
    return false;
  }
}

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/<([a-z][a-z0-9-]*)>/g)].map((match) => match[1]);
}

export function readmeExamples(markdown: string, options: ExamplesOptions = {}): ReadmeExamples {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  const problems: string[] = [];
  let heading = '';
  let pending: { marker: Marker; line: number } | undefined;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const fence = /^(```|~~~)\s*([^\s`]*)/.exec(line);
    if (!fence) {
      const trimmed = line.trim();
      const markerText = MARKER.exec(trimmed)?.[1];
      if (markerText !== undefined) {
        if (pending) problems.push(`line ${pending.line}: marker not followed by a block`);
        const marker = markerOf(markerText);
        if (marker) pending = { marker, line: index + 1 };
        else problems.push(`line ${index + 1}: unknown marker "${markerText}"`);
        continue;
      }
      if (/^#{1,6}\s/.test(line)) heading = line.replace(/^#+\s*/, '');
      if (trimmed !== '' && pending) {
        problems.push(`line ${pending.line}: marker not followed by a block`);
        pending = undefined;
      }
      for (const [, code] of line.matchAll(/`([^`]+)`/g)) {
        if (isInlineGraphql(code)) {
          problems.push(
            `line ${index + 1} (${heading}): inline GraphQL \`${code}\` is an example too: put it in a block, so it runs`,
          );
        }
      }
      continue;
    }

    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !lines[index].startsWith(fence[1]); index++) body.push(lines[index]);
    const block: FencedBlock = { line: start + 1, language: fence[2].toLowerCase(), text: body.join('\n'), heading };
    const marker = pending?.marker;
    pending = undefined;
    const where = `line ${block.line} (${heading})`;

    if (marker?.kind === 'not run') {
      examples.push({ kind: 'not run', block, reason: marker.reason });
    } else if (marker?.kind === 'variables') {
      const previous = examples.at(-1);
      if (block.language !== 'json') problems.push(`${where}: variables must be a json block`);
      else if (previous?.kind !== 'graphql' || previous.variables) {
        problems.push(`${where}: variables belong right after the GraphQL block they are for`);
      } else previous.variables = block;
    } else if (block.language === 'graphql' || block.language === 'gql') {
      if (marker?.kind !== 'run') problems.push(`${where}: a GraphQL block needs <!-- example: run as ROLE -->`);
      else examples.push({ kind: 'graphql', block, role: marker.role, scope: marker.scope, answers: marker.answers });
    } else if (SHELL.has(block.language)) {
      if (marker) problems.push(`${where}: a shell block runs as the token it prints; mark it only as not run`);
      const kind = CURL.test(block.text) ? 'curl' : block.text.match(TOKEN_COMMAND) ? 'token' : 'shell';
      examples.push({ kind, block });
    } else {
      const reason = options.unmarkedNotRun?.(block);
      if (reason) examples.push({ kind: 'not run', block, reason });
      else problems.push(`${where}: a \`\`\`${block.language} block is neither run nor checked: mark it as not run`);
    }

    if (SHELL.has(block.language) || block.language === 'graphql' || block.language === 'json') {
      for (const name of placeholdersIn(block.text)) {
        if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
          problems.push(`${where}: unknown placeholder <${name}>; the test fills in ${PLACEHOLDERS.join(', ')}`);
        }
      }
    }
  }
  if (pending) problems.push(`line ${pending.line}: marker not followed by a block`);
  return { examples, problems };
}
