import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startTestServer } from '../../packages/server/src/testing/test-server.ts';
import { accessibilityViolations } from './axe.ts';
import { launchBrowser, openPage, type TestPage } from './browser.ts';
import { assertWebAppBuilt } from './web-build.ts';

export type BrowserSuite = {
  /** The test server of this file (started before its first test). */
  server(): Awaited<ReturnType<typeof startTestServer>>;
  /** A fresh browser context and page for one test; closed after it. */
  open(options?: Parameters<typeof openPage>[1]): Promise<TestPage>;
  expectAccessible(page: Page): Promise<void>;
};

/**
 * One server and one browser for a test file, a fresh context per test: what most browser tests
 * share. Call at the top level of the file.
 */
export function useBrowserSuite(options: Parameters<typeof startTestServer>[1] = {}): BrowserSuite {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  let current: TestPage | undefined;

  beforeAll(async () => {
    assertWebAppBuilt();
    server = await startTestServer({}, options);
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await current?.context.close();
    current = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    server: () => {
      if (!server) throw new Error('the test server has not started');
      return server;
    },
    async open(options = {}) {
      if (!browser) throw new Error('the browser has not started');
      current = await openPage(browser, options);
      return current;
    },
    async expectAccessible(page) {
      expect(await accessibilityViolations(page)).toEqual([]);
    },
  };
}
