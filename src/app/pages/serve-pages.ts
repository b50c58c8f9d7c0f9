import type { FastifyInstance, FastifyReply } from 'fastify';
import type { HelpLine } from '../../config/help-lines';
import { BuiltFile, readBuiltPages } from './built-pages';
import { PAGE_HEADERS } from './security-headers';

/** Paths the pages route in the browser: each answers with the page, which then shows the right view. */
export const PAGE_ROUTES = ['/', '/sign-in', '/peer', '/peer/*', '/intake', '/intake/*', '/worker', '/worker/*'];

export interface PagesOptions {
  helpLines: HelpLine[];
  /** GraphiQL, built with the pages, served in development only. */
  graphiql: boolean;
}

/**
 * The same bytes for everyone, signed in or not: the request need not be authenticated (a page
 * load would otherwise look its session up once per asset).
 */
export interface PublicFileRoute {
  publicFile?: boolean;
}
const PUBLIC_FILE = { config: { publicFile: true } satisfies PublicFileRoute };

const HELP_LINES_PLACEHOLDER = '"__HELP_LINES__"';

/** JSON inside a <script type="application/json">: no "<" may end the element early. */
function embeddedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function send(reply: FastifyReply, file: BuiltFile): FastifyReply {
  return reply
    .headers(PAGE_HEADERS)
    .header('content-type', file.contentType)
    .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-store')
    .send(file.body);
}

/**
 * The pages people use, served by the API process from what `npm run build` wrote to dist/web.
 * Without a build (tests that never open a page) `/` says how to build them.
 */
export function servePages(fastify: FastifyInstance, options: PagesOptions): void {
  const built = readBuiltPages();
  if (!built) {
    fastify.get('/', PUBLIC_FILE, (_request, reply) =>
      reply.code(503).headers(PAGE_HEADERS).type('text/plain').send('The pages are not built: run npm run build.'),
    );
    return;
  }
  const index = built.get('/index.html')!;
  const page: BuiltFile = {
    ...index,
    body: Buffer.from(
      index.body.toString('utf8').replace(HELP_LINES_PLACEHOLDER, () => embeddedJson(options.helpLines)),
    ),
  };
  for (const route of PAGE_ROUTES) fastify.get(route, PUBLIC_FILE, (_request, reply) => send(reply, page));
  const graphiql = built.get('/graphiql.html');
  if (options.graphiql && graphiql) fastify.get('/graphiql', PUBLIC_FILE, (_request, reply) => send(reply, graphiql));
  for (const [path, file] of built) {
    if (path.endsWith('.html')) continue;
    fastify.get(path, PUBLIC_FILE, (_request, reply) => send(reply, file));
  }
}
