import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemoRegister, demoPersonas } from '../../packages/server/src/registers/index.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen } from './login.ts';
import { saveScreenshot } from './screenshots.ts';

// The regional administrator (issue 16): logs in with SITHS, chooses the region in the same list
// as the units, sees the region's units, takes an errand type out of the base offering, and finds
// the change in the region's change log. A citizen then no longer finds the type on the unit's
// contact card, and the unit administrator sees why it cannot be switched on.

const suite = useBrowserSuite();
const people = demoPeople();
const register = buildDemoRegister(new Date());
const regional = register.hsa.employees.find(
  (e) => e.hsaId === demoPersonas(new Date()).staff.regionAdministrator.hsaId,
);
const regionCode = regional?.regionCommissions[0]?.regionCode;
const region = register.hsa.regions.find((r) => r.code === regionCode);
const TYPE = 'Förnya recept';

/** The staff tool's main menu. */
const menu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

describe('regional administration', () => {
  it('a regional administrator takes an errand type out of the base offering; citizens and units see it', async () => {
    expect(region).toBeDefined();
    const { page, problems } = await suite.open();
    await page.goto(`${suite.server().url}/personal/inloggning`);
    await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
    await page.waitForURL(/\/dev-idp\//);
    await page.getByRole('button', { name: new RegExp(regional?.hsaId ?? '-') }).click();
    await page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
    const regionChoice = `Regionadministration – ${region?.name}`;
    await page.getByText(regionChoice, { exact: true }).waitFor();
    await page.getByText('Regionadministratör', { exact: true }).waitFor();
    await suite.expectAccessible(page);
    await page.getByRole('button', { name: `Välj ${regionChoice}` }).click();

    // The region's units at a glance.
    await page.getByRole('heading', { level: 1, name: 'Regionens mottagningar' }).waitFor();
    const table = page.getByRole('table');
    const row = table.getByRole('row').filter({ hasText: people.unit.name });
    await row.getByText(TYPE).waitFor();
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'region-units');

    // The base offering: one save, and leaving with unsaved changes asks first.
    await menu(page).getByRole('link', { name: 'Grundutbud' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grundutbud' }).waitFor();
    await suite.expectAccessible(page);
    const allowed = page.getByRole('checkbox', { name: `Mottagningarna får erbjuda ”${TYPE}”` });
    expect(await allowed.isChecked()).toBe(true);
    await allowed.uncheck();
    await page.getByText('Du har ändringar som inte är sparade.').waitFor();
    await menu(page).getByRole('link', { name: 'Regionens ändringslogg' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Vill du lämna sidan?' });
    await dialog.waitFor();
    await suite.expectAccessible(page);
    await dialog.getByRole('button', { name: 'Stanna' }).click();
    await page.getByRole('button', { name: 'Spara grundutbudet' }).click();
    await page.getByText('Grundutbudet är sparat.').waitFor();
    expect(await allowed.isChecked()).toBe(false);
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'region-offering');

    // The change log names who did what.
    await menu(page).getByRole('link', { name: 'Regionens ändringslogg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regionens ändringslogg' }).waitFor();
    await page.getByText(`Tog bort ”${TYPE}” ur regionens grundutbud`).waitFor();
    await page.getByText(`${regional?.name.given} ${regional?.name.family}, ${regional?.hsaId}`).waitFor();
    await suite.expectAccessible(page);

    // Back on the units page, the unit no longer offers it.
    await menu(page).getByRole('link', { name: 'Regionens mottagningar' }).click();
    await row.waitFor();
    expect(await row.getByRole('listitem').filter({ hasText: TYPE }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('a citizen no longer finds the type on the unit’s contact card', async () => {
    const { page, problems } = await suite.open();
    await logInCitizen(page, suite.server().url, people.citizen.personnummer);
    await page.goto(`${suite.server().url}/mottagningar/${people.unit.hsaId}`);
    await page.getByRole('heading', { level: 1, name: people.unit.name }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Kontakta mig' }).first().waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: TYPE }).count()).toBe(0);
    await suite.expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('the unit administrator sees that the region does not allow it', async () => {
    const { page, problems } = await suite.open();
    await page.goto(`${suite.server().url}/personal/inloggning`);
    await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
    await page.getByRole('button', { name: new RegExp(people.unitAdministrator.hsaId) }).click();
    await page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
    await page.getByRole('button', { name: `Välj ${people.unit.name}` }).click();
    await page.getByRole('heading', { level: 1, name: /Mottagningens e-tjänster/ }).waitFor();
    const type = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: TYPE }) });
    await type.getByText('Regionen tillåter inte den här ärendetypen.', { exact: false }).waitFor();
    await suite.expectAccessible(page);
    expect(problems).toEqual([]);
  });
});
