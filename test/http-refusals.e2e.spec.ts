import request from 'supertest';
import { BODY_LIMIT_BYTES } from '../src/app/bootstrap';
import { startTestApp, TestApp } from './support/test-app';

/** Text that must never come back: every refused body carries it. */
const MARKER = 'Wilhelmina-psychosis-marker';

describe('requests refused before GraphQL runs', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor({ role: 'INTAKE' });
  });
  afterAll(() => t.close());

  function post(contentType: string, body: string, accept?: string) {
    const call = request(t.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${token}`)
      .set('content-type', contentType);
    if (accept) call.set('accept', accept);
    return call.send(body);
  }

  const overLimit = JSON.stringify({ query: '{ tags { slug } }', variables: { note: MARKER.repeat(10_000) } });

  const REFUSALS: [string, () => [string, string], number, string, RegExp][] = [
    [
      `a body over ${BODY_LIMIT_BYTES} bytes`,
      () => ['application/json', overLimit],
      413,
      'PAYLOAD_TOO_LARGE',
      /too large/,
    ],
    [
      'a content type without a parser',
      () => ['application/xml', `<q>${MARKER}</q>`],
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      /Unsupported Media Type/,
    ],
    [
      'malformed JSON',
      () => ['application/json', `{"query": "{ tags { slug } }", "x": "${MARKER}`],
      400,
      'BAD_REQUEST',
      /not valid JSON/,
    ],
    ['an empty JSON body', () => ['application/json', ''], 400, 'BAD_REQUEST', /empty/],
  ];

  it('the oversized body really is over the limit', () => {
    expect(Buffer.byteLength(overLimit)).toBeGreaterThan(BODY_LIMIT_BYTES);
  });

  it.each(REFUSALS)(
    'answers %s in the GraphQL error shape, keeping its HTTP status, without echoing the body',
    async (_case, body, status, code, says) => {
      const [contentType, payload] = body();
      const response = await post(contentType, payload);
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(response.text)).toEqual({
        errors: [{ message: expect.stringMatching(says), extensions: { code } }],
      });
      expect(response.text).not.toContain(MARKER.slice(0, 10));
    },
  );

  it.each([
    ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json; charset=utf-8'],
    ['application/json, application/graphql-response+json;q=0.9', 'application/json; charset=utf-8'],
    ['*/*', 'application/json; charset=utf-8'],
    ['text/html', 'application/json; charset=utf-8'],
  ])('answers a client accepting %s with %s, as Apollo Server would', async (accept, mediaType) => {
    const response = await post('application/json', '{"query": ', accept);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe(mediaType);
    expect(JSON.parse(response.text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('still answers a well-formed request', async () => {
    const response = await t.gql('{ tags(kind: INTEREST) { slug } }', {}, token);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ tags: expect.arrayContaining([{ slug: 'cooking' }]) });
  });
});
