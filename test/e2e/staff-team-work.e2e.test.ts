import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../packages/server/src/testing/test-server.ts';
import { accessibilityViolations } from './axe.ts';
import { launchBrowser, openPage, type TestPage } from './browser.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen } from './login.ts';

// Working as a team (issue 18): the unit administrator keeps standard answers; a nurse who is
// both receiver and caregiver takes an errand herself, leaves a note for her colleagues and
// answers with a standard answer she edits; every list says when the answer is due.

const people = demoPeople();

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let admin: TestPage;
let citizen: TestPage;
let nurse: TestPage;
let errandId = '';

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** Staff e-ID login, choosing the unit when the catalogue gives several. */
async function logInStaffAt(page: Page, hsaId: string): Promise<void> {
  await page.goto(`${server.url}/personal/inloggning`);
  await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
  await page.getByRole('button', { name: new RegExp(hsaId) }).click();
  await page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
  await page.getByRole('button', { name: `Välj ${people.unit.name}` }).click();
  await page.waitForURL(/\/personal\/(inkorg|mina-arenden|administration)/);
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  [admin, citizen, nurse] = await Promise.all([openPage(browser), openPage(browser), openPage(browser)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('team work at the unit', () => {
  it('the unit administrator adds a standard answer for prescriptions', async () => {
    const { page } = admin;
    await logInStaffAt(page, people.unitAdministrator.hsaId);
    await page.goto(`${server.url}/personal/administration/standardsvar`);
    await page.getByRole('heading', { level: 1, name: 'Standardsvar' }).waitFor();
    await page.getByRole('button', { name: 'Lägg till standardsvaret' }).click();
    await page.getByText('Skriv en rubrik på svenska.').first().waitFor();
    await page.getByLabel('Rubrik (svenska)').fill('Receptet förnyat');
    await page.getByLabel('Text (svenska)').fill('Hej! Ditt recept är förnyat och finns på apoteket.');
    await page
      .getByRole('group', { name: /För ärendetyperna/ })
      .getByLabel('Förnya recept')
      .check();
    await page.getByRole('button', { name: 'Lägg till standardsvaret' }).click();
    await page.getByText('Standardsvaret är tillagt.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Receptet förnyat' }).waitFor();
    await expectAccessible(page);
  });

  it('the nurse takes the errand herself, leaves a note, and answers with the standard answer', async () => {
    await logInCitizen(citizen.page, server.url, people.citizen.personnummer);
    await citizen.page.goto(`${server.url}/mottagningar/${people.unit.hsaId}/renew-prescription`);
    await citizen.page.getByRole('group', { name: 'Läkemedel 1' }).getByLabel('Läkemedlets namn').fill('Levaxin');
    await citizen.page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await citizen.page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' }).waitFor();
    const path = (await citizen.page.getByRole('link', { name: 'Gå till ärendet' }).getAttribute('href')) ?? '';
    errandId = path.split('/').at(-1) ?? '';

    const { page } = nurse;
    await logInStaffAt(page, people.nurse.hsaId);
    // The demo unit answers prescriptions within a number of working days: the row says by when.
    await page.goto(`${server.url}/personal/inkorg`);
    const row = page.getByRole('table', { name: 'Inkorg' }).getByRole('row').nth(1);
    await expect.poll(() => row.getByRole('cell').nth(5).locator('time').count()).toBe(1);

    await page.goto(`${server.url}/personal/arenden/${errandId}`);
    await page.getByRole('button', { name: 'Ta ärendet själv' }).click();
    await page.getByText('Du har tagit ärendet.').waitFor();

    await page.getByLabel('Ny anteckning').fill('Ringt patienten 10.15, inget svar.');
    await page.getByRole('button', { name: 'Spara anteckningen' }).click();
    await page.getByText('Anteckningen är sparad.').waitFor();
    await page.getByText('Ringt patienten 10.15, inget svar.').waitFor();
    await page.getByText(/Intern anteckning – /).waitFor();
    await expectAccessible(page);

    await page
      .getByRole('group', { name: 'Läkemedel 1', exact: true })
      .getByRole('radio', { name: 'Förnyat', exact: true })
      .check();
    await page.getByLabel('Standardsvar').selectOption({ label: 'Receptet förnyat' });
    await page.getByRole('button', { name: 'Infoga standardsvaret' }).click();
    const message = page.getByLabel('Meddelande till invånaren');
    await expect.poll(() => message.inputValue()).toBe('Hej! Ditt recept är förnyat och finns på apoteket.');
    await message.fill(`${await message.inputValue()} Hälsningar, sköterskan.`);
    // Inserting again over what was typed asks first; keeping leaves the text as it is.
    await page.getByRole('button', { name: 'Infoga standardsvaret' }).click();
    const replace = page.getByRole('alertdialog', { name: 'Vill du ersätta det du har skrivit med standardsvaret?' });
    await replace.waitFor();
    await expectAccessible(page);
    await replace.getByRole('button', { name: 'Behåll min text' }).click();
    await replace.waitFor({ state: 'detached' });
    expect(await message.inputValue()).toBe(
      'Hej! Ditt recept är förnyat och finns på apoteket. Hälsningar, sköterskan.',
    );
    await page
      .getByRole('group', { name: /Får invånaren svara/ })
      .getByRole('radio', { name: 'Nej' })
      .check();
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await page.getByText('Svaret är skickat till invånaren.').waitFor();
    await expectAccessible(page);

    await citizen.page.goto(`${server.url}/arenden/${errandId}`);
    await citizen.page.getByText(/finns på apoteket\. Hälsningar, sköterskan\./).waitFor();
    // The note is for staff only.
    expect(await citizen.page.getByRole('main').textContent()).not.toContain('Ringt patienten');
    for (const person of [admin, citizen, nurse]) expect(person.problems).toEqual([]);
  });

  it('"Obesvarade" groups by time left to the reply time', async () => {
    const { page } = nurse;
    await page.goto(`${server.url}/personal/obesvarade`);
    await page.getByRole('heading', { level: 3, name: 'Efter tid kvar till svarstiden' }).waitFor();
    await page.getByText('Försenade').waitFor();
    await expectAccessible(page);
  });
});
