import { createHash } from 'node:crypto';
import request from 'supertest';
import { makePeer, peerInput } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

// The pages are signed in by a session the server holds; the browser keeps only an HttpOnly
// cookie. These run through the real HTTP stack against the real PostgreSQL.

/** What a browser on the pages sends: their own Host, and an Origin to match on writes. */
const HOST = 'localhost:3000';
const SAME_ORIGIN = { host: HOST, origin: `http://${HOST}` };
const PEER_QUERY = `query ($id: ID!) { peer(id: $id) { displayName } }`;
const CREATE_PEER = `mutation ($input: CreatePeerInput!) { createPeer(input: $input) { id } }`;

interface SignedIn {
  /** `name=value`, as a browser sends it back. */
  cookie: string;
  value: string;
  setCookie: string;
}

describe('sessions the server holds for the pages', () => {
  let t: TestApp;
  let kim: string;
  let lee: string;
  const server = () => t.app.getHttpServer();

  beforeAll(async () => {
    t = await startTestApp();
    kim = (await makePeer(t, { displayName: 'Kim Session' })).id;
    lee = (await makePeer(t, { displayName: 'Lee Other' })).id;
  });
  afterAll(() => t.close());

  async function signIn(body: Record<string, string>): Promise<SignedIn> {
    const response = await request(server()).post('/development/sign-in').set(SAME_ORIGIN).send(body);
    expect(response.status).toBe(200);
    const [setCookie] = response.headers['set-cookie'] as unknown as string[];
    const cookie = setCookie.split(';')[0];
    return { cookie, value: cookie.slice(cookie.indexOf('=') + 1), setCookie };
  }

  const asPeer = (peerId: string) => signIn({ role: 'PEER', peerId });

  function graphql(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
    return request(server())
      .post('/graphql')
      .set({ 'content-type': 'application/json', ...headers })
      .send({ query, variables });
  }

  const sessionRows = async (): Promise<number> =>
    Number((await t.dataSource.query('SELECT count(*) FROM user_session'))[0].count);

  it('sets a __Host- cookie that is HttpOnly, Secure, SameSite=Lax, for the whole host, and hands out no token', async () => {
    const response = await request(server()).post('/development/sign-in').set(SAME_ORIGIN).send({ role: 'INTAKE' });
    expect(response.body).toEqual({ label: 'Intake staff', role: 'INTAKE' });
    const [setCookie] = response.headers['set-cookie'] as unknown as string[];
    const [pair, ...attributes] = setCookie.split(';').map((part) => part.trim());
    expect(pair).toMatch(/^__Host-peermatch-session=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax', `Max-Age=${8 * 3600}`]),
    );
    // A Domain attribute would share the cookie with other hosts, and the browser would refuse it.
    expect(attributes.some((attribute) => /^domain=/i.test(attribute))).toBe(false);
  });

  it('answers a page and its assets without looking the session up: they are the same for everyone', async () => {
    const { cookie } = await asPeer(kim);
    const page = await request(server()).get('/peer').set({ host: HOST, cookie });
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)![1];
    const { statements } = await t.queries.count(async () => {
      expect((await request(server()).get('/peer').set({ host: HOST, cookie })).status).toBe(200);
      expect((await request(server()).get(asset).set({ host: HOST, cookie })).status).toBe(200);
    });
    expect(statements.filter((statement) => /user_session/.test(statement))).toEqual([]);
    // The same cookie on an API call is looked up.
    const { statements: apiStatements } = await t.queries.count(() =>
      graphql({ host: HOST, cookie }, PEER_QUERY, { id: kim }),
    );
    expect(apiStatements.some((statement) => /user_session/.test(statement))).toBe(true);
  });

  it('stores only the SHA-256 of the cookie value, never the value', async () => {
    const { value } = await asPeer(kim);
    const hash = createHash('sha256').update(value).digest('hex');
    const rows: { hash: string; whole: string }[] = await t.dataSource.query(
      `SELECT encode(token_hash, 'hex') AS hash, row_to_json(s)::text AS whole FROM user_session s`,
    );
    expect(rows.map((row) => row.hash)).toContain(hash);
    for (const row of rows) {
      expect(row.whole).not.toContain(value);
      expect(row.whole).not.toContain(Buffer.from(value, 'base64url').toString('hex'));
    }
  });

  it("makes GraphQL requests the session's person's, and says who at GET /session", async () => {
    const { cookie } = await asPeer(kim);
    const own = await graphql({ ...SAME_ORIGIN, cookie }, PEER_QUERY, { id: kim });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.peer).toEqual({ displayName: 'Kim Session' });
    // Another peer's record is not this person's to read.
    expect((await graphql({ ...SAME_ORIGIN, cookie }, PEER_QUERY, { id: lee })).body.data.peer).toBeNull();
    const me = await request(server()).get('/session').set({ host: HOST, cookie });
    expect(me.status).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.body).toEqual({ label: 'Kim Session', role: 'PEER', peerId: kim, supportWorkerId: null });
    // Without the cookie the same request is nobody's.
    const anonymous = await graphql(SAME_ORIGIN, PEER_QUERY, { id: kim });
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await request(server()).get('/session').set({ host: HOST })).status).toBe(204);
  });

  it('lets a bearer token decide alone when both come: the cookie is then ignored', async () => {
    const { cookie } = await signIn({ role: 'INTAKE' });
    const peerToken = await t.tokenFor({ role: 'PEER', peerId: lee });
    const both = await graphql({ ...SAME_ORIGIN, cookie, authorization: `Bearer ${peerToken}` }, PEER_QUERY, {
      id: kim,
    });
    // As intake staff the cookie would read Kim; the token is Lee's, who may not.
    expect(both.body.errors).toBeUndefined();
    expect(both.body.data.peer).toBeNull();
    const badToken = await graphql({ ...SAME_ORIGIN, cookie, authorization: 'Bearer not-a-token' }, PEER_QUERY, {
      id: kim,
    });
    expect(badToken.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session idle for SESSION_IDLE_MINUTES, and deletes its row', async () => {
    const { value, cookie } = await asPeer(kim);
    const hash = createHash('sha256').update(value).digest();
    await t.dataSource.query(
      `UPDATE user_session SET last_seen_at = now() - interval '29 minutes' WHERE token_hash = $1`,
      [hash],
    );
    expect((await graphql({ ...SAME_ORIGIN, cookie }, PEER_QUERY, { id: kim })).body.data.peer).not.toBeNull();
    // That request counted as activity: the session is good for another 30 minutes from now.
    const [touched] = await t.dataSource.query(
      `SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM user_session WHERE token_hash = $1`,
      [hash],
    );
    expect(touched.fresh).toBe(true);
    await t.dataSource.query(
      `UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = $1`,
      [hash],
    );
    const after = await graphql({ ...SAME_ORIGIN, cookie }, PEER_QUERY, { id: kim });
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await request(server()).get('/session').set({ host: HOST, cookie })).status).toBe(204);
    expect(await t.dataSource.query('SELECT id FROM user_session WHERE token_hash = $1', [hash])).toEqual([]);
  });

  it('ends a session SESSION_MAX_HOURS after sign-in, however busy', async () => {
    const { value, cookie } = await asPeer(kim);
    const hash = createHash('sha256').update(value).digest();
    await t.dataSource.query(
      `UPDATE user_session SET created_at = now() - interval '7 hours 59 minutes' WHERE token_hash = $1`,
      [hash],
    );
    expect((await request(server()).get('/session').set({ host: HOST, cookie })).status).toBe(200);
    await t.dataSource.query(
      `UPDATE user_session SET created_at = now() - interval '8 hours 1 minute', last_seen_at = now()
        WHERE token_hash = $1`,
      [hash],
    );
    const after = await graphql({ ...SAME_ORIGIN, cookie }, PEER_QUERY, { id: kim });
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.dataSource.query('SELECT id FROM user_session WHERE token_hash = $1', [hash])).toEqual([]);
  });

  it('ends the session at once on sign-out, clears the cookie, and puts sign-in and sign-out on record', async () => {
    const { value, cookie } = await asPeer(kim);
    const [{ id }] = await t.dataSource.query('SELECT id FROM user_session WHERE token_hash = $1', [
      createHash('sha256').update(value).digest(),
    ]);
    const out = await request(server())
      .post('/session/sign-out')
      .set({ ...SAME_ORIGIN, cookie });
    expect(out.status).toBe(204);
    const [cleared] = out.headers['set-cookie'] as unknown as string[];
    expect(cleared).toMatch(/^__Host-peermatch-session=;.*Max-Age=0/);
    expect(await t.dataSource.query('SELECT id FROM user_session WHERE id = $1', [id])).toEqual([]);
    const after = await graphql({ ...SAME_ORIGIN, cookie }, PEER_QUERY, { id: kim });
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const audit = await t.dataSource.query(
      `SELECT action, operation, actor_subject, actor_role, person_id FROM audit_event
        WHERE subject_type = 'SESSION' AND subject_id = $1 ORDER BY occurred_at`,
      [id],
    );
    const who = { actor_subject: `dev-${kim}`, actor_role: 'PEER', person_id: kim };
    expect(audit).toEqual([
      { action: 'SIGN_IN', operation: 'developmentSignIn', ...who },
      { action: 'SIGN_OUT', operation: 'signOut', ...who },
    ]);
  });

  it('begins a new session at each sign-in and ends the one the browser held', async () => {
    const first = await asPeer(kim);
    const second = await request(server())
      .post('/development/sign-in')
      .set({ ...SAME_ORIGIN, cookie: first.cookie })
      .send({ role: 'PEER', peerId: lee });
    const [setCookie] = second.headers['set-cookie'] as unknown as string[];
    expect(setCookie.split(';')[0]).not.toBe(first.cookie);
    expect((await request(server()).get('/session').set({ host: HOST, cookie: first.cookie })).status).toBe(204);
  });

  describe('refuses a write the cookie signs in unless it comes from this origin', () => {
    const crossSite: [string, Record<string, string>][] = [
      ['another Origin', { host: HOST, origin: 'https://evil.example' }],
      ['this host under another scheme', { host: HOST, origin: `https://${HOST}` }],
      ['no Origin', { host: HOST }],
      ['Sec-Fetch-Site: cross-site', { host: HOST, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
      ['Sec-Fetch-Site: same-site', { host: HOST, origin: 'https://sub.localhost', 'sec-fetch-site': 'same-site' }],
    ];
    it.each(crossSite)('from %s: 403 before anything is written', async (_case, headers) => {
      const { cookie } = await signIn({ role: 'INTAKE' });
      const peers = async () => Number((await t.dataSource.query('SELECT count(*) FROM peer'))[0].count);
      const audits = async () => Number((await t.dataSource.query('SELECT count(*) FROM audit_event'))[0].count);
      const [peersBefore, auditsBefore] = [await peers(), await audits()];
      const response = await graphql({ ...headers, cookie }, CREATE_PEER, { input: peerInput() });
      expect(response.status).toBe(403);
      expect(response.body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect([await peers(), await audits()]).toEqual([peersBefore, auditsBefore]);
      // Sign-out is a write too: another site cannot end someone's session either.
      expect(
        (
          await request(server())
            .post('/session/sign-out')
            .set({ ...headers, cookie })
        ).status,
      ).toBe(403);
      expect((await request(server()).get('/session').set({ host: HOST, cookie })).status).toBe(200);
    });

    it('accepts the same write from this origin, or said same-origin by the browser', async () => {
      const { cookie } = await signIn({ role: 'INTAKE' });
      const byOrigin = await graphql({ ...SAME_ORIGIN, cookie }, CREATE_PEER, { input: peerInput() });
      expect(byOrigin.body.errors).toBeUndefined();
      const byFetchMetadata = await graphql(
        { host: 'peermatch.example.org', 'sec-fetch-site': 'same-origin', cookie },
        CREATE_PEER,
        { input: peerInput() },
      );
      expect(byFetchMetadata.body.errors).toBeUndefined();
    });

    it('leaves reads and bearer-token writes as they were: other services send no Origin', async () => {
      const { cookie } = await signIn({ role: 'INTAKE' });
      const read = await request(server())
        .get('/graphql')
        .query({ query: `{ tags(kind: CULTURE) { slug } }` })
        .set({ host: HOST, cookie, 'apollo-require-preflight': 'true' });
      expect(read.body.errors).toBeUndefined();
      const token = await t.tokenFor({ role: 'INTAKE' });
      const write = await graphql({ authorization: `Bearer ${token}` }, CREATE_PEER, { input: peerInput() });
      expect(write.body.errors).toBeUndefined();
    });

    it('refuses a development sign-in another site asks for, and begins no session', async () => {
      const before = await sessionRows();
      const response = await request(server())
        .post('/development/sign-in')
        .set({ host: HOST, origin: 'https://evil.example' })
        .send({ role: 'ADMIN' });
      expect(response.status).toBe(403);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(await sessionRows()).toBe(before);
    });
  });

  it("ends the peer's sessions when the peer is erased", async () => {
    const erased = (await makePeer(t, { displayName: 'Ray Erased' })).id;
    const { cookie } = await asPeer(erased);
    const admin = await t.tokenFor({ role: 'ADMIN' });
    const erase = await graphql(
      { authorization: `Bearer ${admin}` },
      `
        mutation ($id: ID!) {
          erasePeer(id: $id)
        }
      `,
      {
        id: erased,
      },
    );
    expect(erase.body.errors).toBeUndefined();
    expect(await t.dataSource.query('SELECT id FROM user_session WHERE peer_id = $1', [erased])).toEqual([]);
    const after = await graphql({ ...SAME_ORIGIN, cookie }, PEER_QUERY, { id: erased });
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it("reads as signed out once the person's record is gone", async () => {
    const gone = (await makePeer(t, { displayName: 'Sam Leaving' })).id;
    const { cookie } = await asPeer(gone);
    await t.dataSource.query(`UPDATE peer SET erased_at = now() WHERE id = $1`, [gone]);
    expect((await request(server()).get('/session').set({ host: HOST, cookie })).status).toBe(204);
    expect((await request(server()).get('/session').set({ host: HOST, cookie })).status).toBe(204);
    expect(
      Number((await t.dataSource.query('SELECT count(*) FROM user_session WHERE peer_id = $1', [gone]))[0].count),
    ).toBe(0);
  });
});
