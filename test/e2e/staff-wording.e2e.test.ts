import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../packages/server/src/testing/test-server.ts';
import { accessibilityViolations } from './axe.ts';
import { launchBrowser, openPage, type TestPage } from './browser.ts';
import { demoPeople } from './demo-people.ts';
import { waitForOutboxMessage } from './dev-outbox.ts';
import { logInCitizen } from './login.ts';
import { assertWebAppBuilt } from './web-build.ts';

// Wording and small things (issue 18 pt 9, issue 17 pt 8, issue 18 pt 4): staff read the citizen's
// questions in the third person, no word is said twice, the result of an action is where the eye
// is and has focus, an administration page has one save and asks before unsaved changes are lost,
// the form builder takes Swedish-only texts, a caregiver may ask for an e-mail when an errand is
// assigned to them, the not-found page has a heading and a way back, and date examples agree with
// the check.

const people = demoPeople();
const REFUSED = /status of 400 .*\/api\/staff\/me\/notices|status of 401 .*\/api\/staff\/me\/notices\/confirm\)$/;

// One server for the file, with room for the dozen logins its tests make in a minute.
let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let browser: Browser | undefined;
const opened: TestPage[] = [];
beforeAll(async () => {
  assertWebAppBuilt();
  server = await startTestServer({ KONTAKTA_LOGIN_RATE_LIMIT: '1000' });
  browser = await launchBrowser();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((each) => each.context.close()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
const suite = {
  server: () => {
    if (!server) throw new Error('the test server has not started');
    return server;
  },
  async open(): Promise<TestPage> {
    if (!browser) throw new Error('the browser has not started');
    const page = await openPage(browser);
    opened.push(page);
    return page;
  },
  async expectAccessible(page: Page): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
  },
};

type Focused = { id: string; text: string; tag: string };
const focused = (page: Page) =>
  page.evaluate<Focused>(`(() => {
    const element = document.activeElement;
    return { id: element?.id ?? '', text: (element?.textContent ?? '').trim(), tag: element?.tagName ?? '' };
  })()`);

/** Words said twice in a row on one line of the page's main content ("Tilldelat Tilldelat dig"). */
async function doubledWords(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines are what a reader reads as one phrase.
  const lines = (await page.getByRole('main').innerText()).split('\n');
  return lines.flatMap((line) =>
    [...line.matchAll(/(?<!\p{L})(\p{L}{2,})[ \t]+\1(?!\p{L})/gu)].map((match) => match[0]),
  );
}

async function logInStaffAt(page: Page, hsaId: string): Promise<void> {
  await page.goto(`${suite.server().url}/personal/inloggning`);
  await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
  await page.getByRole('button', { name: new RegExp(hsaId) }).click();
  const choose = page.getByRole('button', { name: `Välj ${people.unit.name}` });
  await Promise.race([choose.waitFor(), page.waitForURL(/\/personal\/(inkorg|mina-arenden|administration)/)]);
  if (await choose.isVisible()) await choose.click();
  await page.waitForURL(/\/personal\/(inkorg|mina-arenden|administration)/);
}

describe('wording and small things', () => {
  it('staff read the questions in the third person, with the result of taking the errand in focus', async () => {
    const citizen = await suite.open();
    await logInCitizen(citizen.page, suite.server().url, people.citizen.personnummer);
    await citizen.page.goto(`${suite.server().url}/mottagningar/${people.unit.hsaId}/renew-prescription`);
    await citizen.page.getByRole('group', { name: 'Läkemedel 1' }).getByLabel('Läkemedlets namn').fill('Levaxin');
    await citizen.page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await citizen.page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' }).waitFor();
    const path = (await citizen.page.getByRole('link', { name: 'Gå till ärendet' }).getAttribute('href')) ?? '';
    const errandId = path.split('/').at(-1) ?? '';
    // The citizen still reads their own question as written to them.
    await citizen.page.goto(`${suite.server().url}/arenden/${errandId}`);
    await citizen.page.getByText('Läkemedel som du vill förnya').waitFor();
    // Archiving says so beside the button, with focus (the button's text has changed under it).
    await citizen.page.getByRole('button', { name: 'Flytta till arkivet' }).click();
    await citizen.page.getByText('Ärendet är flyttat till arkivet.').waitFor();
    await expect.poll(async () => (await focused(citizen.page)).id).toBe('errand-result');
    await citizen.context.close();

    const { page, problems } = await suite.open();
    await logInStaffAt(page, people.nurse.hsaId);
    await page.goto(`${suite.server().url}/personal/arenden/${errandId}`);
    await page.getByText('Läkemedel som invånaren vill förnya').waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain('som du vill');
    expect(await doubledWords(page)).toEqual([]);

    await page.getByRole('button', { name: 'Ta ärendet själv' }).click();
    await page.getByText('Du har tagit ärendet.').waitFor();
    // The result is beside the buttons that did it, and has focus.
    await expect.poll(async () => (await focused(page)).id).toBe('errand-notice');
    expect(await doubledWords(page)).toEqual([]);
    await suite.expectAccessible(page);

    // The lists say no word twice either.
    for (const list of ['inkorg', 'mina-arenden', 'obesvarade']) {
      await page.goto(`${suite.server().url}/personal/${list}`);
      await page.getByRole('table').first().waitFor();
      expect(await doubledWords(page), list).toEqual([]);
    }
    expect(problems).toEqual([]);
  });

  it('a caregiver chooses an e-mail when an errand is assigned to them; errors only after sending', async () => {
    const { page, problems } = await suite.open();
    await logInStaffAt(page, people.doctor.hsaId);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aviseringar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aviseringar till dig' }).waitFor();
    const email = page.getByLabel('E-postadress för aviseringar (valfri)');
    await email.fill('inte en');
    await email.blur();
    // Nothing is refused before the reader sends.
    expect(await page.locator('.field-error').count()).toBe(0);
    await suite.expectAccessible(page);

    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page
      .getByRole('region', { name: /fel i formuläret/ })
      .getByRole('link', { name: 'Skriv en e-postadress som namn@exempel.se.' })
      .waitFor();
    await suite.expectAccessible(page);
    await email.fill('doktorn@vardcentralen.example.se');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    // A new address is confirmed with a code sent to it before any e-mail goes there.
    const confirm = page.getByRole('region', { name: 'Bekräfta din e-postadress' });
    await confirm.getByText('doktorn@vardcentralen.example.se är inte bekräftad än.', { exact: false }).waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('notice-code');
    await suite.expectAccessible(page);
    const sent = await waitForOutboxMessage(
      suite.server().url,
      (message) => message.to === 'doktorn@vardcentralen.example.se' && message.template === 'contact-verification',
    );
    const code = /\b(\d{6})\b/.exec(sent.text)?.[1] ?? '';
    await confirm.getByLabel('Kod').fill(code === '000000' ? '111111' : '000000');
    await confirm.getByRole('button', { name: 'Bekräfta' }).click();
    await confirm
      .getByRole('region', { name: /fel i formuläret/ })
      .getByRole('link', { name: 'Fel kod. Kontrollera koden och försök igen.' })
      .waitFor();
    await suite.expectAccessible(page);
    await confirm.getByLabel('Kod').fill(code);
    await confirm.getByRole('button', { name: 'Bekräfta' }).click();
    await page
      .getByText('Adressen är bekräftad. Du får ett meddelande till doktorn@vardcentralen.example.se')
      .waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('notice-result');
    expect(await confirm.count()).toBe(0);
    await suite.expectAccessible(page);
    // The refusal above is the one expected problem.
    expect(problems.filter((problem) => !REFUSED.test(problem))).toEqual([]);
  });

  it('the errand types are saved with one button, and leaving with changes asks first (by keyboard)', async () => {
    const { page, problems } = await suite.open();
    await logInStaffAt(page, people.unitAdministrator.hsaId);
    await page.goto(`${suite.server().url}/personal/administration`);
    await page.getByRole('heading', { level: 1, name: /Mottagningens e-tjänster/ }).waitFor();
    await suite.expectAccessible(page);
    expect(await page.getByRole('button', { name: /^Spara/ }).count()).toBe(1);

    const advice = page.getByRole('group', { name: 'Rådgivning' });
    const reply = advice.getByLabel('Invånaren får svara på mottagningens svar');
    const before = await reply.isChecked();
    await reply.setChecked(!before);
    await page.getByText('Du har ändringar som inte är sparade.').waitFor();

    // A link away asks first; Escape stays, with the change kept.
    await page.getByRole('link', { name: 'Ändringslogg: vem har ändrat vad' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Vill du lämna sidan?' });
    await dialog.waitFor();
    expect((await focused(page)).text).toBe('Stanna');
    await suite.expectAccessible(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await reply.isChecked()).toBe(!before);

    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByText('Ändringarna för en ärendetyp är sparade.').waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('admin-types-result');
    // Saved: leaving no longer asks.
    await page.getByRole('link', { name: 'Ändringslogg: vem har ändrat vad' }).click();
    await page.getByRole('heading', { level: 1, name: /Ändringslogg/ }).waitFor();
    expect(problems).toEqual([]);
  });

  it('the form builder takes Swedish-only texts, shown in Swedish to English readers, with a staff label', async () => {
    const { page, problems } = await suite.open();
    await logInStaffAt(page, people.unitAdministrator.hsaId);
    await page.goto(`${suite.server().url}/personal/administration/ny-arendetyp`);
    await page.getByRole('heading', { level: 1, name: 'Ny ärendetyp' }).waitFor();
    await page.getByLabel('Namn på ärendetypen (svenska)').fill('Fråga om vaccin');
    await page.getByLabel('Kort beskrivning på kontaktkortet (svenska)').fill('Frågor om vaccinationer.');
    await page.getByLabel('Fråga (svenska)').first().fill('Vilket vaccin gäller det för dig?');
    // The staff label's default is said under its boxes, in the third person.
    await page.getByText('Lämnas rutorna tomma står det: ”Vilket vaccin gäller det för invånaren?”').waitFor();
    await suite.expectAccessible(page);
    await page.getByRole('button', { name: 'Skapa ärendetypen' }).click();
    await page.getByText('Ändringarna för Fråga om vaccin är sparade.').waitFor();

    await page.getByRole('heading', { level: 3, name: /Fråga om vaccin/ }).waitFor();
    // English readers see the Swedish where no English was written.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /The care unit's e-services/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: /Fråga om vaccin/ }).waitFor();
    await page.getByText('Frågor om vaccinationer.').waitFor();
    // Read back into the builder, the English boxes are empty again, not a copy of the Swedish.
    await page.getByRole('link', { name: /Fråga om vaccin/ }).click();
    await page.getByLabel('Name of the errand type (English, optional)').waitFor();
    expect(await page.getByLabel('Name of the errand type (English, optional)').inputValue()).toBe('');
    expect(problems).toEqual([]);
  });

  it('the settings page has one save for the settings and the contact card', async () => {
    const { page, problems } = await suite.open();
    await logInStaffAt(page, people.unitAdministrator.hsaId);
    await page.goto(`${suite.server().url}/personal/administration/installningar`);
    await page.getByLabel('Telefonnummer').waitFor();
    expect(await page.getByRole('button', { name: /^Spara (inställningarna|kontaktkortet)$/ }).count()).toBe(0);
    await page.getByLabel('Bara med yrke').check();
    await page.getByLabel('Telefonnummer').fill('08-123 456 78');
    await page.getByText('Du har ändringar som inte är sparade.').waitFor();
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('unit-settings-form-result');
    await suite.expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('the standard answers page has one save, asks before leaving, and says the result where the eye is', async () => {
    const { page, problems } = await suite.open();
    await logInStaffAt(page, people.unitAdministrator.hsaId);
    await page.goto(`${suite.server().url}/personal/administration`);
    await page.getByRole('link', { name: 'Standardsvar', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Standardsvar' }).waitFor();
    await suite.expectAccessible(page);
    const form = page.getByRole('form', { name: 'Nytt standardsvar' });
    await form.getByLabel('Rubrik (svenska)').fill('Vi har ringt dig');
    await page.getByText('Du har ändringar som inte är sparade.').waitFor();
    await page.getByRole('link', { name: 'Tillbaka till e-tjänsterna' }).click();
    const leave = page.getByRole('alertdialog', { name: 'Vill du lämna sidan?' });
    await leave.waitFor();
    await suite.expectAccessible(page);
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Standardsvar' }).waitFor();
    expect(await form.getByLabel('Rubrik (svenska)').inputValue()).toBe('Vi har ringt dig');
    await form.getByLabel('Text (svenska)').fill('Vi har försökt nå dig på telefon.');
    await form.getByLabel('Rubrik (svenska)').press('Enter');
    await page.getByText('Standardsvaret är tillagt.').waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('templates-result');

    // Removing is asked about; the safe answer has focus.
    await page.getByRole('button', { name: 'Ta bort Vi har ringt dig' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Ta bort standardsvaret ”Vi har ringt dig”?' });
    await confirm.waitFor();
    await suite.expectAccessible(page);
    await confirm.getByRole('button', { name: 'Ja, ta bort standardsvaret' }).click();
    await page.getByText('Standardsvaret ”Vi har ringt dig” är borttaget.').waitFor();
    await page.getByText('Mottagningen har inga standardsvar ännu.').waitFor();
    await suite.expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('a missing errand has a heading and a way back, for staff and citizens', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const staff = await suite.open();
    await logInStaffAt(staff.page, people.receiver.hsaId);
    await staff.page.goto(`${suite.server().url}/personal/arenden/${missing}`);
    await staff.page.getByRole('heading', { level: 1, name: 'Det går inte att visa det här' }).waitFor();
    await suite.expectAccessible(staff.page);
    await staff.page.getByRole('link', { name: 'Till startsidan för personal' }).click();
    await staff.page.getByRole('heading', { level: 1, name: /^Inkorg/ }).waitFor();
    await staff.context.close();

    const { page } = await suite.open();
    await logInCitizen(page, suite.server().url, people.otherCitizen.personnummer);
    await page.goto(`${suite.server().url}/arenden/${missing}`);
    await page.getByRole('heading', { level: 1, name: 'Det går inte att visa det här' }).waitFor();
    await suite.expectAccessible(page);
    await page.getByRole('link', { name: 'Till startsidan' }).click();
    await page.getByRole('heading', { level: 1, name: `Hej ${people.otherCitizen.givenName}!` }).waitFor();
  });

  it("a date field's example is a date it accepts, and errors wait until the field is left", async () => {
    const { page } = await suite.open();
    await logInCitizen(page, suite.server().url, people.otherCitizen.personnummer);
    await page.goto(`${suite.server().url}/mottagningar/${people.unit.hsaId}/cancel-or-reschedule-appointment`);
    const date = page.getByLabel(/Datum för tiden du har/);
    await date.waitFor();
    expect(await page.locator('.field-error').count()).toBe(0);
    const hint = await page
      .getByText(/Skriv datumet som år-månad-dag, till exempel/)
      .first()
      .textContent();
    const example = /(\d{4}-\d{2}-\d{2})/.exec(hint ?? '')?.[1] ?? '';
    expect(example).not.toBe('');
    // Typing shows nothing; leaving the field with the example shows nothing either: it is accepted.
    await date.pressSequentially(example.slice(0, 4));
    expect(await page.locator('.field-error').count()).toBe(0);
    await date.fill(example);
    await date.blur();
    expect(await page.locator('.field-error').count()).toBe(0);
    // A date in the past is refused (the field has been left once, so at once).
    await date.fill('2020-01-15');
    await date.blur();
    await page.locator('.field-error').first().waitFor();
    await suite.expectAccessible(page);
  });
});
