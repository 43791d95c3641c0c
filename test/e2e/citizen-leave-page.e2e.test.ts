import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemoRegister, demoPersonas } from '../../packages/server/src/registers/index.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { demoPeople } from './demo-people.ts';
import { focused, tabTo } from './keyboard.ts';
import { logInCitizen, logInStaff } from './login.ts';

// Issue 17, point 2, on the citizen's forms other than the errand form (citizen-notifications
// covers that one): the calendar note, adding a child on the proxies page, the settings and their
// code box, the first-login question and the reply on an errand. Something typed and not saved
// makes in-app navigation ask "Vill du lämna sidan?" (Stanna keeps the text, Lämna goes and drops
// it), arms the browser's own question for closing the tab, and makes the idle-logout warning say
// it will be lost. An untouched or just saved form asks nothing. In Swedish, axe on every dialog,
// keyboard alone on the proxies page.

const suite = useBrowserSuite();
const { expectAccessible } = suite;
const people = demoPeople();
const today = new Date();
const personas = demoPersonas(today);
const register = buildDemoRegister(today);
const nameOf = (personnummer: string) => {
  const person = register.population.people.find((p) => p.personnummer === personnummer);
  if (!person) throw new Error(`no demo person ${personnummer}`);
  return `${person.name.given} ${person.name.family}`;
};
const displayed = (personnummer: string) => `${personnummer.slice(0, 8)}-${personnummer.slice(8)}`;

const LEAVE = 'Vill du lämna sidan?';
const LOST = 'Det du har skrivit sparas inte.';

const menu = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name, exact: true });
const leaveDialog = (page: Page, name = LEAVE) => page.getByRole('alertdialog', { name });
const path = (page: Page) => new URL(page.url()).pathname;

/**
 * Whether closing or reloading the tab would ask: a cancelable beforeunload event, as the browser
 * sends one, is cancelled by the page only while a form holds something. Asked without closing.
 */
function closingWouldAsk(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  })()`);
}

/** Follows a menu link with nothing typed: the page goes at once, without a question. */
async function goesWithoutAsking(page: Page, link: string, heading: string | RegExp): Promise<void> {
  expect(await closingWouldAsk(page)).toBe(false);
  await menu(page, link).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  expect(await leaveDialog(page).count()).toBe(0);
}

/** Something typed: a menu link asks first, in an accessible dialog; Stanna keeps page and text. */
async function asksAndStays(page: Page, link: string, field: Locator, typed: string): Promise<void> {
  const here = path(page);
  expect(await closingWouldAsk(page)).toBe(true);
  await menu(page, link).click();
  const dialog = leaveDialog(page);
  await dialog.waitFor();
  await dialog.getByText(LOST).waitFor();
  expect((await focused(page)).text).toBe('Stanna');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Stanna' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(path(page)).toBe(here);
  expect(await field.inputValue()).toBe(typed);
}

/** Something typed: a menu link asks, and Lämna follows it. */
async function asksAndLeaves(page: Page, link: string, heading: string | RegExp): Promise<void> {
  await menu(page, link).click();
  await leaveDialog(page).getByRole('button', { name: 'Lämna' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  expect(await leaveDialog(page).count()).toBe(0);
}

describe('nothing typed on the citizen’s pages is lost by surprise', () => {
  it('calendar: a note being written asks before the page or the month is left, or another note opened', async () => {
    const { page, problems } = await suite.open();
    await logInCitizen(page, suite.server().url, personas.citizens.mailForwarding.personnummer);
    await goesWithoutAsking(page, 'Kalender', 'Kalender');
    const title = page.getByLabel('Rubrik');

    // Opened and left untouched: nothing to lose.
    await page.getByRole('button', { name: 'Ny anteckning' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ny anteckning' }).waitFor();
    await goesWithoutAsking(page, 'Inkorg', 'Inkorg');
    await menu(page, 'Kalender').click();
    await page.getByRole('heading', { level: 1, name: 'Kalender' }).waitFor();

    await page.getByRole('button', { name: 'Ny anteckning' }).click();
    await title.fill('Vaccination');
    await asksAndStays(page, 'Inkorg', title, 'Vaccination');

    // Another month would close the note: it asks about the note (the page stays), and staying
    // keeps the month and the note.
    const month = page.getByRole('navigation', { name: 'Månader' }).getByRole('heading', { level: 2 });
    const thisMonth = await month.textContent();
    const leaveNote = leaveDialog(page, 'Vill du lämna anteckningen du skriver?');
    await page.getByRole('button', { name: 'Nästa månad' }).click();
    await leaveNote.getByRole('button', { name: 'Stanna' }).click();
    await leaveNote.waitFor({ state: 'detached' });
    expect(await month.textContent()).toBe(thisMonth);
    expect(await title.inputValue()).toBe('Vaccination');

    // Saved: nothing left to lose, another month opens without a question.
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Anteckningen ”Vaccination” är sparad.').waitFor();
    expect(await closingWouldAsk(page)).toBe(false);
    await page.getByRole('button', { name: 'Nästa månad' }).click();
    await expect.poll(() => month.textContent()).not.toBe(thisMonth);
    expect(await leaveDialog(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Föregående månad' }).click();
    await expect.poll(() => month.textContent()).toBe(thisMonth);

    // A new note half written, then "Ändra" on another: that too would lose it, so it asks.
    await page.getByRole('button', { name: 'Ny anteckning' }).click();
    await title.fill('Tandläkare');
    const change = page.getByRole('button', { name: 'Ändra Vaccination' });
    await change.click();
    const replace = leaveDialog(page, 'Vill du lämna anteckningen du skriver?');
    await replace.waitFor();
    await replace.getByText(LOST).waitFor();
    await expectAccessible(page);
    await replace.getByRole('button', { name: 'Stanna' }).click();
    await replace.waitFor({ state: 'detached' });
    expect(await title.inputValue()).toBe('Tandläkare');
    await change.click();
    await replace.getByRole('button', { name: 'Lämna' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ändra anteckning' }).waitFor();
    expect(await title.inputValue()).toBe('Vaccination');
    // The saved note opened to be changed, untouched: leaving does not ask.
    await goesWithoutAsking(page, 'Inkorg', 'Inkorg');

    // Avbryt closes the form on purpose; focus goes back to the button that opened it.
    await menu(page, 'Kalender').click();
    await change.click();
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(async () => (await focused(page)).text).toBe('Ändra Vaccination');
    await page.getByRole('button', { name: 'Ny anteckning' }).click();
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(async () => (await focused(page)).id).toBe('calendar-new');

    // Lämna drops what was typed.
    await menu(page, 'Kalender').click();
    await page.getByRole('button', { name: 'Ny anteckning' }).click();
    await title.fill('Tandläkare');
    await asksAndLeaves(page, 'Inkorg', 'Inkorg');
    await menu(page, 'Kalender').click();
    await page.getByRole('heading', { level: 1, name: 'Kalender' }).waitFor();
    await page.getByRole('button', { name: 'Ändra Vaccination' }).waitFor();
    expect(await page.getByText('Tandläkare').count()).toBe(0);
    expect(await title.count()).toBe(0);

    // Leaving the note for another month: the month changes at once, with no second question.
    await page.getByRole('button', { name: 'Ny anteckning' }).click();
    await title.fill('Tandläkare');
    await page.getByRole('button', { name: 'Nästa månad' }).click();
    await leaveNote.getByRole('button', { name: 'Lämna' }).click();
    await expect.poll(() => month.textContent()).not.toBe(thisMonth);
    expect(await leaveDialog(page).count()).toBe(0);
    expect(await title.count()).toBe(0);
    await page.getByRole('button', { name: 'Föregående månad' }).click();
    await expect.poll(() => month.textContent()).toBe(thisMonth);
    expect(await leaveDialog(page).count()).toBe(0);

    // Deleting says so where focus goes, though the row and its button are gone (issue 17 pt 8).
    await page.getByRole('button', { name: 'Ta bort Vaccination' }).click();
    await page.getByRole('button', { name: 'Ja, ta bort' }).click();
    await expect.poll(async () => (await focused(page)).text).toBe('Anteckningen ”Vaccination” är borttagen.');
    expect((await focused(page)).id).toBe('page-result');
    expect(await page.getByRole('button', { name: 'Ändra Vaccination' }).count()).toBe(0);

    // Closing the tab with a note half written: the browser's own question, and the text stays.
    await page.getByRole('button', { name: 'Ny anteckning' }).click();
    await title.fill('Blodprov');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    expect(await title.inputValue()).toBe('Blodprov');
    expect(problems).toEqual([]);
  });

  it('proxies: a personnummer being added asks before leaving or acting for a child, by keyboard alone', async () => {
    const { page, problems } = await suite.open();
    const child = personas.citizens.child12y8m.personnummer;
    const childName = nameOf(child);
    const other = displayed(personas.citizens.youngChild.personnummer);
    await logInCitizen(page, suite.server().url, personas.citizens.guardian.personnummer);
    await goesWithoutAsking(page, 'Ombud', 'Ombud för barn');
    const field = page.getByLabel('Barnets personnummer');
    await goesWithoutAsking(page, 'Start', /^Hej /);
    await menu(page, 'Ombud').click();

    await field.focus();
    await page.keyboard.type(other);
    expect(await closingWouldAsk(page)).toBe(true);
    await menu(page, 'Inkorg').focus();
    await page.keyboard.press('Enter');
    const dialog = leaveDialog(page);
    await dialog.waitFor();
    expect((await focused(page)).text).toBe('Stanna');
    await expectAccessible(page);
    // Enter on Stanna: still here, with what was typed.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(path(page)).toBe('/ombud');
    expect(await field.inputValue()).toBe(other);
    // Escape is Stanna too.
    await menu(page, 'Inkorg').focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(path(page)).toBe('/ombud');
    expect(await field.inputValue()).toBe(other);

    // Refused with its reason: that personnummer has had its answer, and leaving would lose
    // nothing, until it is changed.
    await field.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(displayed(personas.citizens.adult.personnummer));
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Det finns ett fel i formuläret' }).waitFor();
    expect(await closingWouldAsk(page)).toBe(false);
    await field.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('0');
    expect(await closingWouldAsk(page)).toBe(true);

    // Added: the field is empty again and nothing asks.
    await field.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(displayed(child));
    await page.keyboard.press('Enter');
    await page.getByText(`Du är nu ombud för ${childName}.`).waitFor();
    expect(await field.inputValue()).toBe('');
    expect(await closingWouldAsk(page)).toBe(false);

    // Acting for the child leaves the page too: asked before the switch, which waits for the answer.
    await field.focus();
    await page.keyboard.type(other);
    const actFor = page.getByRole('button', { name: `Agera för ${childName}` });
    await actFor.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect((await focused(page)).text).toBe('Stanna');
    await expectAccessible(page);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(path(page)).toBe('/ombud');
    expect(await field.inputValue()).toBe(other);
    const acting = page.getByRole('region', { name: `Du agerar för ${childName}` });
    expect(await acting.count()).toBe(0);

    // Lämna, by Tab and Enter: the switch happens and the inbox opens, asked once.
    await actFor.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, (e) => e.text === 'Lämna', 3);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/inkorg$/);
    await acting.waitFor();
    expect(await dialog.count()).toBe(0);
    // Chromium logs the refusal's 403 as a console error; nothing else went wrong.
    expect(problems.filter((p) => !/status of 403 .*\/api\/citizen\/proxies\)$/.test(p))).toEqual([]);
  });

  it('settings: an address or a code typed and not saved asks; a saved form does not', async () => {
    const { page, problems } = await suite.open();
    await logInCitizen(page, suite.server().url, people.otherCitizen.personnummer);
    await goesWithoutAsking(page, 'Inställningar', 'Inställningar');
    await goesWithoutAsking(page, 'Inkorg', 'Inkorg');
    await menu(page, 'Inställningar').click();
    const email = page.getByRole('textbox', { name: 'E-postadress' });

    await email.fill('eva.lamna@example.se');
    await asksAndStays(page, 'Inkorg', email, 'eva.lamna@example.se');

    // Saved: the code box waits for its code, and the page is left without a question.
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Bekräfta din e-postadress' }).waitFor();
    await goesWithoutAsking(page, 'Inkorg', 'Inkorg');
    await menu(page, 'Inställningar').click();

    // The code box (issue 17 pt 8): no error for leaving it untouched; a short code is refused on
    // sending, in this box's words (the code came by e-mail, not sms); a new code's result has focus.
    const code = page.getByLabel('Kod', { exact: true });
    await code.focus();
    await page.keyboard.press('Tab');
    expect(await code.getAttribute('aria-invalid')).toBeNull();
    await code.focus();
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    expect(await code.getAttribute('aria-invalid')).toBeNull();
    await code.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toMatch(/^Det finns ett fel i formuläret/);
    await page.getByRole('link', { name: 'Skriv koden, sex siffror.' }).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Skicka en ny kod' }).click();
    await expect
      .poll(async () => (await focused(page)).text)
      .toBe('Vi har skickat en ny kod till eva.lamna@example.se.');
    expect(await code.getAttribute('aria-invalid')).toBeNull();
    await expectAccessible(page);

    // A code half typed is something to lose; Lämna drops it.
    await code.fill('123');
    await asksAndStays(page, 'Start', code, '123');
    await asksAndLeaves(page, 'Start', /^Hej /);
    await menu(page, 'Inställningar').click();
    expect(await code.inputValue()).toBe('');
    expect(await email.inputValue()).toBe('eva.lamna@example.se');

    // Every action on the page says its result where focus goes (issue 17 pt 8), this one too.
    await page.getByRole('button', { name: 'Logga ut på alla andra enheter' }).click();
    await expect.poll(async () => (await focused(page)).text).toBe('Du var inte inloggad någon annanstans.');
    expect((await focused(page)).id).toBe('page-result');

    // The language of notifications is a choice like any other.
    await page.getByRole('radio', { name: 'English' }).check();
    expect(await closingWouldAsk(page)).toBe(true);
    await page.getByRole('radio', { name: 'Svenska' }).check();
    await goesWithoutAsking(page, 'Inkorg', 'Inkorg');
    expect(problems).toEqual([]);
  });

  it('the first-login question: an address typed asks before the page is left; left, it is asked again', async () => {
    const { page, problems } = await suite.open();
    await logInCitizen(page, suite.server().url, people.citizen.personnummer);
    const prompt = page.getByRole('region', { name: 'Vill du få ett meddelande när du har fått svar?' });
    await prompt.waitFor();
    const email = prompt.getByRole('textbox', { name: 'E-postadress' });
    await goesWithoutAsking(page, 'Inkorg', 'Inkorg');
    await menu(page, 'Start').click();

    await email.fill('karl.lamna@example.se');
    await asksAndStays(page, 'Inkorg', email, 'karl.lamna@example.se');
    await asksAndLeaves(page, 'Inkorg', 'Inkorg');
    await menu(page, 'Start').click();
    await prompt.waitFor();
    expect(await email.inputValue()).toBe('');
    await goesWithoutAsking(page, 'Inkorg', 'Inkorg');
    expect(problems).toEqual([]);
  });

  it('a reply half written on an errand asks before the page is left', async () => {
    const citizen = await suite.open();
    const pnr = personas.citizens.coGuardian.personnummer;
    await logInCitizen(citizen.page, suite.server().url, pnr);
    await citizen.page.goto(`${suite.server().url}/mottagningar/${people.unit.hsaId}/renew-prescription`);
    await citizen.page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await citizen.page.getByRole('group', { name: 'Läkemedel 1' }).getByLabel('Läkemedlets namn').fill('Levaxin');
    await citizen.page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await citizen.page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' }).waitFor();
    const errandPath = (await citizen.page.getByRole('link', { name: 'Gå till ärendet' }).getAttribute('href')) ?? '';
    await answerAllowingReply(errandPath.split('/').at(-1) ?? '');

    const { page, problems } = citizen;
    await page.goto(`${suite.server().url}${errandPath}`);
    await page.getByRole('heading', { level: 2, name: 'Svara', exact: true }).waitFor();
    await goesWithoutAsking(page, 'Inkorg', 'Inkorg');
    await page.goBack();
    const reply = page.getByLabel('Ditt svar');
    await reply.fill('Gäller det 50 mikrogram som förut?');
    await asksAndStays(page, 'Inkorg', reply, 'Gäller det 50 mikrogram som förut?');
    await asksAndLeaves(page, 'Inkorg', 'Inkorg');
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'Svara', exact: true }).waitFor();
    expect(await reply.inputValue()).toBe('');
    expect(problems).toEqual([]);
    await citizen.context.close();
  });
});

describe('focus goes to the result of every action on the proxies page (issue 17 pt 8)', () => {
  it('stopping being a proxy: the result has focus, though the child’s row is gone', async () => {
    const { page, problems } = await suite.open();
    const childName = nameOf(personas.citizens.child12y8m.personnummer);
    // The guardian added the child in a test above; this is a new login, acting for herself.
    await logInCitizen(page, suite.server().url, personas.citizens.guardian.personnummer);
    await menu(page, 'Ombud').click();
    await page.getByRole('button', { name: `Sluta vara ombud ${childName}` }).click();
    await page.getByRole('button', { name: 'Ja, sluta vara ombud' }).click();
    await expect.poll(async () => (await focused(page)).text).toBe(`Du är inte längre ombud för ${childName}.`);
    expect((await focused(page)).id).toBe('page-result');
    await page.getByText('Du är inte ombud för något barn', { exact: false }).waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
});

describe('the idle-logout warning', () => {
  it('says that a note being written will be lost', async () => {
    const { page, problems } = await suite.open();
    await page.clock.install();
    await logInCitizen(page, suite.server().url, personas.citizens.centenarian.personnummer);
    await menu(page, 'Kalender').click();
    await page.getByRole('button', { name: 'Ny anteckning' }).click();
    await page.getByLabel('Rubrik').fill('Fotvård');

    await page.clock.fastForward('58:00');
    const warning = page.getByRole('alertdialog', { name: 'Du loggas snart ut' });
    await warning.waitFor();
    await warning.getByText('Du har skrivit något som inte är skickat eller sparat.', { exact: false }).waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('says nothing about a form when nothing is typed', async () => {
    const { page, problems } = await suite.open();
    await page.clock.install();
    await logInCitizen(page, suite.server().url, personas.citizens.tolvan.personnummer);
    await menu(page, 'Inställningar').click();
    await page.getByRole('heading', { level: 1, name: 'Inställningar' }).waitFor();

    await page.clock.fastForward('58:00');
    const warning = page.getByRole('alertdialog', { name: 'Du loggas snart ut' });
    await warning.waitFor();
    expect(await warning.getByText('Du har börjat fylla i ett formulär', { exact: false }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

/** The unit's side, as in citizen-replies: the receiver routes the errand, the doctor answers and allows a reply. */
async function answerAllowingReply(errandId: string): Promise<void> {
  const url = suite.server().url;
  const receiver = await suite.open();
  await logInStaff(receiver.page, url, people.receiver.hsaId);
  await receiver.page.goto(`${url}/personal/arenden/${errandId}`);
  await receiver.page
    .getByLabel('Fördela till en vårdgivare')
    .selectOption({ label: `${people.doctor.name} (läkare)` });
  await receiver.page.getByRole('button', { name: 'Fördela', exact: true }).click();
  await receiver.page.getByText(`Ärendet är fördelat till ${people.doctor.name}.`).waitFor();
  await receiver.context.close();

  const doctor = await suite.open();
  await logInStaff(doctor.page, url, people.doctor.hsaId);
  await doctor.page.goto(`${url}/personal/arenden/${errandId}`);
  await doctor.page.getByRole('heading', { level: 2, name: 'Svara invånaren' }).waitFor();
  await doctor.page
    .getByRole('group', { name: 'Läkemedel 1', exact: true })
    .getByRole('radio', { name: 'Förnyat', exact: true })
    .check();
  await doctor.page.getByLabel('Meddelande till invånaren').fill('Levaxin är förnyat.');
  await doctor.page
    .getByRole('group', { name: /Får invånaren svara/ })
    .getByRole('radio', { name: 'Ja' })
    .check();
  await doctor.page.getByRole('button', { name: 'Skicka svaret' }).click();
  await doctor.page.getByText('Svaret är skickat till invånaren.').waitFor();
  await doctor.context.close();
}
