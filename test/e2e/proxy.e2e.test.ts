import { DEFAULT_PROXY_RULES, parsePersonnummer, proxyEndsAt } from '@kontakta/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemoRegister, demoPersonas } from '../../packages/server/src/registers/index.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen, logInStaff } from './login.ts';
import { saveScreenshot } from './screenshots.ts';

// Proxy for children (ombud) in a real browser, on the keyboard where a person would use it: a
// guardian is refused a child who is not hers, adds her own, acts for her and sends an errand;
// the unit sees who sent it for whom and answers; the guardian reads the answer as the child's
// proxy; then the server's clock passes the child's 13th birthday and the proxy is gone.

const suite = useBrowserSuite({ movableClock: true });
const people = demoPeople();

const today = new Date();
const register = buildDemoRegister(today);
const personas = demoPersonas(today);
const personOf = (personnummer: string) => {
  const person = register.population.people.find((p) => p.personnummer === personnummer);
  if (!person) throw new Error(`no demo person ${personnummer}`);
  return { personnummer, name: `${person.name.given} ${person.name.family}`, guardians: person.guardians };
};
const guardian = personOf(personas.citizens.guardian.personnummer);
const child = personOf(personas.citizens.child12y8m.personnummer);
const thirteenToday = personOf(personas.citizens.child13.personnummer);
const protectedGuardian = personOf(personas.citizens.protectedGuardian.personnummer);
const protectedChild = personOf(personas.citizens.protectedChild.personnummer);

const displayed = (personnummer: string) => `${personnummer.slice(0, 8)}-${personnummer.slice(8)}`;
const ACTING = `Du agerar för ${child.name}`;
let errandPath = '';

/** Tab-free keyboard use: focus the control as Tab would reach it, then press a key on it. */
async function press(page: Page, target: ReturnType<Page['getByRole']>, key = 'Enter'): Promise<void> {
  await target.focus();
  await page.keyboard.press(key);
}

async function typeInto(page: Page, field: ReturnType<Page['getByLabel']>, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/**
 * What went wrong in the page apart from the refusals the test provokes (Chromium logs each 4xx
 * answer as a console error): those are named by status and address.
 */
function unexpected(problems: readonly string[], expected: readonly RegExp[] = []): string[] {
  return problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)));
}
const REFUSED_ADD = /status of 403 .*\/api\/citizen\/proxies\)$/;
const FORM_CLOSED = /status of 403 .*\/api\/citizen\/units\/[^/]+\/errand-types\/contact-me\/form\)$/;
const ERRAND_NOT_FOUND = /status of 404 .*\/api\/citizen\/errands\/[0-9a-f-]{36}\)$/;

async function fitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
}

async function openProxyPage(page: Page): Promise<void> {
  await press(page, page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ombud' }));
  await page.getByRole('heading', { level: 1, name: 'Ombud för barn' }).waitFor();
}

async function addChild(page: Page, personnummer: string): Promise<void> {
  await typeInto(page, page.getByLabel('Barnets personnummer'), displayed(personnummer));
  await page.keyboard.press('Enter');
}

async function actForChild(page: Page): Promise<void> {
  await press(page, page.getByRole('button', { name: `Agera för ${child.name}` }));
  await page.waitForURL(/\/inkorg$/);
  await page.getByRole('region', { name: ACTING }).waitFor();
}

describe('proxy for children (ombud)', () => {
  it('a guardian is refused a child who is not hers, adds her own, and acts for her', async () => {
    const { page, problems } = await suite.open();
    const url = suite.server().url;
    await logInCitizen(page, url, guardian.personnummer);
    await openProxyPage(page);
    await page.getByText('Du är inte ombud för något barn än.').waitFor();
    await suite.expectAccessible(page);

    // The 13-year-old of another family: the register names her as no guardian of his.
    await addChild(page, thirteenToday.personnummer);
    const summary = page.getByRole('region', { name: 'Det finns ett fel i formuläret' });
    await summary.getByRole('link', { name: 'Enligt folkbokföringen är du inte vårdnadshavare för barnet.' }).waitFor();
    expect(await page.evaluate('document.activeElement?.textContent ?? ""')).toContain('Det finns ett fel');
    await page.locator('#proxy-personnummer-error').getByText('inte vårdnadshavare').waitFor();
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'proxy-refused');

    await addChild(page, child.personnummer);
    await page.getByRole('status').getByText(`Du är nu ombud för ${child.name}.`).waitFor();
    expect(await summary.count()).toBe(0);
    const row = page.getByRole('listitem').filter({ hasText: child.name });
    const birthDate = (() => {
      const parsed = parsePersonnummer(child.personnummer, today);
      if (!parsed.ok) throw new Error('the demo child has no valid personnummer');
      return parsed.value.birthDate;
    })();
    const endsOn = `${Number(birthDate.slice(0, 4)) + 13}${birthDate.slice(4)}`;
    expect(await row.textContent()).toContain(`Ombudet upphör ${endsOn}.`);
    expect(await row.textContent()).toContain(displayed(child.personnummer));
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'proxy-page');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Proxy for children' }).waitFor();
    await page.getByRole('button', { name: `Act for ${child.name}` }).waitFor();
    await suite.expectAccessible(page);
    await page.getByRole('button', { name: 'Svenska', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ombud för barn' }).waitFor();

    // Stopping asks first; the safe answer has focus.
    await press(page, row.getByRole('button', { name: `Sluta vara ombud ${child.name}` }));
    await row.getByText(`Vill du sluta vara ombud för ${child.name}?`).waitFor();
    expect(await page.evaluate('document.activeElement?.textContent ?? ""')).toBe('Nej, fortsätt vara ombud');
    await suite.expectAccessible(page);
    await page.keyboard.press('Enter');
    await row.getByRole('button', { name: `Agera för ${child.name}` }).waitFor();

    await page.setViewportSize({ width: 360, height: 740 });
    await fitsPhone(page);
    await actForChild(page);
    await page.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    const banner = page.getByRole('region', { name: ACTING });
    expect(await banner.isVisible()).toBe(true);
    await banner.getByRole('button', { name: 'Tillbaka till dig själv' }).waitFor();
    await page.getByRole('status').getByText(`Du agerar nu för ${child.name}.`).waitFor();
    await fitsPhone(page);
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'proxy-acting-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Acting for the child: the page says so, and adding children is for the guardian as herself.
    await openProxyPage(page);
    await page.getByText(`Du agerar för ${child.name}. Gå tillbaka till dig själv`).waitFor();
    expect(await page.getByLabel('Barnets personnummer').count()).toBe(0);
    await suite.expectAccessible(page);

    // The errand goes from the child, sent by the guardian.
    await press(page, page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Skicka ärende' }));
    await page.getByRole('heading', { level: 1, name: 'Skicka ett ärende' }).waitFor();
    await typeInto(page, page.getByLabel('Mottagningens namn eller kommun'), people.unit.name);
    await page.keyboard.press('Enter');
    // The unit is also the child's health centre, so it is listed under "Dina mottagningar" too.
    const found = page.getByRole('region', { name: 'Sök mottagning' });
    await press(page, found.getByRole('link', { name: people.unit.name, exact: true }));
    await page.getByRole('heading', { level: 1, name: people.unit.name }).waitFor();
    await press(page, page.getByRole('link', { name: 'Förnya recept' }));
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    expect(await page.getByRole('region', { name: ACTING }).isVisible()).toBe(true);
    const first = page.getByRole('group', { name: 'Läkemedel 1' });
    await typeInto(page, first.getByLabel('Läkemedlets namn'), 'Flixonase');
    await typeInto(page, first.getByLabel('Styrka'), '50 mikrogram');
    await typeInto(page, first.getByLabel('Dosering'), '1 spray per näsborre');
    await press(page, page.getByRole('button', { name: 'Skicka', exact: true }));
    await page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' }).waitFor();
    errandPath = (await page.getByRole('link', { name: 'Gå till ärendet' }).getAttribute('href')) ?? '';
    expect(errandPath).toMatch(/^\/arenden\/[0-9a-f-]{36}$/);
    expect(unexpected(problems, [REFUSED_ADD])).toEqual([]);
  });

  it('refuses a child who has turned 13, and anyone with protected identity, each with its reason', async () => {
    const { page, problems } = await suite.open();
    const url = suite.server().url;
    const thirteensGuardian = personOf(thirteenToday.guardians[0] ?? '');
    // Not one of the demo's named people: on the e-ID provider's page under "Fler".
    await page.goto(`${url}/inloggning`);
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await page.waitForURL(/\/dev-idp\//);
    await page
      .getByText(/^Fler \(/)
      .first()
      .click();
    await page.getByRole('button', { name: new RegExp(displayed(thirteensGuardian.personnummer)) }).click();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    await openProxyPage(page);
    await addChild(page, thirteenToday.personnummer);
    await page
      .getByRole('region', { name: 'Det finns ett fel i formuläret' })
      .getByRole('link', { name: /^Barnet har fyllt 13 år\./ })
      .waitFor();
    await suite.expectAccessible(page);

    await press(page, page.getByRole('button', { name: 'Logga ut' }));
    await page.waitForURL(/\/utloggad/);
    await logInCitizen(page, url, protectedGuardian.personnummer);
    await openProxyPage(page);
    await addChild(page, protectedChild.personnummer);
    await page
      .getByRole('region', { name: 'Det finns ett fel i formuläret' })
      .getByRole('link', {
        name: 'Det går inte att vara ombud när du eller barnet har skyddade personuppgifter.',
      })
      .waitFor();
    await suite.expectAccessible(page);
    expect(unexpected(problems, [REFUSED_ADD])).toEqual([]);
  });

  it('the unit sees who sent the errand for whom, and answers it', async () => {
    const receiver = await suite.open();
    const url = suite.server().url;
    await logInStaff(receiver.page, url, people.receiver.hsaId);
    await receiver.page.getByRole('button', { name: /^Ej fördelade/ }).click();
    await receiver.page.getByRole('link', { name: 'Förnya recept' }).click();
    await receiver.page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    const main = receiver.page.getByRole('main');
    await main.getByText(`Skickat av ${guardian.name} för ${child.name}`).waitFor();
    await main.getByText(displayed(child.personnummer)).waitFor();
    await suite.expectAccessible(receiver.page);
    await saveScreenshot(receiver.page, 'staff-errand-by-proxy');
    await receiver.page
      .getByLabel('Fördela till en vårdgivare')
      .selectOption({ label: `${people.doctor.name} (läkare)` });
    await receiver.page.getByRole('button', { name: 'Fördela', exact: true }).click();
    await receiver.page.getByText(`Ärendet är fördelat till ${people.doctor.name}.`).waitFor();
    expect(unexpected(receiver.problems)).toEqual([]);
    await receiver.context.close();

    const { page, problems } = await suite.open();
    await logInStaff(page, url, people.doctor.hsaId);
    await page.getByRole('link', { name: 'Förnya recept' }).click();
    await page.getByRole('heading', { level: 2, name: 'Svara invånaren' }).waitFor();
    await page.getByRole('main').getByText(`Skickat av ${guardian.name} för ${child.name}`).waitFor();
    const first = page.getByRole('group', { name: 'Läkemedel 1', exact: true });
    await first.getByRole('radio', { name: 'Förnyat', exact: true }).check();
    await page.getByLabel('Meddelande till invånaren').fill('Flixonase är förnyat.');
    await page
      .getByRole('group', { name: /Får invånaren svara/ })
      .getByRole('radio', { name: 'Nej' })
      .check();
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await page.getByText('Svaret är skickat till invånaren.').waitFor();
    expect(unexpected(problems)).toEqual([]);
  });

  it('the guardian, acting for the child, reads the answer', async () => {
    const { page, problems } = await suite.open();
    await logInCitizen(page, suite.server().url, guardian.personnummer);
    await openProxyPage(page);
    await actForChild(page);
    await press(page, page.getByRole('link', { name: 'Förnya recept Oläst' }));
    const answer = page.getByRole('article', { name: 'Svar från mottagningen' });
    await answer.waitFor();
    expect(await answer.textContent()).toContain('Flixonase är förnyat.');
    expect(new URL(page.url()).pathname).toBe(errandPath);
    await suite.expectAccessible(page);

    // Back to herself: her own inbox, without the child's errand.
    await press(page, page.getByRole('button', { name: 'Tillbaka till dig själv' }));
    await page.waitForURL(/\/inkorg$/);
    await page.getByRole('status').getByText('Du agerar nu som dig själv.').waitFor();
    expect(await page.getByRole('region', { name: ACTING }).count()).toBe(0);
    await page.getByText('Du har inga svar från din mottagning just nu.').waitFor();
    expect(unexpected(problems)).toEqual([]);
  });

  it('an errand type the unit closes to proxies cannot be sent for the child', async () => {
    const url = suite.server().url;
    const admin = await suite.open();
    await admin.page.goto(`${url}/personal/inloggning`);
    await admin.page.getByRole('link', { name: 'Logga in med SITHS' }).click();
    await admin.page.getByRole('button', { name: new RegExp(people.unitAdministrator.hsaId) }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
    await admin.page.getByRole('button', { name: `Välj ${people.unit.name}` }).click();
    await admin.page.getByRole('heading', { level: 1, name: /Mottagningens e-tjänster/ }).waitFor();
    const settings = admin.page.getByRole('group', { name: 'Kontakta mig' });
    await settings.getByLabel('Öppen för ombud (vårdnadshavare för barn)').uncheck();
    // One save for the page: the change is saved with every other change made there.
    await admin.page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await admin.page.getByText('Ändringarna för en ärendetyp är sparade.').waitFor();
    await admin.context.close();

    const { page, problems } = await suite.open();
    await logInCitizen(page, url, guardian.personnummer);
    await openProxyPage(page);
    await actForChild(page);
    await page.goto(`${url}/mottagningar/${people.unit.hsaId}`);
    await page.getByRole('heading', { level: 1, name: people.unit.name }).waitFor();
    await page.getByText(`Inte öppen för ombud Du kan inte skicka det här ärendet för ${child.name}.`).waitFor();
    expect(await page.getByRole('link', { name: 'Kontakta mig' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Förnya recept' }).waitFor();
    await suite.expectAccessible(page);

    // By address: the form is refused with the reason, not as if something broke.
    await page.goto(`${url}/mottagningar/${people.unit.hsaId}/contact-me`);
    await page
      .getByRole('alert')
      .getByText('Mottagningen tar inte emot det här ärendet från ombud.', { exact: false })
      .waitFor();
    await suite.expectAccessible(page);
    expect(unexpected(problems, [FORM_CLOSED])).toEqual([]);
  });

  it("the proxy ends on the child's 13th birthday, and the guardian is told", async () => {
    const server = suite.server();
    const birth = parsePersonnummer(child.personnummer, today);
    if (!birth.ok) throw new Error('the demo child has no valid personnummer');
    const endsAt = proxyEndsAt(birth.value, DEFAULT_PROXY_RULES).getTime();
    // Months pass: every session has ended by then. Ten minutes before the birthday she logs in.
    server.advanceClock(endsAt - 10 * 60_000 - Date.now());

    const { page, problems } = await suite.open();
    await logInCitizen(page, server.url, guardian.personnummer);
    await openProxyPage(page);
    await actForChild(page);
    await page.getByRole('link', { name: 'Förnya recept' }).waitFor();

    // Past midnight: the next request finds the child 13, ends the proxy, and answers as herself.
    server.advanceClock(15 * 60_000);
    await press(page, page.getByRole('link', { name: 'Förnya recept' }));
    await page.getByText('Det du letar efter finns inte, eller så har du inte tillgång till det.').waitFor();
    await page.getByRole('status').getByText('Du kan inte längre agera för barnet.', { exact: false }).waitFor();
    expect(await page.getByRole('region', { name: ACTING }).count()).toBe(0);
    await suite.expectAccessible(page);

    // Her inbox has the service's message; opening it marks it read.
    await press(page, page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: /^Inkorg/ }));
    // (The scheduled review may have sent the week-before reminder too: the clock passed that day.)
    await page.getByRole('heading', { level: 2, name: 'Meddelanden' }).waitFor();
    await page.getByText(/^Du har (ett|\d+) olästa? meddelanden?\.$/).waitFor();
    const message = page.getByRole('button', { name: `Ditt ombud för ${child.name} har upphört Oläst` });
    expect(await message.getAttribute('aria-expanded')).toBe('false');
    await suite.expectAccessible(page);
    await press(page, message);
    await page.getByText(`Du är inte längre ombud för ${child.name} i Kontakta`, { exact: false }).waitFor();
    await page.getByRole('button', { name: `Ditt ombud för ${child.name} har upphört`, exact: true }).waitFor();
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'proxy-ended-message');

    // The child is gone from her proxies, and the errand stays out of reach even by address.
    await openProxyPage(page);
    await page.getByText('Du är inte ombud för något barn än.').waitFor();
    await page.goto(`${server.url}${errandPath}`);
    await page.getByText('Det du letar efter finns inte, eller så har du inte tillgång till det.').waitFor();
    expect(unexpected(problems, [ERRAND_NOT_FOUND])).toEqual([]);
  });
});
