import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemoRegister } from '../../packages/server/src/registers/index.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen } from './login.ts';
import { saveScreenshot } from './screenshots.ts';

// "Din vårdcentral" on the citizen's start page, the contact card (phone, visiting address,
// opening hours, description, reply times), the unit administrator who sets them (refusals
// naming the field, the change log), and the reply time again on the form before sending.

const suite = useBrowserSuite();
const people = demoPeople();
const register = buildDemoRegister(new Date());
const listedAt = register.population.people.find(
  (p) => p.personnummer === people.citizen.personnummer,
)?.listedUnitHsaId;
const listedUnit = register.hsa.careUnits.find((unit) => unit.hsaId === listedAt);
const unlisted = register.population.people.find(
  (p) => p.listedUnitHsaId === undefined && !p.protectedIdentity && p.guardians.length === 0 && p.mobile,
);

// The refusals this test provokes on purpose; Chromium logs every 400 answer as a console error.
const REFUSED = /status of 400 .*\/api\/admin\/units\/[^/]+\/settings-page\)$/;

/** Nothing sticks out sideways on a 360 px wide phone. */
async function expectFitsNarrowScreen(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  if (viewport) await page.setViewportSize(viewport);
}

describe('the contact card and "Din vårdcentral"', () => {
  it('shows the citizen where they are listed, and that unit’s contact card', async () => {
    expect(listedUnit?.kind).toBe('primary-care');
    const { page, problems } = await suite.open();
    await logInCitizen(page, suite.server().url, people.citizen.personnummer);

    const listed = page.getByRole('region', { name: 'Din vårdcentral' });
    const link = listed.getByRole('link', { name: `Kontaktkort för ${listedUnit?.name}` });
    await link.waitFor();
    expect(await listed.textContent()).toContain(listedUnit?.address.street);
    await page.getByRole('region', { name: 'Mottagningar du har skickat ärenden till' }).waitFor();
    await suite.expectAccessible(page);
    await expectFitsNarrowScreen(page);
    await saveScreenshot(page, 'home-listed-unit');

    await link.click();
    await page.getByRole('heading', { level: 1, name: listedUnit?.name }).waitFor();
    await page.getByText('Din vårdcentral', { exact: true }).waitFor();
    const contact = page.getByRole('region', { name: 'Kontakt' });
    // The demo's numbers come from the ranges reserved for fiction.
    const phone = contact.getByRole('link', { name: /^0980-31 92 \d\d$/ });
    expect(await phone.getAttribute('href')).toMatch(/^tel:098031920\d$/);
    expect(await contact.getByRole('definition').first().textContent()).toBe('08:00–17:00');
    await contact.getByText('Fredag').waitFor();
    await contact.getByText(/Lunchstängt 12–13/).waitFor();
    expect(await contact.textContent()).toContain(listedUnit?.address.street);
    await page.getByText(/är en vårdcentral för alla åldrar/).waitFor();
    const prescription = page.getByRole('listitem').filter({ hasText: 'Förnya recept' });
    await prescription.getByText('Svar inom 3 arbetsdagar').waitFor();
    const contactMe = page.getByRole('listitem').filter({ hasText: 'Kontakta mig' });
    await contactMe.getByText('Svar inom 1 arbetsdag', { exact: true }).waitFor();
    await suite.expectAccessible(page);
    await expectFitsNarrowScreen(page);
    await saveScreenshot(page, 'contact-card');
    expect(problems).toEqual([]);
  });

  it('says so when the citizen is listed nowhere', async () => {
    expect(unlisted).toBeDefined();
    const { page, problems } = await suite.open();
    // Not one of the demo's special people: the provider lists them under "Fler".
    const personnummer = unlisted?.personnummer ?? '';
    await page.goto(`${suite.server().url}/inloggning`);
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await page.waitForURL(/\/dev-idp\//);
    await page.locator('summary', { hasText: 'Fler' }).first().click();
    await page
      .getByRole('button', { name: new RegExp(`${personnummer.slice(0, 8)}-${personnummer.slice(8)}`) })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    await page
      .getByRole('region', { name: 'Din vårdcentral' })
      .getByText(/Du är inte listad på någon vårdcentral här/)
      .waitFor();
    await suite.expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('the unit administrator sets phone, hours and a reply time, after refusals naming the fields', async () => {
    const { page, problems } = await suite.open();
    await page.goto(`${suite.server().url}/personal/inloggning`);
    await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
    await page.getByRole('button', { name: new RegExp(people.unitAdministrator.hsaId) }).click();
    await page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
    await page.getByRole('button', { name: `Välj ${people.unit.name}` }).click();
    await page.getByRole('heading', { level: 1, name: /Mottagningens e-tjänster/ }).waitFor();
    await page.goto(`${suite.server().url}/personal/administration/installningar`);
    // The contact card is a part of the settings page, saved with the page's one button.
    const form = page.getByRole('region', { name: 'Kontaktkort', exact: true });
    const save = page.getByRole('button', { name: 'Spara ändringarna' });
    await form.getByLabel('Telefonnummer').waitFor();
    await suite.expectAccessible(page);
    await expectFitsNarrowScreen(page);

    await form.getByLabel('Telefonnummer').fill('ring växeln');
    const monday = form.getByRole('group', { name: 'Måndag' });
    await monday.getByLabel('Öppnar').fill('17:00');
    await monday.getByLabel('Stänger').fill('08:00');
    await save.click();
    const summary = form.getByRole('region', { name: /fel i formuläret/ });
    await summary.getByRole('link', { name: /^Skriv telefonnumret med siffror/ }).waitFor();
    const order = summary.getByRole('link', { name: 'Stängningstiden måste vara senare än öppningstiden.' });
    await order.waitFor();
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'contact-card-admin-refused');
    await order.click();
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('contact-card-monday-closes');

    await form.getByLabel('Telefonnummer').fill('08-465 004 50');
    await monday.getByLabel('Öppnar').fill('7:30');
    await monday.getByLabel('Stänger').fill('18:00');
    await form.getByLabel('Kommentar till öppettiderna').fill('Kvällsöppet måndagar');
    await form.getByLabel('Beskrivning på svenska').fill('Vårdcentral med kvällsöppet på måndagar.');
    const prescription = form.getByRole('group', { name: 'Förnya recept' });
    await prescription.getByLabel('Svarstid').fill('2');
    await prescription.getByLabel('Räknas i').selectOption('working-days');
    await save.click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    // The result is said beside the button, and has focus.
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('unit-settings-form-result');
    expect(await monday.getByLabel('Öppnar').inputValue()).toBe('07:30');
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'contact-card-admin');

    await page.getByRole('link', { name: 'Tillbaka till e-tjänsterna' }).click();
    await page.getByRole('link', { name: 'Ändringslogg: vem har ändrat vad' }).click();
    await page.getByText('Ändrade kontaktkortet').first().waitFor();
    expect(problems.filter((problem) => !REFUSED.test(problem))).toEqual([]);
  });

  it('the citizen sees the new card, and the reply time again on the form before sending', async () => {
    const { page, problems } = await suite.open();
    await logInCitizen(page, suite.server().url, people.citizen.personnummer);
    await page.goto(`${suite.server().url}/mottagningar/${people.unit.hsaId}`);
    const contact = page.getByRole('region', { name: 'Kontakt' });
    await contact.getByRole('link', { name: '08-465 004 50' }).waitFor();
    expect(await contact.getByRole('definition').first().textContent()).toBe('07:30–18:00');
    await contact.getByText('Kvällsöppet måndagar').waitFor();
    await page.getByText('Vårdcentral med kvällsöppet på måndagar.').waitFor();
    const prescription = page.getByRole('listitem').filter({ hasText: 'Förnya recept' });
    await prescription.getByText('Svar inom 2 arbetsdagar').waitFor();
    await suite.expectAccessible(page);

    await prescription.getByRole('link', { name: 'Förnya recept' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await page.getByText('Svar inom 2 arbetsdagar').waitFor();
    await suite.expectAccessible(page);

    // In English, with the plural the language wants.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByText('Reply within 2 working days').waitFor();
    await page.goto(`${suite.server().url}/mottagningar/${people.unit.hsaId}`);
    await page.getByRole('region', { name: 'Contact' }).getByText('Monday').waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Contact me' })
      .getByText('Reply within 1 working day')
      .waitFor();
    expect(problems).toEqual([]);
  });
});
