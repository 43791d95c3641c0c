import { describe, expect, it } from 'vitest';
import { buildDemoRegister } from '../../packages/server/src/registers/index.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen } from './login.ts';
import { saveScreenshot } from './screenshots.ts';

// Closed periods (issue 18, beyond 1177): the unit administrator schedules a closure that keeps
// "Förnya recept" open and names a cover unit of the same region (after a refusal naming the
// field); the citizen sees the closure on the contact card, cannot start a closed type, sends the
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
const lastDay = swedishDate(Date.now() + 14 * 86_400_000);

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
    await page.goto(`${suite.server().url}/personal/administration/installningar`);
    const section = page.getByRole('region', { name: 'Stängda perioder' });
    await section.getByText('Inga stängningar är planerade.').waitFor();
    await suite.expectAccessible(page);

    const form = section.getByRole('form', { name: 'Lägg till en stängning' });
    await form.getByLabel('Första stängda dagen').fill(today);
    await form.getByLabel('Sista stängda dagen').fill(lastDay);
    await form.getByRole('checkbox', { name: 'Förnya recept' }).check();
    await form.getByLabel('Meddelande på kontaktkortet (svenska, valfritt)').fill('Sommarstängt, vi har semester.');
    await form.getByLabel('Täckande enhet (HSA-id, valfritt)').fill(otherRegion?.hsaId ?? '');
    await form.getByRole('button', { name: 'Spara stängningen' }).click();
    const summary = form.getByRole('region', { name: /fel i formuläret/ });
    const refusal = summary.getByRole('link', { name: 'Den täckande enheten måste höra till samma region.' });
    await refusal.waitFor();
    await suite.expectAccessible(page);
    await refusal.click();
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('closure-cover');

    await form.getByLabel('Täckande enhet (HSA-id, valfritt)').fill(cover?.hsaId ?? '');
    await form.getByRole('button', { name: 'Spara stängningen' }).click();
    await section.getByText(/^Stängningen .* är sparad\.$/).waitFor();
    const list = section.getByRole('list', { name: 'Planerade stängningar' });
    await list.getByText('Öppet under stängningen: Förnya recept').waitFor();
    await list.getByText(`Täckande enhet: ${cover?.name} (${cover?.hsaId})`).waitFor();
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
});
