import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemoRegister, demoPersonas } from '../../packages/server/src/registers/index.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { demoPeople } from './demo-people.ts';
import { waitForOutboxMessage } from './dev-outbox.ts';
import { focused, tabTo } from './keyboard.ts';
import { logInCitizen } from './login.ts';
import { saveScreenshot } from './screenshots.ts';

// Issue 17, points 1 and 2, in a real browser and in Swedish: after the first login the citizen is
// asked where to be told about answers (answered or "Inte nu" by keyboard alone; "Inte nu" is
// remembered by the server, not the browser); the receipt and the inbox say plainly when nobody
// will be told; a guardian acting for a child is asked about the child's. A half-filled form asks
// before it is left (a link, the tab, logging out, the idle logout), and the receipt has its own
// address, drawn from the server, so a reload shows it again. Nothing is kept in browser storage.

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

const PROMPT = 'Vill du få ett meddelande när du har fått svar?';
const NO_NOTICE = 'Du får inget meddelande när mottagningen har svarat';
const FORM_PATH = `/mottagningar/${encodeURIComponent(people.unit.hsaId)}/renew-prescription`;

/** Nothing of the page is kept in the browser: no local or session storage. */
async function expectNothingStored(page: Page): Promise<void> {
  expect(await page.evaluate<number>('localStorage.length + sessionStorage.length')).toBe(0);
}

/** The start page once its data has come: the question about notifications is there or not. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

async function fillFirstMedicine(page: Page, name = 'Levaxin'): Promise<void> {
  const first = page.getByRole('group', { name: 'Läkemedel 1' });
  await first.getByLabel('Läkemedlets namn').focus();
  await page.keyboard.type(name);
  await first.getByLabel('Styrka').focus();
  await page.keyboard.type('50 mikrogram');
  await first.getByLabel('Dosering').focus();
  await page.keyboard.type('1 tablett på morgonen');
}

describe('notifications from the first errand', () => {
  it('the first login asks for an address; answered by keyboard alone with the code sent there', async () => {
    const { page, problems } = await suite.open();
    const email = 'karl.prompt@example.se';
    await logInCitizen(page, suite.server().url, people.citizen.personnummer);
    const prompt = page.getByRole('region', { name: PROMPT });
    await prompt.waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'notification-prompt');

    await tabTo(page, (e) => e.id === 'settings-email');
    await page.keyboard.type(email);
    await tabTo(page, (e) => e.tag === 'BUTTON' && e.text === 'Spara', 5);
    await page.keyboard.press('Enter');
    await prompt.getByRole('heading', { name: 'Bekräfta din e-postadress' }).waitFor();
    // Focus moves to the result of saving (issue 17 pt 8); the code field is the next Tab stop.
    await expect
      .poll(async () => (await focused(page)).text)
      .toBe(
        'Dina inställningar är sparade. En ny adress används först när du har bekräftat den med koden vi skickade.',
      );
    expect((await focused(page)).id).toBe('page-result');
    await tabTo(page, (e) => e.id === 'verify-email', 3);
    await expectAccessible(page);
    const message = await waitForOutboxMessage(
      suite.server().url,
      (m) => m.template === 'contact-verification' && m.to === email,
    );
    await page.keyboard.type(/\b(\d{6})\b/.exec(message.text)?.[1] ?? '');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe('Klart. Vi meddelar dig när du har fått svar.');
    expect(await prompt.count()).toBe(0);
    await expectAccessible(page);

    // Answered: not asked again, and the inbox has nothing to warn about.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    await settled(page);
    expect(await prompt.count()).toBe(0);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inkorg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    await settled(page);
    expect(await page.getByText(NO_NOTICE).count()).toBe(0);
    await expectNothingStored(page);
    expect(problems).toEqual([]);
  });

  it('"Inte nu" by keyboard is remembered by the server: not asked at the next login, in another browser', async () => {
    const first = await suite.open();
    const pnr = people.otherCitizen.personnummer;
    await logInCitizen(first.page, suite.server().url, pnr);
    const prompt = first.page.getByRole('region', { name: PROMPT });
    await prompt.waitFor();
    await tabTo(first.page, (e) => e.tag === 'BUTTON' && e.text === 'Inte nu');
    await first.page.keyboard.press('Enter');
    await expect
      .poll(async () => (await focused(first.page)).text)
      .toBe('Vi frågar inte igen. Du kan lägga till e-post eller mobilnummer när du vill under Inställningar.');
    expect((await focused(first.page)).id).toBe('page-result');
    expect(await prompt.count()).toBe(0);
    await expectAccessible(first.page);

    // The inbox says plainly that nobody will be told, with the way to change it.
    await first.page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inkorg' }).click();
    await first.page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    await first.page.getByText(NO_NOTICE).waitFor();
    const link = first.page.getByRole('link', { name: 'Lägg till e-post eller mobilnummer under Inställningar' });
    expect(await link.getAttribute('href')).toBe('/installningar');
    await expectAccessible(first.page);
    await saveScreenshot(first.page, 'inbox-without-notifications');
    await expectNothingStored(first.page);
    expect(first.problems).toEqual([]);
    await first.context.close();

    // A fresh browser: nothing could have been remembered there.
    const second = await suite.open();
    await logInCitizen(second.page, suite.server().url, pnr);
    await settled(second.page);
    expect(await second.page.getByRole('region', { name: PROMPT }).count()).toBe(0);
    expect(second.problems).toEqual([]);
  });

  it('a guardian acting for a child is asked about the child’s notifications', async () => {
    const { page, problems } = await suite.open();
    const guardian = personas.citizens.guardian.personnummer;
    const child = personas.citizens.child12y8m.personnummer;
    const childName = nameOf(child);
    await logInCitizen(page, suite.server().url, guardian);
    await page.getByRole('region', { name: PROMPT }).getByRole('button', { name: 'Inte nu' }).click();
    await page.getByText('Vi frågar inte igen.', { exact: false }).waitFor();

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ombud' }).click();
    await page.getByLabel('Barnets personnummer').fill(`${child.slice(0, 8)}-${child.slice(8)}`);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Agera för ${childName}` }).click();
    await page.waitForURL(/\/inkorg$/);
    await page
      .getByText(
        `Ingen får något meddelande när mottagningen har svarat, eftersom vi inte har någon bekräftad e-postadress eller något bekräftat mobilnummer för ${childName}.`,
        { exact: false },
      )
      .waitFor();
    await expectAccessible(page);

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start' }).click();
    const prompt = page.getByRole('region', { name: `Vill du få ett meddelande när ${childName} har fått svar?` });
    await prompt.waitFor();
    await prompt.getByText(`meddelanden om ärenden för ${childName}`, { exact: false }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'notification-prompt-child');

    // A form half filled in for the child: going back to herself asks first, once.
    await page.goto(`${suite.server().url}${FORM_PATH}`);
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await fillFirstMedicine(page, 'Flixonase');
    const banner = page.getByRole('region', { name: `Du agerar för ${childName}` });
    await banner.getByRole('button', { name: 'Tillbaka till dig själv' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Vill du lämna sidan?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Stanna' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await banner.isVisible()).toBe(true);
    await banner.getByRole('button', { name: 'Tillbaka till dig själv' }).click();
    await dialog.getByRole('button', { name: 'Lämna' }).click();
    await page.waitForURL(/\/inkorg$/);
    await banner.waitFor({ state: 'detached' });
    expect(await dialog.count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('a first login through a link to an errand lands on the errand and asks there, answered by keyboard alone', async () => {
    const url = suite.server().url;
    const pnr = personas.citizens.tolvan.personnummer;
    // An errand of the citizen's, sent in one browser. A page opened later in the same session
    // (here the form, by its address) is no login and does not ask; the start page still does.
    const sender = await suite.open();
    await logInCitizen(sender.page, url, pnr);
    await sender.page.getByRole('region', { name: PROMPT }).waitFor();
    await sender.page.goto(`${url}${FORM_PATH}`);
    await sender.page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await settled(sender.page);
    expect(await sender.page.getByRole('region', { name: PROMPT }).count()).toBe(0);
    await fillFirstMedicine(sender.page, 'Waran');
    await sender.page.getByRole('button', { name: 'Skicka', exact: true }).click();
    const toErrand = sender.page.getByRole('link', { name: 'Gå till ärendet' });
    await toErrand.waitFor();
    const errandPath = (await toErrand.getAttribute('href')) ?? '';
    expect(errandPath).toMatch(/^\/arenden\/[0-9a-f-]{36}$/);
    expect(sender.problems).toEqual([]);
    await sender.context.close();

    // The link in a browser without a session (a bookmark, the address from a notification).
    const { page, problems } = await suite.open();
    await page.goto(`${url}${errandPath}`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await tabTo(page, (e) => e.tag === 'A' && e.text === 'Logga in med e-legitimation');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dev-idp\//);
    await page.getByRole('button', { name: new RegExp(`${pnr.slice(0, 8)}-${pnr.slice(8)}`) }).focus();
    await page.keyboard.press('Enter');

    // It lands on the errand (the address as the link had it), and the question is asked there.
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    const prompt = page.getByRole('region', { name: PROMPT });
    await prompt.waitFor();
    await expect.poll(() => new URL(page.url())).toMatchObject({ pathname: errandPath, search: '' });
    await page.getByText('Waran', { exact: false }).first().waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'notification-prompt-deep-link');

    await tabTo(page, (e) => e.tag === 'BUTTON' && e.text === 'Inte nu');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await focused(page)).text)
      .toBe('Vi frågar inte igen. Du kan lägga till e-post eller mobilnummer när du vill under Inställningar.');
    expect(await prompt.count()).toBe(0);
    // Still the errand, where the link led.
    expect(new URL(page.url()).pathname).toBe(errandPath);
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await expectAccessible(page);

    // Declined: the start page does not ask either.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    await settled(page);
    expect(await prompt.count()).toBe(0);
    await expectNothingStored(page);
    expect(problems).toEqual([]);
  });
});

describe('nothing typed is lost by surprise', () => {
  it('a half-filled form asks before a link or logging out leaves it, in an accessible dialog, by keyboard', async () => {
    const { page, problems } = await suite.open();
    await logInCitizen(page, suite.server().url, people.otherCitizen.personnummer);
    await page.goto(`${suite.server().url}${FORM_PATH}`);
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();

    // Nothing typed yet: leaving does not ask.
    await page.getByRole('link', { name: 'Avbryt' }).click();
    await page.getByRole('heading', { level: 1, name: people.unit.name }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();

    await fillFirstMedicine(page);
    await tabTo(page, (e) => e.tag === 'A' && e.text === 'Avbryt');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Vill du lämna sidan?' });
    await dialog.waitFor();
    await dialog.getByText('Det du har skrivit sparas inte.').waitFor();
    expect((await focused(page)).text).toBe('Stanna');
    await expectAccessible(page);
    await saveScreenshot(page, 'leave-page-dialog');

    // Stanna: still here, with what was typed.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(FORM_PATH);
    expect(await page.getByRole('group', { name: 'Läkemedel 1' }).getByLabel('Läkemedlets namn').inputValue()).toBe(
      'Levaxin',
    );

    // Escape is Stanna too.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inkorg' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(FORM_PATH);

    // Logging out asks the same question.
    await page.getByRole('button', { name: 'Logga ut' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(FORM_PATH);

    // Lämna: the link is followed.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inkorg' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, (e) => e.text === 'Lämna', 3);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    expect(await dialog.count()).toBe(0);
    await expectNothingStored(page);
    expect(problems).toEqual([]);
  });

  it('closing the tab asks the browser’s own question; the receipt has its own address and survives a reload', async () => {
    const { page, problems } = await suite.open();
    await logInCitizen(page, suite.server().url, people.otherCitizen.personnummer);
    await page.goto(`${suite.server().url}${FORM_PATH}`);
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await fillFirstMedicine(page, 'Alvedon');

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    expect(await page.getByRole('group', { name: 'Läkemedel 1' }).getByLabel('Läkemedlets namn').inputValue()).toBe(
      'Alvedon',
    );

    await page.getByLabel('Övrig information').fill('Samma dos som förut.');
    await page.getByRole('button', { name: 'Skicka', exact: true }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' });
    await heading.waitFor();
    await page.waitForURL(/\/arenden\/[0-9a-f-]{36}\/kvitto$/);
    expect((await focused(page)).text).toBe('Ditt ärende är skickat');
    const receiptUrl = page.url();
    const sent = page.getByRole('region', { name: 'Det här skickade du: Förnya recept' });
    expect(await sent.textContent()).toMatch(/Alvedon.*50 mikrogram.*1 tablett på morgonen.*Samma dos som förut/);
    await page.getByText(NO_NOTICE).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'receipt');

    // A reload shows the receipt again, from the server, not an empty form.
    await page.reload();
    await heading.waitFor();
    expect(page.url()).toBe(receiptUrl);
    expect(await sent.textContent()).toMatch(/Alvedon.*50 mikrogram.*1 tablett på morgonen.*Samma dos som förut/);
    const errandPath = new URL(receiptUrl).pathname.replace(/\/kvitto$/, '');
    expect(await page.getByRole('link', { name: 'Gå till ärendet' }).getAttribute('href')).toBe(errandPath);
    await expectAccessible(page);
    // Back does not lead to the form with the errand in it again: the receipt took its place.
    await page.goBack();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).not.toBe(FORM_PATH);
    expect(dialogs).toEqual(['beforeunload']);

    // The errand itself, with nothing typed, is left without a question.
    await page.goto(`${suite.server().url}${errandPath}`);
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inkorg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    await expectNothingStored(page);
    expect(problems).toEqual([]);
  });

  it('the idle-logout warning says that a half-filled form will be lost, and the logout is not held up', async () => {
    const { page, problems } = await suite.open();
    await page.clock.install();
    await logInCitizen(page, suite.server().url, people.otherCitizen.personnummer);
    await page.goto(`${suite.server().url}${FORM_PATH}`);
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await fillFirstMedicine(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });

    await page.clock.fastForward('58:00');
    const warning = page.getByRole('alertdialog', { name: 'Du loggas snart ut' });
    await warning.waitFor();
    await warning.getByText('Du har skrivit något som inte är skickat eller sparat.', { exact: false }).waitFor();
    expect((await focused(page)).text).toBe('Fortsätt vara inloggad');
    await expectAccessible(page);

    await page.clock.fastForward('02:30');
    await page.getByRole('heading', { level: 1, name: 'Du har loggats ut' }).waitFor();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
