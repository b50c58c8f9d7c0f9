import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { BUILT_PAGES_DIR } from '../../src/app/pages/built-pages';

/** Debian's Chromium (apt-get install -y chromium); CHROMIUM_PATH names another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of the pages open when a browser test fails, kept for whoever reads the failure. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-results', 'screenshots');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  if (!existsSync(join(BUILT_PAGES_DIR, 'index.html'))) {
    throw new Error('The pages are not built: npm run build:web (npm test does it first)');
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // A closed network refuses Chromium's own background connections; these keep it to the page.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Requests the page made anywhere but the service: a CDN, a font host, an analytics call. */
  foreignRequests: string[];
  /** Errors the page logged or threw, Content-Security-Policy refusals among them. */
  problems: string[];
}

/** A fresh browser context (no shared storage), recording what leaves the origin and what goes wrong. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<OpenedPage> {
  const context = await browser.newContext({ baseURL, viewport, acceptDownloads: true });
  const page = await context.newPage();
  const opened: OpenedPage = { page, context, foreignRequests: [], problems: [] };
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL) && !url.startsWith('data:') && !url.startsWith('blob:'))
      opened.foreignRequests.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') opened.problems.push(message.text());
  });
  page.on('pageerror', (error) => opened.problems.push(error.message));
  return opened;
}

interface AxeFinding {
  id: string;
  impact?: string | null;
  help: string;
  targets: string[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.x A and AA rules on the page as it is now; the serious and critical findings.
 * Evaluated through the browser's debugging protocol, which the page's CSP does not govern.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeFinding[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 3),
    }));
  })()`);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.targets.join(', ')})`);
}

/** Waits until the locator finds exactly this many elements (a refill arriving, a dialog closing). */
export async function waitForCount(locator: Locator, count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = await locator.count();
  while (seen !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} of ${String(locator)}, saw ${seen}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await locator.count();
  }
}

/** Runs a browser step; on failure, saves a screenshot of every page still open, then fails. */
export async function withScreenshots<T>(name: string, pages: Page[], step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const safe = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    await Promise.all(
      pages
        .filter((page) => !page.isClosed())
        .map((page, index) =>
          page
            .screenshot({ path: join(SCREENSHOT_DIR, `${safe}-${index}.png`), fullPage: true })
            .catch(() => undefined),
        ),
    );
    throw error;
  }
}
