import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemoRegister, demoPersonas } from '../../packages/server/src/registers/index.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen } from './login.ts';
import { saveScreenshot } from './screenshots.ts';

// Statistics (issue 16 pts 3–4): a unit administrator and a regional administrator reach the page
// from their menu by keyboard, change the filters (kept in the address), read each chart's data
// in a real table, and download the CSV of exactly what is shown; an installation administrator
// lands on the page at login and narrows it to a unit (every unit offered, grouped by region) or
// to a region and one of its units. Axe on every view.

const suite = useBrowserSuite();
const people = demoPeople();
const register = buildDemoRegister(new Date());
const regional = register.hsa.employees.find(
  (e) => e.hsaId === demoPersonas(new Date()).staff.regionAdministrator.hsaId,
);
const region = register.hsa.regions.find((r) => r.code === regional?.regionCommissions[0]?.regionCode);
const installationAdministrator = demoPersonas(new Date()).staff.installationAdministrator;

/** Tabs forward until the link with this name has focus; fails if it is never reached. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    // An expression, not a function: this file is type-checked without the DOM's types.
    const focused = String(await page.evaluate("document.activeElement?.textContent?.trim() ?? ''"));
    if (focused === name) return;
  }
  throw new Error(`"${name}" is not reachable with the Tab key`);
}

async function chooseAtLogin(page: Page, hsaId: string, choice: string): Promise<void> {
  await page.goto(`${suite.server().url}/personal/inloggning`);
  await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
  await page.waitForURL(/\/dev-idp\//);
  await page.getByRole('button', { name: new RegExp(hsaId) }).click();
  await page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
  await page.getByRole('button', { name: `Välj ${choice}` }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

describe('statistics', () => {
  it('a unit administrator reaches the statistics by keyboard, filters them and downloads the CSV', async () => {
    const { page, problems } = await suite.open();
    await chooseAtLogin(page, people.unitAdministrator.hsaId, people.unit.name);
    await page.getByRole('heading', { level: 1, name: /Mottagningens e-tjänster/ }).waitFor();

    await tabTo(page, 'Statistik');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
    await page.getByRole('table', { name: 'Skickade ärenden' }).waitFor();
    await page.getByRole('table', { name: 'Tid till första svar, i arbetstimmar' }).waitFor();
    await page.getByRole('img', { name: /^Diagram: Skickade ärenden/ }).waitFor();
    // Logins belong to no unit: a unit's statistics have none.
    expect(await page.getByRole('table', { name: 'Invånarnas inloggningar per metod' }).count()).toBe(0);
    await suite.expectAccessible(page);

    // The filters by keyboard; the choice is kept in the address.
    await page.getByLabel('Per', { exact: true }).focus();
    await page.getByLabel('Per', { exact: true }).selectOption('week');
    await page.getByLabel('Uppdelat på').selectOption('errand-type');
    await page.getByRole('button', { name: 'Visa statistik' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/granularity=week/);
    expect(page.url()).toContain('breakdown=errand-type');
    await page
      .getByRole('rowheader', { name: / v\. \d+$/ })
      .first()
      .waitFor();
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'statistics-unit');

    // The CSV is the same query, for Excel: BOM, semicolons, an attachment.
    const href = await page.getByRole('link', { name: /Ladda ner som CSV-fil/ }).getAttribute('href');
    expect(href).toContain('/api/staff/statistics.csv?');
    expect(href).toContain('granularity=week');
    const csv = await page.request.get(`${suite.server().url}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename=".*\.csv"$/);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Skickade ärenden');
    expect(problems).toEqual([]);
  });

  it('a regional administrator reaches the region’s statistics, with its citizens’ logins and a unit filter', async () => {
    expect(region).toBeDefined();
    // A citizen logs in first, so the region has a login to count.
    const citizen = await suite.open();
    await logInCitizen(citizen.page, suite.server().url, people.citizen.personnummer);
    await citizen.context.close();

    const { page, problems } = await suite.open();
    await chooseAtLogin(page, regional?.hsaId ?? '-', `Regionadministration – ${region?.name}`);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Statistik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
    const logins = page.getByRole('table', { name: 'Invånarnas inloggningar per metod' });
    await logins.waitFor();
    await page.getByLabel('Mottagning', { exact: true }).waitFor();
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'statistics-region');
    expect(problems).toEqual([]);
  });

  it('an installation administrator lands on the whole installation’s statistics and narrows them to a region and a unit', async () => {
    const { page, problems } = await suite.open();
    await page.goto(`${suite.server().url}/personal/inloggning`);
    await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
    await page.waitForURL(/\/dev-idp\//);
    await page.getByRole('button', { name: new RegExp(installationAdministrator.hsaId) }).click();
    // No unit to choose: straight to the statistics, the only thing the role gives.
    await page.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
    await page.getByText(/i hela installationen, i alla regioner/).waitFor();
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await menu.getByRole('link', { name: 'Statistik' }).count()).toBe(1);
    expect(await menu.getByRole('link', { name: 'Inkorg' }).count()).toBe(0);
    await page.getByRole('table', { name: 'Tid till första svar, i arbetsdagar' }).waitFor();
    await page.getByRole('table', { name: 'Personalens inloggningar per metod' }).waitFor();
    await page.getByRole('table', { name: 'Aktiva ombud vid periodens slut' }).waitFor();
    await suite.expectAccessible(page);

    // Before a region is chosen every unit can be chosen, under its region: straight to one.
    const units = page.getByLabel('Mottagning', { exact: true });
    expect(await units.locator(`optgroup[label="${region?.name}"] option`, { hasText: people.unit.name }).count()).toBe(
      1,
    );
    expect(await units.locator('optgroup').count()).toBe(new Set(register.hsa.careUnits.map((u) => u.regionCode)).size);
    await units.selectOption({ label: people.unit.name });
    await page.getByRole('button', { name: 'Visa statistik' }).click();
    await page.waitForURL(/unit=/);
    await page.getByText(new RegExp(`hos ${people.unit.name}`)).waitFor();
    await page.goBack();
    await page.getByText(/i hela installationen, i alla regioner/).waitFor();

    // Every unit side by side is shown 25 at a time, with a way to the rest.
    const unitCount = register.hsa.careUnits.length;
    await page.getByLabel('Uppdelat på').selectOption({ label: 'Mottagning' });
    await page.getByRole('button', { name: 'Visa statistik' }).click();
    await page.waitForURL(/breakdown=unit/);
    const pages = page.getByRole('navigation', { name: 'Sidor i uppdelningen' });
    await pages.getByText(`Mottagning 1–25 av ${unitCount}`).waitFor();
    await pages.getByRole('link', { name: `Nästa ${unitCount - 25} mottagningar` }).click();
    await page.waitForURL(/page=2/);
    await pages.getByText(`Mottagning 26–${unitCount} av ${unitCount}`).waitFor();
    expect(await pages.getByRole('link', { name: 'Föregående 25 mottagningar' }).count()).toBe(1);
    await suite.expectAccessible(page);
    await page.goBack();
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('breakdown=unit'));

    await page.getByLabel('Region', { exact: true }).selectOption({ label: region?.name ?? '-' });
    await page.getByRole('button', { name: 'Visa statistik' }).click();
    await page.waitForURL(/region=\d{2}/);
    await page.getByText(new RegExp(`hos ${region?.name}`)).waitFor();
    await page.getByLabel('Mottagning', { exact: true }).selectOption({ label: people.unit.name });
    await page.getByRole('button', { name: 'Visa statistik' }).click();
    await page.waitForURL(/unit=/);
    await page.getByText(new RegExp(`hos ${people.unit.name}`)).waitFor();
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'statistics-installation');
    expect(problems).toEqual([]);
  });
});
