import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../packages/server/src/testing/test-server.ts';
import { accessibilityViolations } from './axe.ts';
import { launchBrowser, openPage, type TestPage } from './browser.ts';
import { demoPeople } from './demo-people.ts';
import { waitForOutboxMessage } from './dev-outbox.ts';
import { logInCitizen, logInStaff, loginPagesViolations } from './login.ts';
import { saveScreenshot } from './screenshots.ts';
import { assertWebAppBuilt } from './web-build.ts';

// The heart of Kontakta in a real browser, one context per person: a citizen sends a
// renew-prescription errand, a receiver assigns it, a doctor answers on the answer form, the
// citizen is notified (without content), reads the answer, sees who read it, and archives it.
// Every page visited is checked with axe; every context must end without console errors.

const people = demoPeople();
const EMAIL = 'karl.andersson@example.se';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let citizen: TestPage;
let receiver: TestPage;
let doctor: TestPage;
let errandPath = '';

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

// Expressions run in the page; written as text because this project's types are Node's, not the DOM's.
const focusedText = (page: Page) => page.evaluate<string>("document.activeElement?.textContent ?? ''");

beforeAll(async () => {
  assertWebAppBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  [citizen, receiver, doctor] = await Promise.all([openPage(browser), openPage(browser), openPage(browser)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the errand flow, in three browsers', () => {
  it('the login pages are accessible', async () => {
    const { kontakta, provider } = await loginPagesViolations(citizen.page, server.url);
    expect(kontakta).toEqual([]);
    expect(provider).toEqual([]);
  });

  it('the citizen logs in with e-ID and confirms an e-mail address for notifications', async () => {
    const { page } = citizen;
    await logInCitizen(page, server.url, people.citizen.personnummer);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Hej ${people.citizen.givenName}!`);
    await page.getByText(`${people.citizen.givenName} ${people.citizen.familyName}`).first().waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'citizen-start');

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inställningar' }).click();
    await page.getByLabel('E-postadress').fill(EMAIL);
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { name: 'Bekräfta din e-postadress' }).waitFor();
    const message = await waitForOutboxMessage(
      server.url,
      (m) => m.template === 'contact-verification' && m.to === EMAIL,
    );
    const code = /\b(\d{6})\b/.exec(message.text)?.[1] ?? '';
    await page.getByLabel('Kod', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Bekräfta', exact: true }).click();
    await page.getByText('Din e-postadress är bekräftad.').waitFor();
    await page.getByText('Bekräftad. Vi använder den för meddelanden.').waitFor();
    // Logged in only here: ending the logins elsewhere says so, and this one goes on.
    await page.getByRole('button', { name: 'Logga ut på alla andra enheter' }).click();
    await page.getByText('Du var inte inloggad någon annanstans.').waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'citizen-settings');
  });

  it('the citizen finds the unit and sends a renew-prescription errand, corrected after a first try', async () => {
    const { page } = citizen;
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Skicka ärende' }).click();
    await page.getByRole('heading', { level: 1, name: 'Skicka ett ärende' }).waitFor();
    await page.getByLabel('Mottagningens namn eller kommun').fill(people.unit.name);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /hittades/ })
      .waitFor();
    await expectAccessible(page);
    // The search is in the address: a reload (or a shared link) shows the same results.
    expect(new URL(page.url()).searchParams.get('q')).toBe(people.unit.name);
    await page.reload();
    await page.getByRole('link', { name: people.unit.name, exact: true }).waitFor();
    expect(await page.getByLabel('Mottagningens namn eller kommun').inputValue()).toBe(people.unit.name);
    await page.getByRole('link', { name: people.unit.name, exact: true }).click();

    await page.getByRole('heading', { level: 1, name: people.unit.name }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Förnya recept' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'errand-form');

    // Sent empty: the summary takes focus and links to the field, with the server's own words.
    await page.getByRole('button', { name: 'Skicka', exact: true }).click();
    const summary = page.getByRole('region', { name: 'Det finns ett fel i formuläret' });
    await summary.waitFor();
    expect(await focusedText(page)).toContain('Det finns ett fel i formuläret');
    await summary.getByRole('link', { name: 'Läkemedel 1: fyll i läkemedlets namn.' }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('errand-medicines-0-name');
    await expectAccessible(page);
    await saveScreenshot(page, 'errand-form-errors');

    const first = page.getByRole('group', { name: 'Läkemedel 1' });
    await first.getByLabel('Läkemedlets namn').fill('Levaxin');
    await first.getByLabel('Styrka').fill('50 mikrogram');
    await first.getByLabel('Dosering').fill('1 tablett på morgonen');
    await page.getByRole('button', { name: 'Lägg till läkemedel' }).click();
    const second = page.getByRole('group', { name: 'Läkemedel 2' });
    await second.getByLabel('Läkemedlets namn').fill('Alvedon');
    await page.getByLabel('Övrig information').fill('Inget har ändrats.');
    await expect.poll(() => summary.count()).toBe(0);
    await page.getByRole('button', { name: 'Skicka', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' }).waitFor();
    const sent = page.getByRole('region', { name: 'Det här skickade du: Förnya recept' });
    expect(await sent.textContent()).toMatch(/Levaxin.*50 mikrogram.*Alvedon.*Inget har ändrats/);
    await expectAccessible(page);
    await saveScreenshot(page, 'errand-sent');
    errandPath = (await page.getByRole('link', { name: 'Gå till ärendet' }).getAttribute('href')) ?? '';
    expect(errandPath).toMatch(/^\/arenden\/[0-9a-f-]{36}$/);
  });

  it('a link to the errand survives the login: a browser without a session logs in from it and lands on it', async () => {
    const other = await openPage(browser);
    try {
      const { page } = other;
      await page.goto(`${server.url}${errandPath}`);
      await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      expect(new URL(page.url()).searchParams.get('till')).toBe(errandPath);
      await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
      await page.waitForURL(/\/dev-idp\//);
      const pnr = people.citizen.personnummer;
      await page.getByRole('button', { name: new RegExp(`${pnr.slice(0, 8)}-${pnr.slice(8)}`) }).click();
      await page.waitForURL(`${server.url}${errandPath}`);
      await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
      expect(other.problems).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('a receiver sees it in the unit inbox, reads it and assigns it to the doctor', async () => {
    const { page } = receiver;
    await logInStaff(page, server.url, people.receiver.hsaId);
    await page.getByRole('heading', { level: 1, name: /Inkorg/ }).waitFor();
    await page.getByRole('button', { name: 'Nya (1)' }).waitFor();
    // Each row says who the errand is from, to route it without opening it.
    const pnr = people.citizen.personnummer;
    const from = `${people.citizen.givenName} ${people.citizen.familyName} ${pnr.slice(0, 8)}-${pnr.slice(8)}`;
    await page.getByRole('main').getByRole('cell', { name: from, exact: true }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'staff-inbox');

    await page.getByRole('button', { name: /^Ej fördelade/ }).click();
    await page.getByRole('link', { name: 'Förnya recept' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    const main = page.getByRole('main');
    await main.getByText(`${people.citizen.givenName} ${people.citizen.familyName}`).first().waitFor();
    await main.getByText(`${pnr.slice(0, 8)}-${pnr.slice(8)}`).waitFor();
    expect(await main.textContent()).toMatch(/Levaxin.*Alvedon/);
    await expectAccessible(page);
    await saveScreenshot(page, 'staff-errand');

    await page.getByLabel('Fördela till en vårdgivare').selectOption({ label: `${people.doctor.name} (läkare)` });
    await page.getByRole('button', { name: 'Fördela', exact: true }).click();
    await page.getByText(`Ärendet är fördelat till ${people.doctor.name}.`).waitFor();
    await expectAccessible(page);

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Obesvarade' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ett ärende väntar på svar' }).waitFor();
    await page.getByRole('main').getByRole('cell', { name: from, exact: true }).waitFor();
    await expectAccessible(page);
  });

  it('the doctor answers on the answer form, per medicine', async () => {
    const { page } = doctor;
    await logInStaff(page, server.url, people.doctor.hsaId);
    await page.getByRole('heading', { level: 1, name: 'Mina ärenden' }).waitFor();
    const pnr = people.citizen.personnummer;
    await page
      .getByRole('main')
      .getByRole('cell', {
        name: `${people.citizen.givenName} ${people.citizen.familyName} ${pnr.slice(0, 8)}-${pnr.slice(8)}`,
        exact: true,
      })
      .waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Förnya recept' }).click();
    await page.getByRole('heading', { level: 2, name: 'Svara invånaren' }).waitFor();

    // One decision per medicine the citizen listed, named from the errand.
    const first = page.getByRole('group', { name: 'Läkemedel 1', exact: true });
    const second = page.getByRole('group', { name: 'Läkemedel 2', exact: true });
    expect(await first.getByRole('textbox', { name: /^Läkemedel / }).inputValue()).toBe('Levaxin');
    expect(await second.getByRole('textbox', { name: /^Läkemedel / }).inputValue()).toBe('Alvedon');
    await first.getByRole('radio', { name: 'Förnyat', exact: true }).check();
    await second.getByRole('radio', { name: 'Inte förnyat' }).check();
    // "Reason" is shown only for a medicine that was not renewed: the form's condition.
    expect(await first.getByLabel('Anledning').count()).toBe(0);
    await second.getByLabel('Anledning').fill('Behöver ett nytt besök först.');
    await page.getByLabel('Meddelande till invånaren').fill('Levaxin är förnyat och finns på apoteket.');
    await page
      .getByRole('group', { name: /Får invånaren svara/ })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await expectAccessible(page);
    await saveScreenshot(page, 'staff-answer');
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await page.getByText('Svaret är skickat till invånaren.').waitFor();
    await expectAccessible(page);
  });

  it('the citizen is notified without content, reads the answer, sees who read it, and archives it', async () => {
    const note = await waitForOutboxMessage(server.url, (m) => m.template === 'errand-answered' && m.to === EMAIL);
    expect(note.channel).toBe('email');
    expect(note.text).not.toMatch(/Levaxin|Alvedon|apoteket|recept/i);

    const { page } = citizen;
    await page.goto(`${server.url}/inkorg`);
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    await page.getByRole('link', { name: 'Förnya recept Oläst' }).waitFor();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByText('1 oläst').waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Förnya recept Oläst' }).click();

    const answer = page.getByRole('article', { name: 'Svar från mottagningen' });
    await answer.waitFor();
    expect(await answer.textContent()).toMatch(
      /Förnyat.*Inte förnyat.*Behöver ett nytt besök först.*finns på apoteket/,
    );
    // The responder by name and title, as 1177 shows it.
    expect(await answer.textContent()).toContain(`${people.doctor.name}, läkare`);
    // Labels written for the citizen, not the answer form's staff wording.
    expect(await answer.textContent()).toContain('Meddelande till dig');
    expect(await answer.textContent()).not.toContain('Meddelande till invånaren');
    expect(new URL(page.url()).pathname).toBe(errandPath);
    await expectAccessible(page);
    await saveScreenshot(page, 'citizen-answer');

    await page.getByRole('link', { name: 'Vem har läst mina ärenden?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vem har läst mina ärenden' }).waitFor();
    await page.getByText(`${people.receiver.name} (ärendemottagare) läste ärendet.`).first().waitFor();
    await page.getByText(`${people.receiver.name} (ärendemottagare) fördelade ärendet.`).waitFor();
    await page.getByText(`${people.doctor.name} (vårdgivare) svarade på ärendet.`).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'access-log');

    await page.goBack();
    await page.getByRole('button', { name: 'Flytta till arkivet' }).click();
    await page.getByText('Ärendet är flyttat till arkivet.').waitFor();
    await page.getByRole('link', { name: 'Tillbaka till dina ärenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arkiv' }).waitFor();
    await page.getByRole('link', { name: 'Förnya recept' }).waitFor();
    await expectAccessible(page);
  });

  it('reads the same in English, and fits a phone', async () => {
    const { page } = citizen;
    await page.goto(`${server.url}${errandPath}`);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('article', { name: 'Answer from the care unit' }).waitFor();
    expect(await page.getByRole('article', { name: 'Answer from the care unit' }).textContent()).toContain(
      'Message to you',
    );
    expect(await page.getByRole('main').textContent()).toMatch(/Renewed.*Not renewed/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Svenska', exact: true }).click();

    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [errandPath, '/', `/mottagningar/${people.unit.hsaId}/renew-prescription`]) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.evaluate<number>('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(360);
    }
    await expectAccessible(page);
  });

  it('the citizen keeps private notes in the calendar and downloads them as .ics', async () => {
    const { page } = citizen;
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Kalender' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kalender' }).waitFor();
    await page.getByRole('button', { name: 'Ny anteckning' }).click();
    expect(await page.getByLabel('Datum', { exact: true }).inputValue()).toBe(today);
    await page.getByLabel('Klockslag (valfritt)').fill('9.15');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page
      .getByRole('region', { name: /fel i formuläret/ })
      .getByText('Skriv en rubrik.')
      .waitFor();
    await page.getByLabel('Rubrik', { exact: true }).fill('Vaccination mot TBE');
    await page.getByLabel('Anteckning (valfri)').fill('Dos 2 på vårdcentralen.');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText('Anteckningen ”Vaccination mot TBE” är sparad.').waitFor();
    const note = page.getByRole('listitem').filter({ hasText: 'Vaccination mot TBE' });
    expect(await note.textContent()).toMatch(/09:15.*Dos 2 på vårdcentralen/);
    await expectAccessible(page);
    await saveScreenshot(page, 'calendar');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Ladda ner kalendern/ }).click(),
    ]);
    const file = await download.path();
    const ics = readFileSync(file, 'utf8');
    expect(ics).toContain('SUMMARY:Vaccination mot TBE');
    expect(ics).toContain('BEGIN:VEVENT');

    await note.getByRole('button', { name: 'Ta bort Vaccination mot TBE' }).click();
    await page.getByRole('button', { name: 'Ja, ta bort' }).click();
    await page.getByText('Anteckningen ”Vaccination mot TBE” är borttagen.').waitFor();
    await page.getByText('Inga anteckningar den här månaden.').waitFor();
    await expectAccessible(page);
  });

  it('no page had a console error, a CSP violation or a failed request', () => {
    expect(citizen.problems).toEqual([]);
    expect(receiver.problems).toEqual([]);
    expect(doctor.problems).toEqual([]);
  });
});
