import { describe, expect, it } from 'vitest';
import { buildDemoRegister } from '../../packages/server/src/registers/index.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen } from './login.ts';
import { saveScreenshot } from './screenshots.ts';

// Closed periods (issue 18, beyond 1177): the unit administrator schedules a closure that keeps
// "Förnya recept" open and names a cover unit of the same region, chosen by name (after a refusal
// naming the field), then changes it; the citizen sees the closure on the contact card, cannot start a closed type, sends the
// open one, and gets an automatic reply saying where it went and when to expect an answer.

const suite = useBrowserSuite();
const people = demoPeople();
const register = buildDemoRegister(new Date());
const home = register.hsa.careUnits.find((unit) => unit.hsaId === people.unit.hsaId);
const cover = register.hsa.careUnits.find((u) => u.regionCode === home?.regionCode && u.hsaId !== home?.hsaId);
const otherRegion = register.hsa.careUnits.find((u) => u.regionCode !== home?.regionCode);

const swedishDate = (epochMs: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(epochMs));
const today = swedishDate(Date.now());
const yesterday = swedishDate(Date.now() - 86_400_000);
const firstLastDay = swedishDate(Date.now() + 7 * 86_400_000);
const lastDay = swedishDate(Date.now() + 14 * 86_400_000);
const autumnFirst = swedishDate(Date.now() + 60 * 86_400_000);
const autumnLast = swedishDate(Date.now() + 62 * 86_400_000);

// The refusals this test provokes on purpose; Chromium logs every 400 and 403 answer as a console error.
const REFUSED = /status of 400 .*\/api\/admin\/units\/[^/]+\/closures\)$/;
const CLOSED_FORM = /status of 403 .*\/errand-types\/contact-me\/form\)$/;

describe('closed periods', () => {
  it('the unit administrator schedules a closure with a cover unit, after a refusal naming the field', async () => {
    expect(cover).toBeDefined();
    expect(otherRegion).toBeDefined();
    const { page, problems } = await suite.open();
    await page.goto(`${suite.server().url}/personal/inloggning`);
    await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
    await page.getByRole('button', { name: new RegExp(people.unitAdministrator.hsaId) }).click();
    await page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
    await page.getByRole('button', { name: `Välj ${people.unit.name}` }).click();
    await page.getByRole('heading', { level: 1, name: /Mottagningens e-tjänster/ }).waitFor();
    await page.getByRole('link', { name: 'Stängda perioder och täckande enhet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stängda perioder' }).waitFor();
    await page.getByText('Inga stängningar är planerade.').waitFor();
    await suite.expectAccessible(page);

    const form = page.getByRole('form', { name: 'Lägg till en stängning' });
    await form.getByLabel('Första stängda dagen').fill(today);
    await form.getByLabel('Sista stängda dagen').fill(yesterday);
    await form.getByRole('checkbox', { name: 'Förnya recept' }).check();
    await form.getByLabel('Meddelande på kontaktkortet (svenska, valfritt)').fill('Sommarstängt, vi har semester.');
    // The cover unit is chosen by name among the region's units; another region's are not offered.
    const coverUnit = form.getByLabel('Täckande enhet (valfritt)');
    expect(await coverUnit.locator('option', { hasText: otherRegion?.name ?? '' }).count()).toBe(0);
    await coverUnit.selectOption({ label: cover?.name ?? '' });
    await form.getByRole('button', { name: 'Spara stängningen' }).click();
    const summary = form.getByRole('region', { name: /fel i formuläret/ });
    const refusal = summary.getByRole('link', { name: 'Sista dagen kan inte vara före första dagen.' });
    await refusal.waitFor();
    await suite.expectAccessible(page);
    await refusal.click();
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('closure-endsOn');

    // Leaving with the form not saved asks first.
    await page.getByRole('link', { name: 'Tillbaka till e-tjänsterna' }).click();
    const leave = page.getByRole('alertdialog', { name: 'Vill du lämna sidan?' });
    await leave.waitFor();
    await suite.expectAccessible(page);
    await leave.getByRole('button', { name: 'Stanna' }).click();

    await form.getByLabel('Sista stängda dagen').fill(firstLastDay);
    // Sent with the keyboard, from the last field.
    await form.getByLabel('Meddelande på kontaktkortet (svenska, valfritt)').press('Enter');
    await page.getByText(/^Stängningen .* är sparad\.$/).waitFor();
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('closures-result');
    const list = page.getByRole('list', { name: 'Planerade stängningar' });
    await list.getByText('Öppet under stängningen: Förnya recept').waitFor();
    await list.getByText(`Täckande enhet: ${cover?.name} (${cover?.hsaId})`).waitFor();
    expect(await page.getByText('Du har ändringar som inte är sparade.').count()).toBe(0);

    // The closure is changed, not removed and added again: a longer closure, the same cover unit.
    await list.getByRole('button', { name: /^Ändra stängningen / }).focus();
    await page.keyboard.press('Enter');
    const change = page.getByRole('form', { name: /^Ändra stängningen / });
    await change.waitFor();
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.id'))
      .toBe('closures-form-heading');
    expect(await change.getByLabel('Täckande enhet (valfritt)').inputValue()).toBe(cover?.hsaId);
    await change.getByLabel('Sista stängda dagen').fill(lastDay);
    await change.getByRole('button', { name: 'Spara stängningen' }).click();
    await page.getByText(/^Stängningen .* är sparad\.$/).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    await page.getByRole('form', { name: 'Lägg till en stängning' }).waitFor();
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'closures-admin');
    expect(problems.filter((problem) => !REFUSED.test(problem))).toEqual([]);
  });

  it('the citizen sees the closure, cannot start a closed type, sends the open one and gets a reply', async () => {
    const { page, problems } = await suite.open();
    await logInCitizen(page, suite.server().url, people.citizen.personnummer);
    await page.goto(`${suite.server().url}/mottagningar/${people.unit.hsaId}`);
    const closure = page.getByRole('region', { name: /^Stängt just nu: / });
    await closure.getByText('Sommarstängt, vi har semester.').waitFor();
    await closure
      .getByText(`Det du skickar under stängningen går till ${cover?.name}, som svarar i stället.`)
      .waitFor();
    const contactMe = page.getByRole('listitem').filter({ hasText: 'Kontakta mig' });
    await contactMe.getByText('Stängt just nu – kan inte skickas under stängningen').waitFor();
    expect(await contactMe.getByRole('link').count()).toBe(0);
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'contact-card-closed');

    // Straight to a closed type's address: the refusal says why.
    await page.goto(`${suite.server().url}/mottagningar/${people.unit.hsaId}/contact-me`);
    await page
      .getByRole('alert')
      .getByText(/Mottagningen har stängt under en period/)
      .waitFor();
    await suite.expectAccessible(page);

    await page.goto(`${suite.server().url}/mottagningar/${people.unit.hsaId}`);
    const prescription = page.getByRole('listitem').filter({ hasText: 'Förnya recept' });
    await prescription.getByText('Öppet under stängningen').waitFor();
    await prescription.getByRole('link', { name: 'Förnya recept' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await suite.expectAccessible(page);
    const first = page.getByRole('group', { name: 'Läkemedel 1' });
    await first.getByLabel('Läkemedlets namn').fill('Levaxin');
    await first.getByLabel('Styrka').fill('50 mikrogram');
    await first.getByLabel('Dosering').fill('1 tablett på morgonen');
    await page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' }).waitFor();
    await suite.expectAccessible(page);

    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: /^Inkorg/ })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Meddelanden' }).waitFor();
    const message = page.getByRole('button', { name: `Ditt ärende har skickats till ${cover?.name} Oläst` });
    await message.click();
    await page.getByText(/Ditt ärende Förnya recept har därför skickats till .*Räkna med svar senast/).waitFor();
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'closure-auto-reply');
    expect(problems.filter((problem) => !CLOSED_FORM.test(problem))).toEqual([]);
  });

  it('choosing another closure while the form has changes asks first: staying keeps them, leaving switches', async () => {
    const { page, problems } = await suite.open();
    await page.goto(`${suite.server().url}/personal/inloggning`);
    await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
    await page.getByRole('button', { name: new RegExp(people.unitAdministrator.hsaId) }).click();
    await page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
    await page.getByRole('button', { name: `Välj ${people.unit.name}` }).click();
    await page.getByRole('heading', { level: 1, name: /Mottagningens e-tjänster/ }).waitFor();
    await page.getByRole('link', { name: 'Stängda perioder och täckande enhet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stängda perioder' }).waitFor();
    const list = page.getByRole('list', { name: 'Planerade stängningar' });
    await list.getByRole('listitem').first().waitFor();

    // A second closure, later in the year, to switch to.
    const add = page.getByRole('form', { name: 'Lägg till en stängning' });
    await add.getByLabel('Första stängda dagen').fill(autumnFirst);
    await add.getByLabel('Sista stängda dagen').fill(autumnLast);
    await add.getByLabel('Meddelande på kontaktkortet (svenska, valfritt)').fill('Stängt för utbildning.');
    await add.getByRole('button', { name: 'Spara stängningen' }).click();
    await page.getByText(/^Stängningen .* är sparad\.$/).waitFor();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    const summer = list.getByRole('listitem').filter({ hasText: 'Sommarstängt, vi har semester.' });
    const autumn = list.getByRole('listitem').filter({ hasText: 'Stängt för utbildning.' });

    await summer.getByRole('button', { name: /^Ändra stängningen / }).click();
    const summerForm = page.getByRole('form', { name: /^Ändra stängningen / });
    const message = summerForm.getByLabel('Meddelande på kontaktkortet (svenska, valfritt)');
    await expect.poll(() => message.inputValue()).toBe('Sommarstängt, vi har semester.');
    await message.fill('Sommarstängt v. 28–31, ring 1177 vid behov.');

    // Another closure's "Ändra" with the change not saved: asked first; staying keeps what was typed.
    await autumn.getByRole('button', { name: /^Ändra stängningen / }).click();
    const ask = page.getByRole('alertdialog', { name: 'Vill du lämna stängningen du håller på med?' });
    await ask.waitFor();
    await ask.getByText('Det du har skrivit sparas inte.').waitFor();
    await suite.expectAccessible(page);
    await ask.getByRole('button', { name: 'Stanna' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await message.inputValue()).toBe('Sommarstängt v. 28–31, ring 1177 vid behov.');
    await page.getByText('Du har ändringar som inte är sparade.').waitFor();

    // Asked again, and this time left: the other closure is in the form, the typed text gone.
    await autumn.getByRole('button', { name: /^Ändra stängningen / }).click();
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Lämna' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => message.inputValue()).toBe('Stängt för utbildning.');
    expect(await summerForm.getByLabel('Första stängda dagen').inputValue()).toBe(autumnFirst);
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.id'))
      .toBe('closures-form-heading');
    expect(await page.getByText('Du har ändringar som inte är sparade.').count()).toBe(0);
    // Nothing was saved by leaving.
    await list.getByText('Sommarstängt, vi har semester.').waitFor();
    // With no changes, choosing another closure switches straight away.
    await summer.getByRole('button', { name: /^Ändra stängningen / }).click();
    await expect.poll(() => message.inputValue()).toBe('Sommarstängt, vi har semester.');
    expect(await ask.count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
