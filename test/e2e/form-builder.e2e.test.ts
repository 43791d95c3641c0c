import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../packages/server/src/testing/test-server.ts';
import { accessibilityViolations } from './axe.ts';
import { launchBrowser, openPage, type TestPage } from './browser.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen } from './login.ts';
import { saveScreenshot } from './screenshots.ts';
import { assertWebAppBuilt } from './web-build.ts';

// A unit administrator builds a custom errand type in the form builder, with a question shown
// only for one answer, previewed with the citizen's own renderer; a citizen then finds it on the
// unit's contact card and sends it.

const people = demoPeople();
const TYPE_NAME = 'Intyg för resa';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let admin: TestPage;
let citizen: TestPage;

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

beforeAll(async () => {
  assertWebAppBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  [admin, citizen] = await Promise.all([openPage(browser), openPage(browser)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the form builder', () => {
  it('a unit administrator builds a custom errand type with a live preview', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/personal/inloggning`);
    await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
    await page.getByRole('button', { name: new RegExp(people.unitAdministrator.hsaId) }).click();
    // Administrator of two units: chooses where to work first.
    await page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: `Välj ${people.unit.name}` }).click();
    await page.getByRole('heading', { level: 1, name: /Mottagningens e-tjänster/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Förnya recept' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Skapa en egen ärendetyp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny ärendetyp' }).waitFor();
    // Saving an empty form names what is missing, in the domain's words.
    await page.getByRole('button', { name: 'Skapa ärendetypen' }).click();
    await page.getByRole('region', { name: /fel i formuläret/ }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Namn på ärendetypen (svenska)').fill(TYPE_NAME);
    await page.getByLabel('Namn på ärendetypen (engelska)').fill('Certificate for travel');
    await page.getByLabel('Kort beskrivning på kontaktkortet (svenska)').fill('Intyg om vaccinationer inför en resa.');
    await page.getByLabel('Kort beskrivning på kontaktkortet (engelska)').fill('Vaccination certificate for a trip.');
    const first = page.getByRole('group', { name: 'Fråga 1: Kort text' });
    await first.getByLabel('Fråga (svenska)').fill('Vart ska du resa?');
    await first.getByLabel('Fråga (engelska)').fill('Where are you travelling?');
    await first.getByLabel('Måste besvaras').check();

    await page.getByLabel('Typ av fråga').selectOption({ label: 'Ja eller nej' });
    await page.getByRole('button', { name: 'Lägg till frågan' }).click();
    const second = page.getByRole('group', { name: 'Fråga 2: Ja eller nej' });
    await second.getByLabel('Fråga (svenska)').fill('Behöver du intyget på engelska?');
    await second.getByLabel('Fråga (engelska)').fill('Do you need the certificate in English?');
    await second.getByLabel('Måste besvaras').check();

    await page.getByLabel('Typ av fråga').selectOption({ label: 'Datum' });
    await page.getByRole('button', { name: 'Lägg till frågan' }).click();
    const third = page.getByRole('group', { name: 'Fråga 3: Datum' });
    await third.getByLabel('Fråga (svenska)').fill('Avresedatum');
    await third.getByLabel('Fråga (engelska)').fill('Departure date');
    await third.getByLabel('Måste besvaras').check();
    await third.getByLabel('Visa frågan').selectOption({ label: 'Bara när ”Behöver du intyget på engelska?” är ”Ja”' });

    // The preview is the citizen's renderer: the date question appears only after "Ja".
    const preview = page.getByRole('form', { name: `Förhandsvisning: ${TYPE_NAME}` });
    await preview.getByLabel('Vart ska du resa?').waitFor();
    expect(await preview.getByLabel('Avresedatum').count()).toBe(0);
    await preview.getByRole('radio', { name: 'Ja' }).check();
    await preview.getByLabel('Avresedatum').waitFor();
    await preview.getByRole('button', { name: 'Prova att skicka' }).click();
    await preview.getByText('Fyll i avresedatum.').first().waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'form-builder');

    await page.getByRole('button', { name: 'Skapa ärendetypen' }).click();
    await page.getByText(`Ändringarna för ${TYPE_NAME} är sparade.`).waitFor();
    await page.getByRole('heading', { level: 3, name: new RegExp(TYPE_NAME) }).waitFor();
    await expectAccessible(page);
    expect(admin.problems).toEqual([]);
  });

  it('a citizen finds the new type on the contact card and sends it', async () => {
    const { page } = citizen;
    await logInCitizen(page, server.url, people.citizen.personnummer);
    await page.goto(`${server.url}/mottagningar/${people.unit.hsaId}`);
    await page.getByRole('link', { name: TYPE_NAME }).click();
    await page.getByRole('heading', { level: 1, name: TYPE_NAME }).waitFor();
    await page.getByLabel('Vart ska du resa?').fill('Kenya');
    await page.getByRole('radio', { name: 'Ja' }).check();
    await page.getByLabel('Avresedatum').fill('2099-01-15');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' }).waitFor();
    expect(await page.getByRole('main').textContent()).toMatch(/Kenya.*Ja.*2099-01-15/);
    expect(citizen.problems).toEqual([]);
  });
});
