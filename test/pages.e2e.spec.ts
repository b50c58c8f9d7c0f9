import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { BUILT_PAGES_DIR } from '../src/app/pages/built-pages';
import { startTestApp, TestApp } from './support/test-app';

// The pages are served by the API process itself, with a strict policy; the development sign-in
// and GraphiQL exist only where anyone reaching the port could sign tokens anyway.

const REAL_SECRET = 'a-secret-of-this-deployment-only-0123456789';

describe('the pages, in development', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('are served at / and at every route a page shows, with a policy that allows only this origin and nothing inline', async () => {
    for (const path of ['/', '/sign-in', '/peer', '/peer/preferences', '/intake/peers/new', '/worker']) {
      const response = await request(t.app.getHttpServer()).get(path);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      const policy = response.headers['content-security-policy'];
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('keep help lines whose text could end the data block as data', async () => {
    const hostile = await startTestApp({ env: { HELP_LINES: "</script><script>alert(1)</script>$'=000" } });
    try {
      const page = await request(hostile.app.getHttpServer()).get('/');
      const block = /<script type="application\/json" id="help-lines">([\s\S]*?)<\/script>/.exec(page.text);
      expect(JSON.parse(block![1])).toEqual([{ name: "</script><script>alert(1)</script>$'", number: '000' }]);
      expect(page.text).not.toContain('<script>alert(1)');
    } finally {
      await hostile.close();
    }
  });

  it('write the configured help lines into the page as data, not as code', async () => {
    const page = await request(t.app.getHttpServer()).get('/');
    const block = /<script type="application\/json" id="help-lines">([\s\S]*?)<\/script>/.exec(page.text);
    expect(JSON.parse(block![1])).toEqual([
      { name: 'Lifeline, 24 hours a day', number: '13 11 14' },
      { name: 'Emergency (police, fire, ambulance)', number: '000' },
    ]);
    // Every script the page loads is a file of this origin.
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    for (const attributes of scripts) {
      if (attributes.includes('application/json')) continue;
      expect(attributes).toMatch(/src="\/assets\/[^"]+\.js"/);
    }
  });

  it('answer only for files of the build: no path reaches outside it', async () => {
    const server = t.app.getHttpServer();
    expect((await request(server).get('/assets/../../package.json')).status).toBe(404);
    expect((await request(server).get('/%2e%2e/package.json')).status).toBe(404);
    expect((await request(server).get('/src/main.tsx')).status).toBe(404);
  });

  it('offer GraphiQL from the build, with no asset from anywhere else', async () => {
    const page = await request(t.app.getHttpServer()).get('/graphiql');
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/https?:\/\//);
  });

  it('let the development sign-in begin a session only for someone it lists', async () => {
    const server = t.app.getHttpServer();
    const page = { host: 'localhost:3000', origin: 'http://localhost:3000' };
    const listed = await request(server).get('/development/sign-in');
    expect(listed.body).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'INTAKE' })]));
    const signedIn = await request(server).post('/development/sign-in').set(page).send({ role: 'INTAKE' });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.token).toBeUndefined();
    const [cookie] = (signedIn.headers['set-cookie'] as unknown as string[])[0].split(';');
    const me = await request(server)
      .post('/graphql')
      .set({ ...page, cookie, 'content-type': 'application/json' })
      .send({ query: '{ tags(kind: CULTURE) { slug } }' });
    expect(me.body.errors).toBeUndefined();
    const unknownPeer = await request(server)
      .post('/development/sign-in')
      .set(page)
      .send({ role: 'PEER', peerId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownPeer.status).toBe(404);
    expect((await request(server).post('/development/sign-in').set(page).send({ role: 'SERVICE' })).status).toBe(400);
    // A name rebound to 127.0.0.1 by another site still arrives with that site's Host.
    const rebound = await request(server)
      .post('/development/sign-in')
      .set({ host: 'evil.example:3000', origin: 'http://evil.example:3000' })
      .send({ role: 'ADMIN' });
    expect(rebound.status).toBe(403);
    expect(rebound.headers['set-cookie']).toBeUndefined();
  });
});

describe.each([
  ['NODE_ENV=production', { NODE_ENV: 'production', JWT_SECRET: REAL_SECRET }],
  ['a secret of its own', { JWT_SECRET: REAL_SECRET }],
])('with %s', (_name, env) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env });
  });
  afterAll(() => t.close());

  it('has no development sign-in', async () => {
    const server = t.app.getHttpServer();
    expect((await request(server).get('/development/sign-in')).status).toBe(404);
    expect((await request(server).post('/development/sign-in').send({ role: 'ADMIN' })).status).toBe(404);
  });

  it('still serves the pages', async () => {
    expect((await request(t.app.getHttpServer()).get('/')).status).toBe(200);
  });
});

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: REAL_SECRET } });
  });
  afterAll(() => t.close());

  it('has no GraphiQL', async () => {
    expect((await request(t.app.getHttpServer()).get('/graphiql')).status).toBe(404);
  });
});

describe('the build', () => {
  it('references no other host in what the pages load', () => {
    expect(existsSync(BUILT_PAGES_DIR)).toBe(true);
    for (const name of readdirSync(BUILT_PAGES_DIR).filter((file) => file.endsWith('.html'))) {
      const html = readFileSync(join(BUILT_PAGES_DIR, name), 'utf8');
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
    for (const name of readdirSync(join(BUILT_PAGES_DIR, 'assets')).filter((file) => file.endsWith('.css'))) {
      const css = readFileSync(join(BUILT_PAGES_DIR, 'assets', name), 'utf8');
      expect(css).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
      expect(css).not.toMatch(/@import\s+["']?(url\()?\s*["']?(https?:)?\/\//);
    }
  });
});
