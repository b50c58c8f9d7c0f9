import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { errorCode, startTestApp, TestApp } from './support/test-app';

type Key = Awaited<ReturnType<typeof generateKeyPair>>;

const ISSUER = 'https://id.peermatch.test';
const AUDIENCE = 'peermatch-api';
const TAGS = `{ tags(kind: CULTURE) { slug } }`;

describe('production tokens from a JWKS', () => {
  let t: TestApp;
  let server: Server;
  let rsa: Key;
  let ec: Key;
  let stranger: Key;
  const saved = { ...process.env };

  beforeAll(async () => {
    [rsa, ec, stranger] = await Promise.all([
      generateKeyPair('RS256'),
      generateKeyPair('ES256'),
      generateKeyPair('RS256'),
    ]);
    const keys: JWK[] = [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    server = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    Object.assign(process.env, {
      NODE_ENV: 'production',
      JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
    });
    delete process.env.JWT_SECRET;
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    server.close();
    process.env = saved;
  });

  function sign(
    key: Key['privateKey'],
    { alg = 'RS256', kid = 'rsa-1', audience = AUDIENCE, issuer = ISSUER, expires = '5m' as string | number } = {},
  ): Promise<string> {
    return new SignJWT({ role: 'INTAKE' })
      .setProtectedHeader({ alg, kid })
      .setSubject('intake-1')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(key);
  }

  it('accepts RS256 and ES256 tokens signed by the identity provider', async () => {
    expect((await t.gql(TAGS, {}, await sign(rsa.privateKey))).errors).toBeUndefined();
    expect((await t.gql(TAGS, {}, await sign(ec.privateKey, { alg: 'ES256', kid: 'ec-1' }))).errors).toBeUndefined();
  });

  it.each([
    ['expired', () => sign(rsa.privateKey, { expires: Math.floor(Date.now() / 1000) - 60 })],
    ['signed by another key', () => sign(stranger.privateKey)],
    ['for another audience', () => sign(rsa.privateKey, { audience: 'another-api' })],
    ['from another issuer', () => sign(rsa.privateKey, { issuer: 'https://elsewhere.test' })],
    [
      'unsigned (alg none)',
      async () => {
        const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return `${part({ alg: 'none' })}.${part({ sub: 'x', role: 'ADMIN', iss: ISSUER, aud: AUDIENCE })}.`;
      },
    ],
    [
      'signed with the development secret',
      async () =>
        new SignJWT({ role: 'ADMIN' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode('peermatch-development-secret-not-for-production')),
    ],
  ])('refuses a token %s as UNAUTHENTICATED', async (_case, token) => {
    expect(errorCode(await t.gql(TAGS, {}, await token()))).toBe('UNAUTHENTICATED');
  });
});
