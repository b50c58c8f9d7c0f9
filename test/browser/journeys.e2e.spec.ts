import type { AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, openPage, OpenedPage, PHONE, waitForCount, withScreenshots } from '../support/browser';
import { makeSupportWorker } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

// One peer's whole path, through the pages alone: intake registers and matches them, they choose,
// their worker sees it, they end it. The peer's part is done with the keyboard only.

const WORKERS = [
  { displayName: 'Aroha Ngata', livedExperiences: ['anxiety'], interests: ['cooking'] },
  { displayName: 'Ben Carter', livedExperiences: ['panic-attacks'], interests: ['walking'] },
  { displayName: 'Chloe Nguyen', livedExperiences: ['depression'], interests: ['baking'] },
  { displayName: 'Dev Patel', livedExperiences: ['anxiety'], interests: ['music'] },
  { displayName: 'Elena Georgiou', livedExperiences: ['grief'], interests: ['cooking'] },
  { displayName: 'Farid Haddad', livedExperiences: ['social-anxiety'], interests: ['reading'] },
  { displayName: 'Grace Li', livedExperiences: ['ptsd'], interests: ['gardening'] },
];
const PEER_NAME = 'Robin Walsh';

let t: TestApp;
let browser: Browser;
let baseUrl: string;
const opened: OpenedPage[] = [];

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  for (const worker of WORKERS) await makeSupportWorker(t, { ...worker, capacity: 3 });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signInAs(page: Page, label: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: `Sign in as ${label}` }).click();
}

/** Tab (or Shift+Tab) until the element has focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 80 } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${String(target)} with the keyboard`);
}

async function open(viewport = DESKTOP): Promise<Page> {
  const page = await openPage(browser, baseUrl, viewport);
  opened.push(page);
  return page.page;
}

const pages = () => opened.map((each) => each.page);

it('intake registers a peer and matches them; the peer declines one, chooses another and ends it; the worker sees the match', async () => {
  const intake = await open(DESKTOP);
  let peerUrl = '';
  await withScreenshots('intake registers a peer', pages(), async () => {
    await signInAs(intake, 'Intake staff');
    await intake.getByRole('link', { name: 'Register a peer' }).click();
    await intake.getByLabel('Name they would like to be called').fill(PEER_NAME);
    await intake.getByLabel(/^Languages/).fill('en');
    await intake.getByRole('group', { name: 'Ways of meeting' }).getByLabel('By video call').check();
    await intake.getByRole('group', { name: 'Suburb or postcode' }).getByRole('searchbox').fill('Newtown');
    await intake.getByRole('button', { name: /^Newtown NSW 2042/ }).click();
    await intake.getByText(/^Location: Newtown NSW 2042/).waitFor();
    await intake.getByRole('group', { name: 'Lived experience' }).getByLabel('Anxiety', { exact: true }).check();
    await intake.getByRole('group', { name: 'Interests' }).getByLabel('Cooking').check();
    await intake.getByLabel('Use their lived experience to suggest workers who share it.').check();
    await intake.getByLabel('Let their worker see their lived experience and cultural background.').check();
    await intake.getByRole('button', { name: 'Save' }).click();
    await intake.getByRole('heading', { name: `Peer: ${PEER_NAME}` }).waitFor();
    peerUrl = intake.url();

    await intake.getByRole('button', { name: 'Request a match' }).click();
    await intake.getByText('Suggestions are ready.').first().waitFor({ timeout: 30_000 });
    await intake
      .getByRole('table', { name: /How .* score is made up/ })
      .first()
      .waitFor();
  });

  const peer = await open(PHONE);
  let declined = '';
  let chosen = '';
  await withScreenshots('the peer chooses with the keyboard', pages(), async () => {
    await peer.goto('/');
    const signIn = peer.getByRole('button', { name: `Sign in as ${PEER_NAME}` });
    await tabTo(peer, signIn);
    await peer.keyboard.press('Enter');
    await peer.getByRole('heading', { name: `Hello, ${PEER_NAME}` }).waitFor();
    await peer.getByRole('complementary', { name: 'Need help now?' }).waitFor();
    const cards = peer.getByRole('article');
    await waitForCount(cards, 5);
    expect(await cards.first().textContent()).toContain('You both have lived experience of anxiety.');
    await waitForCount(peer.getByText(/score/i), 0);

    declined = (await cards.first().getByRole('heading', { level: 3 }).textContent())!;
    await tabTo(peer, peer.getByRole('button', { name: `${declined} is not for me` }));
    await peer.keyboard.press('Enter');
    const dialog = peer.getByRole('dialog', { name: `Why is ${declined} not for you?` });
    await dialog.waitFor();
    // A radio group is one stop for Tab; the arrow keys choose within it.
    await tabTo(peer, dialog.getByLabel('I don’t feel they’re right for me'));
    await peer.keyboard.press('ArrowDown');
    await peer.keyboard.press('ArrowDown');
    expect(await dialog.getByLabel('I’d prefer someone closer to my age').isChecked()).toBe(true);
    await tabTo(peer, dialog.getByLabel(/Anything else/));
    await peer.keyboard.type('We did not click on the phone.');
    await tabTo(peer, dialog.getByRole('button', { name: 'Not for me' }));
    await peer.keyboard.press('Enter');
    await waitForCount(dialog, 0);
    // The refill arrives without a reload, and is announced.
    await peer.getByRole('status').filter({ hasText: 'A new suggestion has arrived.' }).waitFor({ timeout: 30_000 });
    await waitForCount(cards, 5);
    await waitForCount(peer.getByRole('heading', { name: declined, exact: true }), 0);

    chosen = (await cards.first().getByRole('heading', { level: 3 }).textContent())!;
    await tabTo(peer, peer.getByRole('button', { name: `Choose ${chosen}` }), { backwards: true });
    await peer.keyboard.press('Enter');
    const confirm = peer.getByRole('dialog', { name: `Start with ${chosen}?` });
    await tabTo(peer, confirm.getByRole('button', { name: 'Yes, start' }));
    await peer.keyboard.press('Enter');
    await peer.getByText(`You are working with ${chosen}`).waitFor();
  });

  const worker = await open(DESKTOP);
  await withScreenshots('the worker sees the match', pages(), async () => {
    await signInAs(worker, chosen);
    const match = worker.getByRole('article', { name: PEER_NAME });
    await match.waitFor();
    expect(await match.textContent()).toContain('anxiety');
    await waitForCount(worker.getByRole('complementary', { name: 'Need help now?' }), 0);
  });

  await withScreenshots('the peer ends the match', pages(), async () => {
    await peer.getByRole('button', { name: 'End this match' }).click();
    const dialog = peer.getByRole('dialog', { name: `End working with ${chosen}?` });
    await dialog.getByLabel('I’ve got what I came for').check();
    await dialog.getByRole('button', { name: 'End the match' }).click();
    await peer.getByRole('button', { name: 'Find peer support workers for me' }).waitFor();

    await worker.reload();
    await worker.getByRole('heading', { name: 'Past matches' }).waitFor();
    await waitForCount(worker.getByRole('article', { name: PEER_NAME }), 0);
    await worker.getByText(/Goals met/).waitFor();
    await intake.goto(peerUrl);
    await intake.getByRole('button', { name: 'Request a match' }).waitFor();
  });

  for (const each of opened) {
    expect(each.foreignRequests).toEqual([]);
    expect(each.problems).toEqual([]);
  }
}, 120_000);
