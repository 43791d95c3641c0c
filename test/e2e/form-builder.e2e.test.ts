import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../packages/server/src/testing/test-server.ts';
import { accessibilityViolations } from './axe.ts';
import { launchBrowser, openPage, type TestPage } from './browser.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen, logInStaff } from './login.ts';
import { saveScreenshot } from './screenshots.ts';
import { assertWebAppBuilt } from './web-build.ts';

// A unit administrator builds a custom errand type in the form builder: a question with a length
// limit, a question shown only for one answer, a repeating group, and an answer field of the unit's
// own, previewed with the one form renderer; not open to proxies, so the contact card shows a
// padlock. A citizen sends it (the limit refuses a first try), a receiver assigns it, a doctor
// answers with the custom answer field, and the citizen reads it.

const people = demoPeople();
const TYPE_NAME = 'Intyg för resa';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let admin: TestPage;
let citizen: TestPage;
let receiver: TestPage;
let doctor: TestPage;
let errandPath = '';

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

beforeAll(async () => {
  assertWebAppBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  [admin, citizen, receiver, doctor] = await Promise.all([
    openPage(browser),
    openPage(browser),
    openPage(browser),
    openPage(browser),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the form builder', () => {
  it('a unit administrator builds a custom errand type with limits, a group, an answer field and a live preview', async () => {
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
    await page.getByLabel('Namn på ärendetypen (engelska, valfri)').fill('Certificate for travel');
    await page.getByLabel('Kort beskrivning på kontaktkortet (svenska)').fill('Intyg om vaccinationer inför en resa.');
    await page
      .getByLabel('Kort beskrivning på kontaktkortet (engelska, valfri)')
      .fill('Vaccination certificate for a trip.');
    // Guardians cannot use it for a child: the contact card will show a padlock.
    await page.getByLabel('Öppen för ombud').uncheck();

    const first = page.getByRole('group', { name: 'Fråga 1: Kort text' });
    await first.getByLabel('Fråga (svenska)').fill('Vart ska du resa?');
    await first.getByLabel('Fråga (engelska, valfri)').fill('Where are you travelling?');
    await first.getByLabel('Måste besvaras').check();
    // A limit that is not a number is named at its box, linked from the summary.
    await first.getByLabel('Högst antal tecken').fill('tjugo');
    await page.getByRole('button', { name: 'Skapa ärendetypen' }).click();
    const summary = page.getByRole('region', { name: /fel i formuläret/ });
    await summary.getByRole('link', { name: 'Fråga 1: Skriv ett heltal, till exempel 10.' }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('builder-question1-maxLength');
    await first.getByLabel('Högst antal tecken').fill('20');

    await page.getByLabel('Typ av fråga', { exact: true }).selectOption({ label: 'Ja eller nej' });
    await page.getByRole('button', { name: 'Lägg till frågan', exact: true }).click();
    const second = page.getByRole('group', { name: 'Fråga 2: Ja eller nej' });
    await second.getByLabel('Fråga (svenska)').fill('Behöver du intyget på engelska?');
    await second.getByLabel('Fråga (engelska, valfri)').fill('Do you need the certificate in English?');
    await second.getByLabel('Måste besvaras').check();

    await page.getByLabel('Typ av fråga', { exact: true }).selectOption({ label: 'Datum' });
    await page.getByRole('button', { name: 'Lägg till frågan', exact: true }).click();
    const third = page.getByRole('group', { name: 'Fråga 3: Datum' });
    await third.getByLabel('Fråga (svenska)').fill('Avresedatum');
    await third.getByLabel('Fråga (engelska, valfri)').fill('Departure date');
    await third.getByLabel('Måste besvaras').check();
    await third.getByLabel('Visa frågan').selectOption({ label: 'Bara när ”Behöver du intyget på engelska?” är ”Ja”' });

    // A repeating group: one to three vaccinations, each with its own questions.
    await page.getByLabel('Typ av fråga', { exact: true }).selectOption({ label: 'Upprepad grupp' });
    await page.getByRole('button', { name: 'Lägg till frågan', exact: true }).click();
    const group = page.getByRole('group', { name: 'Fråga 4: Upprepad grupp' });
    await group.getByLabel('Gruppens rubrik (svenska)').fill('Vaccinationer');
    await group.getByLabel('Gruppens rubrik (engelska, valfri)').fill('Vaccinations');
    await group.getByLabel(/^Vad en sak heter.*\(svenska\)$/).fill('vaccination');
    await group.getByLabel(/^Vad en sak heter.*\(engelska, valfri\)$/).fill('vaccination');
    await group.getByLabel(/^Vad flera heter.*\(svenska\)$/).fill('vaccinationer');
    await group.getByLabel(/^Vad flera heter.*\(engelska, valfri\)$/).fill('vaccinations');
    await group.getByLabel('Högst antal', { exact: true }).fill('3');
    const vaccine = page.getByRole('group', { name: 'Fråga 4.1: Kort text' });
    await vaccine.getByLabel('Fråga (svenska)').fill('Vaccin');
    await vaccine.getByLabel('Fråga (engelska, valfri)').fill('Vaccine');
    await vaccine.getByLabel('Måste besvaras').check();
    // A second question in the group, moved first, then removed again.
    await group.getByLabel('Typ av fråga i grupp 4').selectOption({ label: 'Datum' });
    await group.getByRole('button', { name: 'Lägg till frågan i grupp 4' }).click();
    await page.getByRole('group', { name: 'Fråga 4.2: Datum' }).waitFor();
    await page.getByRole('button', { name: 'Flytta upp fråga 4.2', exact: true }).click();
    await page.getByRole('group', { name: 'Fråga 4.1: Datum' }).waitFor();
    expect(await page.getByRole('group', { name: 'Fråga 4.2: Kort text' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Ta bort fråga 4.1', exact: true }).click();
    await page.getByRole('group', { name: 'Fråga 4.1: Kort text' }).waitFor();
    // A group may hold a group, but that one no further group: two levels at most.
    await group.getByLabel('Typ av fråga i grupp 4').selectOption({ label: 'Upprepad grupp' });
    await group.getByRole('button', { name: 'Lägg till frågan i grupp 4' }).click();
    const inner = page.getByLabel('Typ av fråga i grupp 4.2');
    expect(await inner.locator('option').allTextContents()).not.toContain('Upprepad grupp');
    await page.getByRole('button', { name: 'Ta bort fråga 4.2', exact: true }).click();
    expect(await page.getByRole('group', { name: 'Fråga 4.2: Upprepad grupp' }).count()).toBe(0);

    // The caregiver's answer form: a field of the unit's own before the message.
    await page.getByRole('button', { name: 'Lägg till svarsfältet', exact: true }).click();
    const answerField = page.getByRole('group', { name: 'Svarsfält 1: Kort text' });
    await answerField.getByLabel('Ledtext (svenska)').fill('Intygets nummer');
    await answerField.getByLabel('Ledtext (engelska, valfri)').fill('Certificate number');
    await answerField.getByLabel('Måste besvaras').check();

    // The preview is the citizen's renderer: the date question appears only after "Ja".
    const preview = page.getByRole('form', { name: `Förhandsvisning: ${TYPE_NAME}` });
    await preview.getByLabel('Vart ska du resa?').waitFor();
    expect(await preview.getByLabel('Avresedatum').count()).toBe(0);
    await preview.getByRole('radio', { name: 'Ja' }).check();
    await preview.getByLabel('Avresedatum').waitFor();
    await preview.getByRole('group', { name: 'Vaccination 1' }).getByLabel('Vaccin').waitFor();
    await preview.getByLabel('Vart ska du resa?').fill('Kenya, Tanzania och Uganda');
    await preview.getByRole('button', { name: 'Prova att skicka' }).click();
    await preview.getByText('Fyll i avresedatum.').first().waitFor();
    await preview
      .getByText(/högst 20 tecken/)
      .first()
      .waitFor();
    // And the caregiver's: the unit's field, then the message and whether the citizen may reply.
    const answerPreview = page.getByRole('form', { name: `Förhandsvisning av svaret: ${TYPE_NAME}` });
    await answerPreview.getByLabel('Intygets nummer').waitFor();
    await answerPreview.getByLabel('Meddelande till invånaren').waitFor();
    expect(await answerPreview.textContent()).toMatch(
      /Intygets nummer.*Meddelande till invånaren.*Får invånaren svara/,
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'form-builder');

    // It fits a phone.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'Skapa ärendetypen' }).click();
    await page.getByText(`Ändringarna för ${TYPE_NAME} är sparade.`).waitFor();
    await page.getByRole('heading', { level: 3, name: new RegExp(TYPE_NAME) }).waitFor();
    await expectAccessible(page);
    expect(admin.problems).toEqual([]);
  });

  it('a citizen sees the padlock on the contact card and sends it, the limit refusing a first try', async () => {
    const { page } = citizen;
    await logInCitizen(page, server.url, people.citizen.personnummer);
    await page.goto(`${server.url}/mottagningar/${people.unit.hsaId}`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TYPE_NAME }) });
    await card.getByText('Inte öppen för ombud').waitFor();
    // The national types are open to proxies: no padlock there.
    const renew = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Förnya recept' }) });
    expect(await renew.getByText('Inte öppen för ombud').count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: TYPE_NAME }).click();
    await page.getByRole('heading', { level: 1, name: TYPE_NAME }).waitFor();
    await page.getByRole('radio', { name: 'Ja' }).check();
    await page.getByLabel('Avresedatum').fill('2099-01-15');
    await page.getByRole('group', { name: 'Vaccination 1' }).getByLabel('Vaccin').fill('Gula febern');
    // Longer than the unit's limit: said at the field on leaving it, and in the summary on sending.
    const destination = page.getByLabel('Vart ska du resa?');
    await destination.fill('Kenya, Tanzania och Uganda');
    await destination.blur();
    await page
      .getByText(/högst 20 tecken/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Skicka', exact: true }).click();
    const summary = page.getByRole('region', { name: /fel i formuläret/ });
    await summary.getByRole('link', { name: /högst 20 tecken/ }).waitFor();
    await expectAccessible(page);

    await destination.fill('Kenya');
    await expect.poll(() => summary.count()).toBe(0);
    await page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' }).waitFor();
    expect(await page.getByRole('main').textContent()).toMatch(/Kenya.*Ja.*2099-01-15.*Gula febern/);
    errandPath = (await page.getByRole('link', { name: 'Gå till ärendet' }).getAttribute('href')) ?? '';
    expect(citizen.problems).toEqual([]);
  });

  it('a receiver assigns it and the doctor answers with the unit’s own answer field', async () => {
    await logInStaff(receiver.page, server.url, people.receiver.hsaId);
    await receiver.page.getByRole('button', { name: /^Ej fördelade/ }).click();
    await receiver.page.getByRole('link', { name: TYPE_NAME }).click();
    await receiver.page.getByRole('heading', { level: 1, name: TYPE_NAME }).waitFor();
    await receiver.page
      .getByLabel('Fördela till en vårdgivare')
      .selectOption({ label: `${people.doctor.name} (läkare)` });
    await receiver.page.getByRole('button', { name: 'Fördela', exact: true }).click();
    await receiver.page.getByText(`Ärendet är fördelat till ${people.doctor.name}.`).waitFor();

    const { page } = doctor;
    await logInStaff(page, server.url, people.doctor.hsaId);
    await page.getByRole('link', { name: TYPE_NAME }).click();
    await page.getByRole('heading', { level: 2, name: 'Svara invånaren' }).waitFor();
    await page.getByLabel('Intygets nummer').fill('RES-2026-17');
    await page.getByLabel('Meddelande till invånaren').fill('Intyget är klart att hämta i receptionen.');
    await page
      .getByRole('group', { name: /Får invånaren svara/ })
      .getByRole('radio', { name: 'Nej' })
      .check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await page.getByText('Svaret är skickat till invånaren.').waitFor();
    expect(receiver.problems).toEqual([]);
    expect(doctor.problems).toEqual([]);
  });

  it('the citizen reads the answer with the unit’s own field', async () => {
    const { page } = citizen;
    await page.goto(`${server.url}${errandPath}`);
    const answer = page.getByRole('article', { name: 'Svar från mottagningen' });
    await answer.waitFor();
    expect(await answer.textContent()).toMatch(/Intygets nummer.*RES-2026-17.*klart att hämta/);
    await expectAccessible(page);
    expect(citizen.problems).toEqual([]);
  });
});
