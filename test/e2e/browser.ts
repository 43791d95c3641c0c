import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/**
 * Browser tests drive the system's Chromium (Debian package), never a browser Playwright downloads:
 * these machines have no Internet, and the distribution's build is the one that gets security updates.
 */
export const CHROMIUM_PATH = process.env.KONTAKTA_CHROMIUM ?? '/usr/bin/chromium';

// Without these, headless Chromium reaches out to Google services at start; offline, the
// attempts pile up and slow every test. `--no-sandbox` because tests run as root in containers.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One browser per test file; it is the expensive part. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export type TestPage = Readonly<{
  context: BrowserContext;
  page: Page;
  /**
   * What went wrong in the page: uncaught errors, console errors (CSP violations show up here)
   * and failed requests. A test ends by expecting this to be empty.
   */
  problems: readonly string[];
}>;

/**
 * A fresh context (cookies, storage, cache) per test, so no test sees another's language choice or
 * session. Defaults to a Swedish reader on a laptop; pass `viewport` to test small screens.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<TestPage> {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' || isExpectedNoise(message.text(), message.location().url)) return;
    problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('requestfailed', (request) => {
    // A read the browser dropped because the test moved on (a new page.goto while the icon or
    // the inbox still loads) loses nothing and is no failure of Kontakta's; a write that is cut
    // short, and every read that fails another way, still counts.
    const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
    if (aborted && request.method() === 'GET') return;
    problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`);
  });
  return { context, page, problems };
}

/**
 * Console errors that are not problems: Chromium logs every 4xx answer as "Failed to load
 * resource", and asking whether anyone is logged in (`GET /api/session`) answers 401 when nobody
 * is; the development e-ID provider's pages have no favicon.
 */
function isExpectedNoise(text: string, url: string): boolean {
  if (!text.startsWith('Failed to load resource')) return false;
  const { pathname } = new URL(url, 'http://localhost');
  return (pathname === '/api/session' && text.includes('401')) || pathname === '/favicon.ico';
}
