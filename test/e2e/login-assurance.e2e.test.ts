import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestPage } from './browser.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { saveScreenshot } from './screenshots.ts';

// An e-ID with too low a level of assurance (basic Freja eID, without the ID check) is refused
// with a page that says why and which e-IDs work, and carries nothing about the person.

const suite = useBrowserSuite();
const { expectAccessible } = suite;

async function open(): Promise<TestPage> {
  return suite.open();
}

/** On the development provider's page: the identity that logs in with basic Freja eID. */
async function chooseBasicFreja(page: Page): Promise<void> {
  await page.waitForURL(/\/dev-idp\//);
  await page.getByRole('button', { name: /Freja eID utan ID-kontroll/ }).click();
}

describe('an e-ID with too low a level of assurance', () => {
  it('sends a citizen to a refusal page that names the e-IDs that work, in Swedish and English', async () => {
    const { page, problems } = await open();
    await page.goto(`${suite.server().url}/inloggning`);
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await chooseBasicFreja(page);

    await page.waitForURL(/\/inloggning\/nekad\?orsak=insufficient-assurance$/);
    await page.getByRole('heading', { level: 1, name: 'Du kunde inte logga in' }).waitFor();
    const main = page.getByRole('main');
    expect(await main.textContent()).toContain('för låg tillitsnivå');
    expect(await main.textContent()).toContain('Freja eID utan ID-kontroll');
    expect(await main.textContent()).toContain('Logga in med BankID eller med Freja+ (Freja med ID-kontroll).');
    // Nothing about the person, on the page or in the address.
    expect(await main.textContent()).not.toMatch(/\d{8}-?\d{4}/);
    expect(new URL(page.url()).search).toBe('?orsak=insufficient-assurance');
    await expectAccessible(page);
    await saveScreenshot(page, 'login-refused-insufficient-assurance');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'You could not log in' }).waitFor();
    expect(await main.textContent()).toContain('Log in with BankID or with Freja+ (Freja with an ID check).');
    await expectAccessible(page);

    // Still logged out: the way back is a fresh login.
    await page.getByRole('link', { name: 'Try again' }).click();
    await page.waitForURL(/\/inloggning$/);
    expect(problems).toEqual([]);
  });

  it('sends staff to the staff’s refusal page, pointing them to SITHS', async () => {
    const { page, problems } = await open();
    await page.goto(`${suite.server().url}/personal/inloggning`);
    await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
    await chooseBasicFreja(page);

    await page.waitForURL(/\/personal\/inloggning\/nekad\?orsak=insufficient-assurance$/);
    await page.getByRole('heading', { level: 1, name: 'Du kunde inte logga in' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('Logga in med ditt SITHS-kort eller SITHS eID.');
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
});
