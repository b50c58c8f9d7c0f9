import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
  launchBrowser,
  openPage,
  OpenedPage,
  PHONE,
  seriousAccessibilityViolations,
  withScreenshots,
} from '../support/browser';
import { CreatedProfile, makePeer, makeSupportWorker } from '../support/factories';
import { waitForJobs } from '../support/queue';
import { startTestApp, TestApp } from '../support/test-app';

// Every page, on a phone and on a desktop: no serious or critical accessibility finding, nothing
// wider than the screen, nothing loaded from elsewhere, no error. And what one peer can reach.

let t: TestApp;
let browser: Browser;
let baseUrl: string;
let matched: CreatedProfile;
let waiting: CreatedProfile;
let other: CreatedProfile;
let worker: CreatedProfile;

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const consent = { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: true };
  worker = await makeSupportWorker(t, { displayName: 'Mei Chen', livedExperiences: ['anxiety'], capacity: 4 });
  for (const name of ['Tom Brown', 'Sara Haddad', 'Nikos Pappas'])
    await makeSupportWorker(t, { displayName: name, interests: ['cooking'] });
  matched = await makePeer(t, { displayName: 'Jo Matched', livedExperiences: ['anxiety'], consent });
  waiting = await makePeer(t, {
    displayName: 'Kim Waiting',
    livedExperiences: ['anxiety'],
    interests: ['cooking'],
    consent,
  });
  other = await makePeer(t, { displayName: 'Lee Private', livedExperiences: ['grief'] });
  const unshared = await makePeer(t, {
    displayName: 'Pat Unshared',
    livedExperiences: ['anxiety', 'grief'],
    consent: { useLivedExperienceForMatching: true, shareLivedExperienceWithWorkers: false },
  });
  const intake = await t.tokenFor({ role: 'INTAKE' });
  for (const peer of [matched, waiting, unshared]) {
    await t.gql('mutation ($id: ID!) { requestMatch(peerId: $id) { id } }', { id: peer.id }, intake);
  }
  await waitForJobs(t.app);
  for (const peer of [matched, unshared]) {
    const peerToken = await t.tokenFor({ role: 'PEER', peerId: peer.id });
    const open = await t.gql<{ peer: { suggestions: { id: string; supportWorker: { id: string } }[] } }>(
      'query ($id: ID!) { peer(id: $id) { suggestions(status: OPEN) { id supportWorker { id } } } }',
      { id: peer.id },
      peerToken,
    );
    const withMei = open.data!.peer.suggestions.find((suggestion) => suggestion.supportWorker.id === worker.id)!;
    await t.gql('mutation ($id: ID!) { acceptSuggestion(id: $id) { id } }', { id: withMei.id }, peerToken);
  }
  await waitForJobs(t.app);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signedIn(label: string, viewport: { width: number; height: number }): Promise<OpenedPage> {
  const opened = await openPage(browser, baseUrl, viewport);
  await opened.page.goto('/');
  await opened.page.getByRole('button', { name: `Sign in as ${label}` }).click();
  await opened.page.getByRole('button', { name: 'Sign out' }).waitFor();
  return opened;
}

/** A page is done loading when nothing says so any more. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.getByText('Loading…').waitFor({ state: 'detached' });
}

async function expectUsable(opened: OpenedPage, name: string): Promise<void> {
  const { page } = opened;
  await settled(page);
  expect({ name, violations: await seriousAccessibilityViolations(page) }).toEqual({ name, violations: [] });
  // What reaches past the right edge of the screen, named so a failure says where.
  const wider = await page.evaluate<
    string[]
  >(`document.documentElement.scrollWidth <= document.documentElement.clientWidth ? [] :
    [...document.querySelectorAll('body *')]
    .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(0, 5)
    .map((element) => element.tagName.toLowerCase() + (element.className ? '.' + element.className : ''))`);
  expect({ name, wider }).toEqual({ name, wider: [] });
}

function expectClean(opened: OpenedPage): void {
  expect(opened.foreignRequests).toEqual([]);
  expect(opened.problems).toEqual([]);
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('on a %s', (_size, viewport) => {
  it('the sign-in page', async () => {
    const opened = await openPage(browser, baseUrl, viewport);
    await withScreenshots(`sign-in ${_size}`, [opened.page], async () => {
      await opened.page.goto('/');
      await opened.page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await expectUsable(opened, 'sign-in');
    });
    expectClean(opened);
    await opened.context.close();
  });

  it("a peer's pages, the dialogs among them", async () => {
    const opened = await signedIn('Kim Waiting', viewport);
    const { page } = opened;
    await withScreenshots(`peer ${_size}`, [page], async () => {
      await page.getByRole('article').first().waitFor();
      await expectUsable(opened, 'peer suggestions');
      await page
        .getByRole('button', { name: /is not for me$/ })
        .first()
        .click();
      await page.getByRole('dialog').waitFor();
      await expectUsable(opened, 'decline dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('link', { name: 'What matters to me' }).click();
      await page.getByRole('heading', { name: 'What matters to me' }).waitFor();
      await expectUsable(opened, 'peer preferences');
      await page.getByRole('link', { name: 'My information' }).click();
      await page.getByRole('heading', { name: 'My information', level: 1 }).waitFor();
      await expectUsable(opened, 'peer privacy');
      for (const heading of ['Need help now?']) await page.getByRole('heading', { name: heading }).waitFor();
    });
    expectClean(opened);
    await opened.context.close();
  });

  it("a support worker's page", async () => {
    const opened = await signedIn('Mei Chen', viewport);
    await withScreenshots(`worker ${_size}`, [opened.page], async () => {
      await opened.page.getByRole('article', { name: 'Jo Matched' }).waitFor();
      // A peer who keeps their experience to themself is still there, with nothing of it shown.
      const unshared = opened.page.getByRole('article', { name: 'Pat Unshared' });
      expect(await unshared.textContent()).toContain('Nothing they have chosen to share with you.');
      expect(await unshared.textContent()).not.toMatch(/grief|anxiety/i);
      expect(await opened.page.getByRole('article', { name: 'Jo Matched' }).textContent()).toContain('anxiety');
      await expectUsable(opened, 'worker');
    });
    expectClean(opened);
    await opened.context.close();
  });

  it("intake's pages", async () => {
    const opened = await signedIn('Administrator', viewport);
    const { page } = opened;
    await withScreenshots(`intake ${_size}`, [page], async () => {
      await page.getByRole('searchbox', { name: 'Name contains' }).fill('Kim');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: 'Kim Waiting' }).waitFor();
      await expectUsable(opened, 'search');
      await page.getByRole('link', { name: 'Kim Waiting' }).click();
      await page.getByRole('table').first().waitFor();
      await expectUsable(opened, 'peer case');
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.getByRole('button', { name: 'Save' }).waitFor();
      await expectUsable(opened, 'edit peer');
      await page.goto(`/intake/workers/${worker.id}`);
      await page.getByRole('heading', { name: 'Support worker: Mei Chen' }).waitFor();
      await expectUsable(opened, 'worker detail');
      await page.getByRole('link', { name: 'Register a worker' }).click();
      await page.getByRole('heading', { name: 'Register a support worker' }).waitFor();
      await expectUsable(opened, 'new worker');
      await page.getByRole('link', { name: 'Audit trail' }).click();
      await page.getByLabel('Person id (peer or support worker)').fill(matched.id);
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByRole('table').waitFor();
      await expectUsable(opened, 'audit trail');
    });
    expectClean(opened);
    await opened.context.close();
  });
});

describe('a support worker', () => {
  it('pauses taking new peers from their page, and their open suggestions go', async () => {
    const openWithTom = () =>
      t.dataSource
        .query(
          `SELECT count(*)::int AS n FROM suggestion s JOIN support_worker w ON w.id = s.support_worker_id
            WHERE w.display_name = 'Tom Brown' AND s.status = 'OPEN'`,
        )
        .then((rows: { n: number }[]) => rows[0].n);
    expect(await openWithTom()).toBeGreaterThan(0);
    const opened = await signedIn('Tom Brown', DESKTOP);
    const { page } = opened;
    await withScreenshots('worker pauses', [page], async () => {
      const accepting = page.getByLabel('I am taking new peers');
      await accepting.waitFor();
      expect(await accepting.isChecked()).toBe(true);
      await accepting.uncheck();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await page.reload();
      await page.getByLabel('I am taking new peers').waitFor();
      expect(await page.getByLabel('I am taking new peers').isChecked()).toBe(false);
    });
    await waitForJobs(t.app);
    expect(await openWithTom()).toBe(0);
    expectClean(opened);
    await opened.context.close();
  });
});

describe('a peer', () => {
  it('is signed in by a cookie no script can read, and signs out with the browser keeping nothing of them', async () => {
    const opened = await signedIn('Kim Waiting', PHONE);
    const { page } = opened;
    await withScreenshots('sign out', [page], async () => {
      const [cookie] = await opened.context.cookies();
      expect(cookie).toMatchObject({ name: '__Host-peermatch-session', httpOnly: true, secure: true, sameSite: 'Lax' });
      expect(await page.evaluate<string>('document.cookie')).toBe('');
      expect(await page.evaluate<number>('sessionStorage.length + localStorage.length')).toBe(0);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await opened.context.cookies()).toEqual([]);
      await page.goto('/peer');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
    });
    await opened.context.close();
  });

  it("cannot reach another peer's page or data through the pages", async () => {
    const opened = await signedIn('Kim Waiting', DESKTOP);
    const { page } = opened;
    await withScreenshots('peer isolation', [page], async () => {
      // Staff addresses take a peer back to their own page.
      await page.goto(`/intake/peers/${other.id}`);
      await page.getByRole('heading', { name: 'Hello, Kim Waiting' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/peer');
      // A page told it is someone else still sends only this peer's cookie: the API refuses.
      await page.route('/session', (route) =>
        route.fulfill({
          json: { label: 'Kim Waiting', role: 'PEER', peerId: other.id, supportWorkerId: null },
        }),
      );
      await page.reload();
      await page.getByRole('alert').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.content()).not.toContain('Lee Private');
      await page.getByRole('link', { name: 'My information' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.content()).not.toContain('grief');
    });
    await opened.context.close();
  });
});

describe('staff', () => {
  it('intake deactivate a worker; erasing a peer is an administrator’s, only once they have typed what it means', async () => {
    const leaving = await makeSupportWorker(t, { displayName: 'Ola Leaving' });
    const erased = await makePeer(t, { displayName: 'Rui Erased', livedExperiences: ['grief'] });
    const opened = await signedIn('Intake staff', DESKTOP);
    const { page } = opened;
    await withScreenshots('intake deactivates', [page], async () => {
      await page.goto(`/intake/workers/${leaving.id}`);
      await page.getByRole('button', { name: 'Deactivate worker' }).click();
      await page.getByRole('button', { name: 'Reactivate worker' }).waitFor();
      await page.goto(`/intake/peers/${erased.id}`);
      await page.getByRole('heading', { name: 'Peer: Rui Erased' }).waitFor();
      expect(await page.getByRole('button', { name: 'Erase this peer' }).count()).toBe(0);
    });
    expectClean(opened);
    await opened.context.close();

    const admin = await signedIn('Administrator', DESKTOP);
    await withScreenshots('admin erases', [admin.page], async () => {
      const page = admin.page;

      await page.goto(`/intake/peers/${erased.id}`);
      await page.getByRole('button', { name: 'Erase this peer' }).click();
      const dialog = page.getByRole('dialog', { name: 'Erase Rui Erased?' });
      expect(await dialog.textContent()).toContain('This cannot be undone.');
      const confirm = dialog.getByRole('button', { name: 'Erase for good' });
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByLabel('Type ERASE to confirm').fill('ERASE');
      await confirm.click();
      await page.getByRole('heading', { name: 'Find a peer or support worker' }).waitFor();
    });
    expectClean(admin);
    await admin.context.close();
    const [worker] = await t.dataSource.query('SELECT active FROM support_worker WHERE id = $1', [leaving.id]);
    expect(worker.active).toBe(false);
    const [peer] = await t.dataSource.query('SELECT erased_at, display_name FROM peer WHERE id = $1', [erased.id]);
    expect(peer.erased_at).not.toBeNull();
    expect(peer.display_name).not.toBe('Rui Erased');
  });
});

describe('GraphiQL, in development', () => {
  it('works from this build alone, under the same policy as the pages, with the tab’s sign-in', async () => {
    const opened = await signedIn('Intake staff', DESKTOP);
    await withScreenshots('graphiql', [opened.page], async () => {
      await opened.page.goto('/graphiql');
      await opened.page.locator('.graphiql-container').waitFor();
      await opened.page.waitForLoadState('networkidle');
    });
    expectClean(opened);
    await opened.context.close();
  });
});
