import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemoRegister, demoPersonas } from '../../packages/server/src/registers/index.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen } from './login.ts';
import { saveScreenshot } from './screenshots.ts';

// Connected services as administrators manage them (issue 16 point 2): a regional administrator
// registers a service with a login hand-over through the page, the client secret is shown once,
// a new one only after a question; a citizen then finds the service on the unit's contact card.
// A unit administrator manages their unit's own services the same way.

const suite = useBrowserSuite();
const people = demoPeople();
const register = buildDemoRegister(new Date());
const regional = register.hsa.employees.find(
  (e) => e.hsaId === demoPersonas(new Date()).staff.regionAdministrator.hsaId,
);
const region = register.hsa.regions.find((r) => r.code === regional?.regionCommissions[0]?.regionCode);
const SECRET = /^[A-Za-z0-9_-]{43}$/;
/** The one refusal the test asks for (an http address): the browser logs the 400 it answers. */
const REFUSED = /status of 400 .*\/api\/region\/services\)$/;

const menu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

async function logInToRegion(page: Page) {
  await page.goto(`${suite.server().url}/personal/inloggning`);
  await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
  await page.waitForURL(/\/dev-idp\//);
  await page.getByRole('button', { name: new RegExp(regional?.hsaId ?? '-') }).click();
  await page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
  await page.getByRole('button', { name: `Välj Regionadministration – ${region?.name}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Regionens mottagningar' }).waitFor();
}

describe('connected services, administered', () => {
  it('a regional administrator registers a service with a hand-over; the secret is shown once', async () => {
    expect(region).toBeDefined();
    const { page, problems } = await suite.open();
    await logInToRegion(page);
    await menu(page).getByRole('link', { name: 'E-tjänster' }).click();
    await page.getByRole('heading', { level: 1, name: 'E-tjänster' }).waitFor();
    // The demo's example service is already there.
    const table = page.getByRole('table');
    await table.getByRole('row').filter({ hasText: 'Exempeltjänsten' }).waitFor();
    await suite.expectAccessible(page);

    await page.getByRole('button', { name: 'Registrera en e-tjänst' }).click();
    await page.getByRole('heading', { level: 2, name: 'Registrera en e-tjänst' }).waitFor();
    await suite.expectAccessible(page);
    // Nothing filled in: every field is named, and the summary takes focus.
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    const summary = page.locator('section.notice-error');
    await summary.getByRole('link', { name: 'Skriv namnet på svenska.' }).waitFor();
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('SECTION');
    await suite.expectAccessible(page);

    await page.getByLabel('Namn på svenska').fill('Provsvar');
    await page.getByLabel('Namn på engelska').fill('Test results');
    await page.getByLabel('Beskrivning på svenska').fill('Se dina provsvar.');
    await page.getByLabel('Beskrivning på engelska').fill('See your test results.');
    // The server's refusal is shown at its field.
    await page.getByLabel('Adress till tjänsten').fill('http://provsvar.example.se/');
    const unitBox = page.getByRole('checkbox', { name: people.unit.name });
    await page.getByRole('button', { name: 'Välj alla mottagningar' }).click();
    expect(await unitBox.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Avmarkera alla' }).click();
    expect(await unitBox.isChecked()).toBe(false);
    await unitBox.check();
    await page.getByRole('checkbox', { name: 'Invånaren kommer fram inloggad (OpenID Connect)' }).check();
    await page.getByLabel('Adresser för återkomst (redirect URI)').fill('https://provsvar.example.se/callback');
    expect(await page.getByRole('checkbox', { name: 'Namn', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Personnummer' }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.locator('#service-url-error').getByText('börjar med https://').waitFor();
    await suite.expectAccessible(page);

    // Leaving with changes not saved asks first.
    await menu(page).getByRole('link', { name: 'Grundutbud' }).click();
    const leave = page.getByRole('alertdialog', { name: 'Vill du lämna sidan?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Stanna' }).click();

    await page.getByLabel('Adress till tjänsten').fill('https://provsvar.example.se/');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    const secretNotice = page.getByRole('region', { name: 'Klienthemlighet för Provsvar' });
    await secretNotice.waitFor();
    await secretNotice.getByText('Den visas bara den här gången').waitFor();
    const secret = (await page.locator('#service-secret-value').textContent()) ?? '';
    expect(secret).toMatch(SECRET);
    expect(await page.evaluate('document.activeElement?.id')).toBe('service-secret-heading');
    await page.getByText('Provsvar är registrerad.').waitFor();
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'region-services-secret');
    const row = table.getByRole('row').filter({ hasText: 'Provsvar' });
    await row.getByText(people.unit.name).waitFor();
    await row.getByText('Invånaren kommer fram inloggad. Tjänsten får: Namn').waitFor();

    // Once copied, it is gone, and the server keeps only its hash.
    await secretNotice.getByRole('button', { name: 'Jag har kopierat hemligheten' }).click();
    await secretNotice.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);

    // A new secret only after a question.
    await row.getByRole('button', { name: 'Ny klienthemlighet Provsvar' }).click();
    const renew = page.getByRole('alertdialog', { name: 'Skapa en ny klienthemlighet för Provsvar?' });
    await renew.waitFor();
    await suite.expectAccessible(page);
    await renew.getByRole('button', { name: 'Avbryt' }).click();
    await renew.waitFor({ state: 'detached' });
    await row.getByRole('button', { name: 'Ny klienthemlighet Provsvar' }).click();
    await renew.getByRole('button', { name: 'Ja, skapa en ny' }).click();
    await secretNotice.waitFor();
    const renewed = (await page.locator('#service-secret-value').textContent()) ?? '';
    expect(renewed).toMatch(SECRET);
    expect(renewed).not.toBe(secret);

    // Changing it: the form starts from what is saved.
    await row.getByRole('button', { name: 'Ändra Provsvar' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ändra Provsvar' }).waitFor();
    expect(await page.getByLabel('Adresser för återkomst (redirect URI)').inputValue()).toBe(
      'https://provsvar.example.se/callback',
    );
    await page.getByLabel('Beskrivning på svenska').fill('Se dina provsvar från vården.');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await page.getByText('Ändringarna i Provsvar är sparade.').waitFor();
    expect(problems.filter((problem) => !REFUSED.test(problem))).toEqual([]);
  });

  it('a citizen finds the service on the unit’s contact card, with the hand-over', async () => {
    const { page, problems } = await suite.open();
    await logInCitizen(page, suite.server().url, people.citizen.personnummer);
    await page.goto(`${suite.server().url}/mottagningar/${people.unit.hsaId}`);
    const services = page.getByRole('region', { name: 'Fler e-tjänster' });
    await services.getByRole('link', { name: 'Provsvar' }).waitFor();
    await services.getByText('Se dina provsvar från vården.').waitFor();
    await suite.expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('a unit administrator registers and removes a service of their own unit', async () => {
    const { page, problems } = await suite.open();
    await page.goto(`${suite.server().url}/personal/inloggning`);
    await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
    await page.getByRole('button', { name: new RegExp(people.unitAdministrator.hsaId) }).click();
    await page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
    await page.getByRole('button', { name: `Välj ${people.unit.name}` }).click();
    await page.getByRole('heading', { level: 1, name: /Mottagningens e-tjänster/ }).waitFor();
    await page.getByRole('link', { name: 'E-tjänster på kontaktkortet' }).click();
    await page.getByRole('heading', { level: 1, name: /^E-tjänster/ }).waitFor();
    await page.getByText('Inga e-tjänster är registrerade ännu.').waitFor();
    await suite.expectAccessible(page);

    await page.getByRole('button', { name: 'Registrera en e-tjänst' }).click();
    // Their own unit only, chosen from the start.
    expect(await page.getByRole('checkbox', { name: people.unit.name }).isChecked()).toBe(true);
    await page.getByLabel('Namn på svenska').fill('Boka tid');
    await page.getByLabel('Namn på engelska').fill('Book a time');
    await page.getByLabel('Beskrivning på svenska').fill('Boka en tid hos oss.');
    await page.getByLabel('Beskrivning på engelska').fill('Book a time with us.');
    await page.getByLabel('Adress till tjänsten').fill('https://boka.example.se/');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.getByText('Boka tid är registrerad.').waitFor();
    const row = page.getByRole('table').getByRole('row').filter({ hasText: 'Boka tid' });
    await row.getByText('Vanlig länk, ingen inloggning lämnas över').waitFor();
    expect(await row.getByRole('button', { name: /Ny klienthemlighet/ }).count()).toBe(0);
    await suite.expectAccessible(page);

    await row.getByRole('button', { name: 'Ta bort Boka tid' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Ta bort Boka tid?' });
    await dialog.waitFor();
    await suite.expectAccessible(page);
    await dialog.getByRole('button', { name: 'Ja, ta bort' }).click();
    await page.getByText('Boka tid är borttagen från kontaktkorten.').waitFor();
    await page.getByText('Inga e-tjänster är registrerade ännu.').waitFor();
    expect(problems).toEqual([]);
  });
});
