import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { DEVELOPMENT_JWT_SECRET } from '../src/config/environment';
import { peerInput } from './support/factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

type Key = Awaited<ReturnType<typeof generateKeyPair>>;

const ISSUER = 'https://id.peermatch.test';
const AUDIENCE = 'peermatch-api';
const TAGS = `{ tags(kind: CULTURE) { slug } }`;
const DAY = 86_400;

const PEER_ID = '00000000-0000-4000-8000-0000000000ab';

describe('claims every token must carry, within bounds', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    // A token naming a peer grants something only while that peer has a record.
    await t.dataSource.query(
      `INSERT INTO peer (id, display_name, languages, modes) VALUES ($1, 'Token holder', '{en}', '{VIDEO}')`,
      [PEER_ID],
    );
  });
  afterAll(() => t.close());

  const now = () => Math.floor(Date.now() / 1000);
  type Overrides = (at: number) => Record<string, unknown>;

  /** A development-secret token issued now, with these claims changed; undefined leaves one out. */
  function signClaims(overrides: Overrides): Promise<string> {
    const at = now();
    const claims = { sub: 'intake-1', role: 'INTAKE', iat: at, exp: at + 300, ...overrides(at) };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
  }

  const refused: [string, Overrides, RegExp][] = [
    ['without exp', () => ({ exp: undefined }), /^Token lacks the exp claim$/],
    ['without iat', () => ({ iat: undefined }), /^Token lacks the iat claim$/],
    ['with an exp that is not a number', () => ({ exp: 'tomorrow' }), /^Token exp claim is not a number$/],
    [
      'issued beyond the clock skew in the future',
      (at) => ({ iat: at + 120, exp: at + 600 }),
      /^Token iat is in the future$/,
    ],
    ['living longer than the maximum lifetime', (at) => ({ exp: at + DAY + 60 }), /^Token lifetime exceeds 86400 s$/],
    [
      'issued longer ago than the maximum lifetime',
      (at) => ({ iat: at - DAY - 120 }),
      /^Token was issued more than 86400 s ago$/,
    ],
    ['with a sub of 201 characters', () => ({ sub: 's'.repeat(201) }), /^Token sub is longer than 200 characters$/],
    ['with a peerId that is not a UUID', () => ({ role: 'PEER', peerId: 'peer-1' }), /^Token peerId is not a UUID$/],
    [
      'with an over-long peerId beside another role',
      () => ({ peerId: 'p'.repeat(5000) }),
      /^Token peerId is not a UUID$/,
    ],
    [
      'with a supportWorkerId that is not a UUID',
      () => ({ role: 'SUPPORT_WORKER', supportWorkerId: '00000000-0000-4000-8000-0000000000021' }),
      /^Token supportWorkerId is not a UUID$/,
    ],
    [
      'with an over-long scope',
      () => ({ role: 'SERVICE', scope: 'profiles:read '.repeat(100) }),
      /^Token scope is longer than 1000 characters$/,
    ],
    [
      'with a scope that is not a string',
      () => ({ role: 'SERVICE', scope: ['profiles:read'] }),
      /^Token scope is not a space-separated string$/,
    ],
    ['with an over-long role', () => ({ role: 'ADMIN'.repeat(100) }), /^Token lacks a known role$/],
  ];
  // Each message is matched whole, so none can carry the token or a claim's value.
  it.each(refused)('refuses a token %s as UNAUTHENTICATED, saying why', async (_case, overrides, message) => {
    const response = await t.gql(TAGS, {}, await signClaims(overrides));
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].message).toMatch(message);
  });

  const accepted: [string, Overrides][] = [
    ['issued slightly in the future, within the clock skew', (at) => ({ iat: at + 10, exp: at + 600 })],
    ['living exactly the maximum lifetime', (at) => ({ exp: at + DAY })],
    ['with a peerId that is a UUID', () => ({ role: 'PEER', peerId: PEER_ID })],
    ['with a peerId in upper case', () => ({ role: 'PEER', peerId: PEER_ID.toUpperCase() })],
  ];
  it.each(accepted)('accepts a token %s', async (_case, overrides) => {
    expect((await t.gql(TAGS, {}, await signClaims(overrides))).errors).toBeUndefined();
  });

  it('keeps a 200-character subject whole in the audit trail, and refuses a longer one before writing anything', async () => {
    const CREATE_PEER = `mutation ($input: CreatePeerInput!) { createPeer(input: $input) { id } }`;
    const createAs = async (sub: string) =>
      t.gql(CREATE_PEER, { input: peerInput() }, await t.tokenFor({ role: 'INTAKE', sub }));

    expect((await createAs('a'.repeat(200))).errors).toBeUndefined();
    expect(errorCode(await createAs('b'.repeat(201)))).toBe('UNAUTHENTICATED');

    const subjects = await t.dataSource.query(`SELECT actor_subject FROM audit_event WHERE operation = 'createPeer'`);
    expect(subjects.map((row: { actor_subject: string }) => row.actor_subject)).toEqual(['a'.repeat(200)]);
    expect(Number((await t.dataSource.query('SELECT count(*) FROM peer WHERE id <> $1', [PEER_ID]))[0].count)).toBe(1);
  });
});

describe('production tokens from a JWKS', () => {
  let t: TestApp;
  let server: Server;
  let rsa: Key;
  let ec: Key;
  let stranger: Key;
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
    t = await startTestApp({
      env: {
        NODE_ENV: 'production',
        JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
        JWT_ISSUER: ISSUER,
        JWT_AUDIENCE: AUDIENCE,
        TOKEN_MAX_LIFETIME_SECONDS: '3600',
        JWT_SECRET: undefined,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    server.close();
  });

  function sign(
    key: Key['privateKey'],
    {
      alg = 'RS256',
      kid = 'rsa-1',
      audience = AUDIENCE,
      issuer = ISSUER,
      expires = '5m' as string | number | null,
    } = {},
  ): Promise<string> {
    const token = new SignJWT({ role: 'INTAKE' })
      .setProtectedHeader({ alg, kid })
      .setSubject('intake-1')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt();
    return (expires === null ? token : token.setExpirationTime(expires)).sign(key);
  }

  it('accepts RS256 and ES256 tokens signed by the identity provider', async () => {
    expect((await t.gql(TAGS, {}, await sign(rsa.privateKey))).errors).toBeUndefined();
    expect((await t.gql(TAGS, {}, await sign(ec.privateKey, { alg: 'ES256', kid: 'ec-1' }))).errors).toBeUndefined();
  });

  it('holds tokens to TOKEN_MAX_LIFETIME_SECONDS when it is configured', async () => {
    expect((await t.gql(TAGS, {}, await sign(rsa.privateKey, { expires: '59m' }))).errors).toBeUndefined();
    const response = await t.gql(TAGS, {}, await sign(rsa.privateKey, { expires: '61m' }));
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].message).toBe('Token lifetime exceeds 3600 s');
  });

  it.each([
    ['expired', () => sign(rsa.privateKey, { expires: Math.floor(Date.now() / 1000) - 60 })],
    ['without exp', () => sign(rsa.privateKey, { expires: null })],
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
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET)),
    ],
  ])('refuses a token %s as UNAUTHENTICATED', async (_case, token) => {
    expect(errorCode(await t.gql(TAGS, {}, await token()))).toBe('UNAUTHENTICATED');
  });
});
