import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { DevelopmentClaims } from '../src/common/auth/development-token';
import { makePeer, makeSupportWorker } from './support/factories';
import { waitForJobs } from './support/queue';
import {
  Example,
  FencedBlock,
  Placeholder,
  placeholdersIn,
  readmeExamples,
  TOKEN_COMMAND,
} from './support/readme-blocks';
import { GraphqlResponse, startTestApp, TestApp } from './support/test-app';

// The convention these examples follow is written down in test/support/readme-blocks.ts.

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/**
 * "Layout" is a directory tree, not an example; that section is kept in step with the source
 * tree by whoever moves files, so it carries no marker of ours.
 */
const unmarkedNotRun = (block: FencedBlock) =>
  block.heading === 'Layout' && block.language === '' ? 'a directory tree' : undefined;

const { examples, problems } = readmeExamples(README, { unmarkedNotRun });
const named = (example: Example) => `README.md:${example.block.line} (${example.block.heading})`;
const ofKind = <K extends Example['kind']>(kind: K) =>
  examples
    .filter((example): example is Example & { kind: K } => example.kind === kind)
    .map((example): [string, Example & { kind: K }] => [named(example), example]);

interface Shell {
  status: number | null;
  stdout: string;
  stderr: string;
}

function bash(args: string[], script: string): Promise<Shell> {
  return new Promise((resolve, reject) => {
    // The same environment as this process, so that npm run token signs with the secret the app verifies;
    // npm's update notice would otherwise land on stderr, which must stay empty.
    const child = spawn('bash', args, { cwd: ROOT, env: { ...process.env, npm_config_update_notifier: 'false' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(script);
  });
}

/** A reader pastes the block as written, placeholders and all: it must at least parse as bash. */
async function expectShellSyntax(text: string): Promise<void> {
  const result = await bash(['-n'], text);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

function expectAnswered(response: GraphqlResponse, what: string): void {
  expect({ what, errors: response.errors }).toEqual({ what, errors: undefined });
  expect(response.data).toBeTruthy();
  // A null field is how a wrong id or a refused read answers: not what an example is there to show.
  for (const [field, value] of Object.entries(response.data!))
    expect({ what, field, value }).not.toMatchObject({ value: null });
}

describe('README examples', () => {
  let t: TestApp;
  let origin: string;

  beforeAll(async () => {
    t = await startTestApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => t?.close());

  async function post(body: Record<string, unknown>, token: string): Promise<GraphqlResponse> {
    const response = await fetch(`http://${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const { data, errors } = (await response.json()) as GraphqlResponse;
    return { status: response.status, data, errors };
  }

  interface World {
    ids: Record<Placeholder, string | undefined>;
    peerId: string;
    workerId: string;
  }

  /**
   * Fresh records for one example, with what its placeholders name: a peer who consents to the
   * use of their lived experience, two workers who suit them, and, when asked for, an open
   * request whose suggestions are ready, and a match accepted from them.
   */
  async function worldFor(needs: Set<string>): Promise<World> {
    await t.reset();
    const intake = await t.tokenFor({ role: 'INTAKE' });
    const peer = await makePeer(t, {
      displayName: 'Mai',
      livedExperiences: ['panic-attacks'],
      consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true },
    });
    const worker = await makeSupportWorker(t, { displayName: 'Linh', livedExperiences: ['anxiety'] });
    await makeSupportWorker(t, { displayName: 'Alex' });
    const ids: World['ids'] = {
      'peer-id': peer.id,
      'worker-id': worker.id,
      'request-id': undefined,
      'suggestion-id': undefined,
      'match-id': undefined,
      'end-cursor': undefined,
    };
    let workerId = worker.id;
    await waitForJobs(t.app);

    if (needs.has('request-id') || needs.has('suggestion-id') || needs.has('match-id')) {
      const requested = await t.gql<{ requestMatch: { id: string } }>(
        'mutation ($peerId: ID!) { requestMatch(peerId: $peerId) { id } }',
        { peerId: peer.id },
        intake,
      );
      ids['request-id'] = requested.data!.requestMatch.id;
      await waitForJobs(t.app);
      const ready = await t.gql<{
        matchRequest: { status: string; suggestions: { id: string; supportWorker: { id: string } }[] };
      }>(
        'query ($id: ID!) { matchRequest(id: $id) { status suggestions { id supportWorker { id } } } }',
        { id: ids['request-id'] },
        intake,
      );
      expect(ready.data?.matchRequest.status).toBe('READY');
      const [first] = ready.data!.matchRequest.suggestions;
      ids['suggestion-id'] = first.id;
      if (needs.has('match-id')) {
        const accepted = await t.gql<{ acceptSuggestion: { id: string } }>(
          'mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }',
          { id: first.id },
          intake,
        );
        ids['match-id'] = accepted.data!.acceptSuggestion.id;
        workerId = first.supportWorker.id;
        await waitForJobs(t.app);
      }
    }
    if (needs.has('end-cursor')) {
      const page = await t.gql<{ supportWorkers: { pageInfo: { endCursor: string } } }>(
        '{ supportWorkers(first: 1) { pageInfo { endCursor } } }',
        {},
        intake,
      );
      ids['end-cursor'] = page.data!.supportWorkers.pageInfo.endCursor;
    }
    return { ids, peerId: peer.id, workerId };
  }

  function fill(text: string, world: World): string {
    return text.replace(/<([a-z][a-z0-9-]*)>/g, (placeholder, name: Placeholder) => {
      const id = world.ids[name];
      if (!id) throw new Error(`${placeholder}: this example needs it, but the world made for it has none`);
      return id;
    });
  }

  const needsOf = (...texts: string[]) => new Set(texts.flatMap(placeholdersIn));

  it('has only blocks the suite knows how to check, marked as the convention says', () => {
    expect(problems).toEqual([]);
  });

  it.each(ofKind('graphql'))('%s: the GraphQL answers as its marker says', async (_, example) => {
    const variablesText = example.variables?.text ?? '';
    const world = await worldFor(needsOf(example.block.text, variablesText));
    const claims: DevelopmentClaims = { role: example.role, scope: example.scope };
    if (example.role === 'PEER') claims.peerId = world.peerId;
    if (example.role === 'SUPPORT_WORKER') claims.supportWorkerId = world.workerId;
    const token = await t.tokenFor(claims);
    const query = fill(example.block.text, world);
    const variables = variablesText ? (JSON.parse(fill(variablesText, world)) as Record<string, unknown>) : undefined;

    const operations = parse(query).definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    expect(operations.length).toBeGreaterThan(0);
    // One anonymous operation pastes anywhere; several need names for a client to pick one.
    if (operations.length > 1 && operations.some((operation) => !operation.name)) {
      throw new Error(`${operations.length} operations in one block, not all named: name each, or give each a block`);
    }

    for (const operation of operations) {
      const operationName = operation.name?.value;
      const response = await post({ query, variables, operationName }, token);
      if (example.answers) expect(response.errors?.[0]?.extensions?.code).toBe(example.answers);
      else expectAnswered(response, operationName ?? 'the operation');
    }
  });

  it.each(ofKind('curl'))(
    '%s: every curl answers without errors',
    async (_, example) => {
      await expectShellSyntax(example.block.text);
      const world = await worldFor(needsOf(example.block.text));
      const script = fill(example.block.text, world).replace(/\blocalhost:3000\b/g, origin);
      // Each response ends its line, so that several curls in one block read back one by one.
      const result = await bash(
        ['-s'],
        `set -euo pipefail\ncurl() { command curl --max-time 20 "$@"; echo; }\n${script}\n`,
      );
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      const responses = result.stdout.split('\n').filter((line) => line.trim() !== '');
      const calls = script.match(/(?:^|[\s;&|(])curl\s/gm) ?? [];
      expect(responses).toHaveLength(calls.length);
      for (const [index, line] of responses.entries()) {
        expectAnswered(JSON.parse(line) as GraphqlResponse, `curl ${index + 1}`);
      }
    },
    60_000,
  );

  it.each(ofKind('token'))(
    '%s: every npm run token prints a token the server accepts',
    async (_, example) => {
      await expectShellSyntax(example.block.text);
      const world = await worldFor(needsOf(example.block.text));
      const result = await bash(['-s'], `set -euo pipefail\n${fill(example.block.text, world)}\n`);
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      // Without -s, npm prints the script it runs before the script's own output.
      const tokens = result.stdout.split('\n').filter((line) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(line));
      expect(tokens).toHaveLength(example.block.text.match(TOKEN_COMMAND)!.length);
      for (const token of tokens) expectAnswered(await post({ query: '{ tags { slug } }' }, token), 'tags');
    },
    60_000,
  );

  it.each(ofKind('shell'))('%s: the shell block parses', async (_, example) => {
    await expectShellSyntax(example.block.text);
  });

  it('finds examples of every kind it runs', () => {
    const kinds = new Set(examples.map((example) => example.kind));
    // A README without one of these means the parser stopped seeing it, not that the README is done.
    for (const kind of ['graphql', 'curl', 'token', 'shell'] as const) expect(kinds).toContain(kind);
  });
});

describe('the README convention', () => {
  const problemsOf = (markdown: string) => readmeExamples(markdown).problems;

  it('refuses a block of a kind it cannot check, until it is marked as not run', () => {
    const block = '```js\nconsole.log(1);\n```\n';
    expect(problemsOf(block)).toEqual([expect.stringMatching(/```js block is neither run nor checked/)]);
    expect(problemsOf(`<!-- example: not run, a sketch -->\n\n${block}`)).toEqual([]);
  });

  it('refuses a GraphQL block that does not say as whom it runs', () => {
    expect(problemsOf('```graphql\n{ tags { slug } }\n```\n')).toEqual([
      expect.stringMatching(/needs <!-- example: run as ROLE -->/),
    ]);
    expect(problemsOf('<!-- example: run as NURSE -->\n```graphql\n{ tags { slug } }\n```\n')).toEqual([
      expect.stringMatching(/unknown marker "run as NURSE"/),
      expect.stringMatching(/needs <!-- example: run as ROLE -->/),
    ]);
  });

  it('refuses a marker that no block follows, and variables without their operation', () => {
    expect(problemsOf('<!-- example: run as INTAKE -->\nSome prose.\n')).toEqual([
      expect.stringMatching(/marker not followed by a block/),
    ]);
    expect(problemsOf('<!-- example: variables -->\n```json\n{}\n```\n')).toEqual([
      expect.stringMatching(/variables belong right after the GraphQL block/),
    ]);
  });

  it('refuses GraphQL written inline, and placeholders it cannot fill', () => {
    expect(problemsOf('Lists: `{ supportWorkers(after: $cursor) { totalCount } }`.\n')).toEqual([
      expect.stringMatching(/inline GraphQL/),
    ]);
    expect(problemsOf('```sh\ncurl -H "authorization: Bearer <token>" localhost:3000/graphql\n```\n')).toEqual([
      expect.stringMatching(/unknown placeholder <token>/),
    ]);
  });
});
