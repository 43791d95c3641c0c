import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from './axe.ts';
import type { openPage, TestPage } from './browser.ts';
import { useBrowserSuite } from './browser-suite.ts';

const SCREENSHOT = path.resolve(import.meta.dirname, '../../test-results/screenshots/start-page.png');

const suite = useBrowserSuite();

async function open(options: Parameters<typeof openPage>[1] = {}): Promise<TestPage> {
  const opened = await suite.open(options);
  await opened.page.goto(suite.server().url);
  return opened;
}

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');
const focusedText = (page: Page) => page.locator(':focus').textContent();

/** Presses Tab until the element with this text has focus, as a keyboard user would. */
async function tabTo(page: Page, text: string, maxStops = 10): Promise<void> {
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press('Tab');
    if ((await focusedText(page)) === text) return;
  }
  throw new Error(`"${text}" is not reachable with ${maxStops} presses of Tab`);
}

describe('start page', () => {
  it('is in Swedish by default, with landmarks and a working skip link', async () => {
    const { page, problems } = await open();

    await page.getByRole('heading', { level: 1, name: 'Välkommen till Kontakta' }).waitFor();
    expect(await htmlLang(page)).toBe('sv');
    expect(await page.title()).toBe('Kontakta – säkra e-tjänster till din mottagning');
    const main = page.getByRole('main');
    expect(await main.textContent()).toMatch(/säkra e-tjänster mellan dig och din mottagning/);
    expect(await main.textContent()).toMatch(/ärenden/);
    for (const landmark of ['banner', 'main', 'contentinfo'] as const) {
      expect(await page.getByRole(landmark).count(), landmark).toBe(1);
    }

    // The first Tab shows the skip link; following it puts the keyboard inside main.
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Gå direkt till innehållet');
    const skipLinkBox = await page.locator(':focus').boundingBox();
    expect(skipLinkBox?.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('main');

    expect(await accessibilityViolations(page)).toEqual([]);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('switches to English by keyboard and by click, and keeps the choice after a reload', async () => {
    const { context, page, problems } = await open();
    const english = page.getByRole('button', { name: 'English', exact: true });
    const swedish = page.getByRole('button', { name: 'Svenska', exact: true });
    await english.waitFor();
    expect(await swedish.getAttribute('aria-pressed')).toBe('true');

    // Keyboard: Tab to the switch (it sits in the header, a few stops in) and press Enter.
    await tabTo(page, 'English');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Welcome to Kontakta' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await english.getAttribute('aria-pressed')).toBe('true');
    // Focus stays on the switch, so a keyboard user is not thrown back to the top of the page.
    expect(await focusedText(page)).toBe('English');

    // Mouse: back to Swedish and to English again.
    await swedish.click();
    await page.getByRole('heading', { level: 1, name: 'Välkommen till Kontakta' }).waitFor();
    expect(await htmlLang(page)).toBe('sv');
    await english.click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Kontakta' }).waitFor();

    expect(await page.title()).toBe('Kontakta – secure e-services with your care unit');
    expect(await page.getByRole('main').textContent()).toMatch(/secure e-services between you and your care unit/);
    expect(await page.getByRole('link', { name: 'Skip to main content' }).count()).toBe(1);

    // The choice is a cookie (no localStorage), and it survives a reload.
    const cookie = (await context.cookies()).find((c) => c.name === 'kontakta_lang');
    expect(cookie).toMatchObject({ value: 'en', path: '/', sameSite: 'Lax' });
    expect(await page.evaluate('window.localStorage.length')).toBe(0);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Kontakta' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await english.getAttribute('aria-pressed')).toBe('true');

    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const { page, problems } = await open({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.getByRole('heading', { level: 1, name: 'Välkommen till Kontakta' }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'English', exact: true }).tap();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Kontakta' }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
