import { SignJWT } from 'jose';
import { DEVELOPMENT_JWT_SECRET } from '../src/config/environment';
import { makePeer, makeSupportWorker, peerInput } from './support/factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

describe('who may call what', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  const TAGS = `{ tags { slug } }`;
  const CREATE_PEER = `mutation ($input: CreatePeerInput!) { createPeer(input: $input) { id } }`;
  const PEER = `query ($id: ID!) { peer(id: $id) { id displayName livedExperiences { slug } } }`;

  it('refuses a call without a token as UNAUTHENTICATED', async () => {
    expect(errorCode(await t.gql(TAGS))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-different-secret-of-at-least-32-chars'));
    expect(errorCode(await t.gql(TAGS, {}, forged))).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    const expired = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('late')
      .setIssuedAt('2h ago')
      .setExpirationTime('1h ago')
      .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
    const response = await t.gql(TAGS, {}, expired);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].message).toBe('Token expired');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'x', role: 'ADMIN' })}.`;
    expect(errorCode(await t.gql(TAGS, {}, unsigned))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token with an unknown role', async () => {
    const token = await new SignJWT({ role: 'ROOT' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
    expect(errorCode(await t.gql(TAGS, {}, token))).toBe('UNAUTHENTICATED');
  });

  it.each(['ADMIN', 'INTAKE'] as const)('lets %s register a peer', async (role) => {
    const response = await t.gql(CREATE_PEER, { input: peerInput() }, await t.tokenFor({ role }));
    expect(response.errors).toBeUndefined();
  });

  it.each([
    ['PEER', { peerId: '00000000-0000-4000-8000-000000000001' }],
    ['SUPPORT_WORKER', { supportWorkerId: '00000000-0000-4000-8000-000000000002' }],
    ['SERVICE', { scope: 'profiles:read' }],
  ] as const)('refuses %s registering a peer as FORBIDDEN, writing nothing', async (role, claims) => {
    const response = await t.gql(CREATE_PEER, { input: peerInput() }, await t.tokenFor({ role, ...claims }));
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(Number((await t.dataSource.query('SELECT count(*) FROM peer'))[0].count)).toBe(0);
  });

  it('lets a service with profiles:write register a peer', async () => {
    const token = await t.tokenFor({ role: 'SERVICE', scope: 'profiles:read profiles:write' });
    expect((await t.gql(CREATE_PEER, { input: peerInput() }, token)).errors).toBeUndefined();
  });

  it('shows a peer their own profile, lived experience included', async () => {
    const peer = await makePeer(t, { livedExperiences: ['grief'] });
    const token = await t.tokenFor({ role: 'PEER', peerId: peer.id });
    const response = await t.gql<{ peer: { id: string; livedExperiences: unknown[] } }>(PEER, { id: peer.id }, token);
    expect(response.data?.peer).toMatchObject({ id: peer.id, livedExperiences: [{ slug: 'grief' }] });
  });

  it("never shows a peer another peer's profile", async () => {
    const mine = await makePeer(t);
    const theirs = await makePeer(t, { displayName: 'Someone else' });
    const token = await t.tokenFor({ role: 'PEER', peerId: mine.id });
    const response = await t.gql(PEER, { id: theirs.id }, token);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ peer: null });
  });

  it('refuses a peer the list of all peers', async () => {
    const token = await t.tokenFor({ role: 'PEER', peerId: (await makePeer(t)).id });
    expect(errorCode(await t.gql(`{ peers { totalCount } }`, {}, token))).toBe('FORBIDDEN');
  });

  it('shows a support worker their own profile only', async () => {
    const worker = await makeSupportWorker(t);
    const other = await makeSupportWorker(t);
    const token = await t.tokenFor({ role: 'SUPPORT_WORKER', supportWorkerId: worker.id });
    const QUERY = `query ($id: ID!) { supportWorker(id: $id) { id } }`;
    expect((await t.gql(QUERY, { id: worker.id }, token)).data).toEqual({ supportWorker: { id: worker.id } });
    expect((await t.gql(QUERY, { id: other.id }, token)).data).toEqual({ supportWorker: null });
  });

  it('refuses a service without profiles:read the list of peers', async () => {
    const token = await t.tokenFor({ role: 'SERVICE', scope: 'matches:read' });
    expect(errorCode(await t.gql(`{ peers { totalCount } }`, {}, token))).toBe('FORBIDDEN');
  });
});
