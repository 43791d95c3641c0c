import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../packages/server/src/testing/test-server.ts';
import { accessibilityViolations } from './axe.ts';
import { launchBrowser, openPage, type TestPage } from './browser.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen } from './login.ts';
import { saveScreenshot } from './screenshots.ts';
import { assertWebAppBuilt } from './web-build.ts';

// A unit administrator sets a base errand type's options (a certificate kind of the unit's own),
// the notification e-mail, and a link on the contact card, and finds each change in the change
// log; a citizen then sees the new certificate kind in the form and the link on the contact card.

const people = demoPeople();
const CERTIFICATE = { sv: 'Intyg för dykning', en: 'Diving certificate' };
const LINK = { sv: 'Boka tid på webben', en: 'Book online', url: 'https://boka.example.se/vardcentralen' };

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let admin: TestPage;
let citizen: TestPage;

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** Nothing sticks out sideways on a 360 px wide phone. */
async function expectFitsNarrowScreen(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  if (viewport) await page.setViewportSize(viewport);
}

// The refusals this test provokes on purpose; Chromium logs every 400 answer as a console error.
const REFUSED = [
  /status of 400 .*\/api\/admin\/units\/[^/]+\/errand-types\/request-certificate\)$/,
  /status of 400 .*\/api\/admin\/units\/[^/]+\/settings-page\)$/,
];

/** What went wrong in the page, apart from the refusals asked for. */
function unexpected(problems: readonly string[]): string[] {
  return problems.filter((problem) => !REFUSED.some((refusal) => refusal.test(problem)));
}

beforeAll(async () => {
  assertWebAppBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  [admin, citizen] = await Promise.all([openPage(browser), openPage(browser)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('unit administration', () => {
  it('a unit administrator adds a certificate kind, after a refusal that names the field', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/personal/inloggning`);
    await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
    await page.getByRole('button', { name: new RegExp(people.unitAdministrator.hsaId) }).click();
    await page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
    await page.getByRole('button', { name: `Välj ${people.unit.name}` }).click();
    await page.getByRole('heading', { level: 1, name: /Mottagningens e-tjänster/ }).waitFor();
    // Types without options have nothing to change.
    expect(await page.getByRole('link', { name: 'Ändra alternativ för Kontakta mig' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Ändra alternativ för Begära intyg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alternativ för Begära intyg' }).waitFor();
    await expectAccessible(page);
    await expectFitsNarrowScreen(page);

    // An empty name is refused by the server; the summary names the row and language and links there.
    const first = page.getByRole('group', { name: 'Intyg 1' });
    const firstName = await first.getByLabel('Namn på svenska').inputValue();
    await first.getByLabel('Namn på svenska').fill('   ');
    await page.getByRole('button', { name: 'Spara alternativen' }).click();
    const summary = page.getByRole('region', { name: /fel i formuläret/ });
    await summary.waitFor();
    const problem = summary.getByRole('link', { name: /^Intyg 1, svenska: / });
    await problem.waitFor();
    await expectAccessible(page);
    await problem.click();
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe(
      'options-certificateKinds-0-label-sv',
    );
    await first.getByLabel('Namn på svenska').fill(firstName);

    await page.getByRole('button', { name: 'Lägg till ett intyg' }).click();
    const added = page.getByRole('group', { name: 'Intyg 6' });
    // Focus moves to the new row's first field.
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.id'))
      .toBe('options-certificateKinds-5-label-sv');
    await added.getByLabel('Namn på svenska').fill(CERTIFICATE.sv);
    await added.getByLabel('Namn på engelska').fill(CERTIFICATE.en);
    // The preview is the citizen's renderer, built from the options as they stand.
    await page
      .getByRole('form', { name: 'Förhandsvisning: Begära intyg' })
      .getByRole('radio', { name: CERTIFICATE.sv })
      .waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'unit-administration-options');
    await page.getByRole('button', { name: 'Spara alternativen' }).click();
    await page.getByText('Ändringarna för Begära intyg är sparade.').waitFor();

    // The next visit shows the saved list.
    await page.getByRole('link', { name: 'Ändra alternativ för Begära intyg' }).click();
    expect(await page.getByRole('group', { name: 'Intyg 6' }).getByLabel('Namn på svenska').inputValue()).toBe(
      CERTIFICATE.sv,
    );
    await page.getByRole('link', { name: 'Tillbaka till e-tjänsterna' }).click();
    expect(unexpected(admin.problems)).toEqual([]);
  });

  it('changes the notification e-mail and adds a link, after refusals that name the fields', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Inställningar och länkar på kontaktkortet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inställningar och länkar' }).waitFor();
    await page.getByLabel('E-post för aviseringar').waitFor();
    await expectAccessible(page);
    await expectFitsNarrowScreen(page);

    // The settings and the contact card are one form with one save.
    const settings = page.getByRole('region', { name: 'Mottagningens inställningar' });
    const save = page.getByRole('button', { name: 'Spara ändringarna' });
    await settings.getByLabel('E-post för aviseringar').fill('inte en adress');
    await save.click();
    await settings
      .getByRole('region', { name: /fel i formuläret/ })
      .getByRole('link', { name: /e-postadress/ })
      .waitFor();
    await settings.getByLabel('E-post för aviseringar').fill('inkorgen@vardcentralen.example.se');
    await settings.getByLabel('Bara med yrke').check();
    await save.click();
    await page.getByText('Ändringarna är sparade.').waitFor();

    // The links are a part of the same page, with the same one save: a row is added with the
    // keyboard, its first field takes focus.
    const links = page.getByRole('region', { name: 'Länkar på kontaktkortet' });
    expect(await page.getByRole('button', { name: /^(Lägg till|Spara) länken$/ }).count()).toBe(0);
    await links.getByRole('button', { name: 'Lägg till en länk' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.id'))
      .toMatch(/^link-new-1-titleSv$/);
    const row = links.getByRole('group').last();
    await page.getByText('Du har ändringar som inte är sparade.').waitFor();

    // Leaving with the change not saved asks first; staying keeps it.
    await page.getByRole('link', { name: 'Tillbaka till e-tjänsterna' }).click();
    const leave = page.getByRole('alertdialog', { name: 'Vill du lämna sidan?' });
    await leave.waitFor();
    await expectAccessible(page);
    await leave.getByRole('button', { name: 'Stanna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inställningar och länkar' }).waitFor();

    // Empty required texts: refused before sending, each named by its row and linked.
    await save.click();
    const summary = links.getByRole('region', { name: /fel i formuläret/ });
    await summary.getByRole('link', { name: /^Länk \d+: Skriv länktexten på svenska\.$/ }).waitFor();
    await summary.getByRole('link', { name: /^Länk \d+: Skriv länktexten på engelska\.$/ }).waitFor();
    await summary.getByRole('link', { name: /^Länk \d+: Skriv länkens adress/ }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'unit-administration-link-refused');

    // An address that is not https is refused by the server, in its words, at its row; nothing is saved.
    await row.getByLabel('Länktext på svenska').fill(LINK.sv);
    await row.getByLabel('Länktext på engelska').fill(LINK.en);
    await row.getByLabel('Adress').fill('http://boka.example.se/');
    await save.click();
    const https = summary.getByRole('link', { name: /^Länk \d+: .*https:\/\// });
    await https.waitFor();
    await https.click();
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('link-new-1-url');

    await row.getByLabel('Adress').fill(LINK.url);
    await save.click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('unit-settings-form-result');
    expect(await page.getByText('Du har ändringar som inte är sparade.').count()).toBe(0);
    const list = page.getByRole('list', { name: 'Länkarna i den ordning invånaren ser dem' });
    await page.reload();
    await list.getByRole('group').last().getByLabel('Adress').waitFor();
    expect(await list.getByRole('group').last().getByLabel('Adress').inputValue()).toBe(LINK.url);
    await expectAccessible(page);
    await saveScreenshot(page, 'unit-administration-settings');
    expect(unexpected(admin.problems)).toEqual([]);
  });

  it('finds every change in the change log', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Tillbaka till e-tjänsterna' }).click();
    await page.getByRole('link', { name: 'Ändringslogg: vem har ändrat vad' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändringslogg' }).waitFor();
    const log = page.getByRole('list').filter({ hasText: 'Ändrade' });
    await log.getByText(`Lade till länken ”${LINK.sv}”`).waitFor();
    await log.getByText('Ändrade mottagningens inställningar').waitFor();
    await log.getByText('Ändrade inställningarna för ”Begära intyg”').waitFor();
    expect(await log.getByText(people.unitAdministrator.name).count()).toBeGreaterThanOrEqual(3);
    // Dates as in Sweden.
    expect(await log.locator('time').first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await expectAccessible(page);
    await expectFitsNarrowScreen(page);
    expect(unexpected(admin.problems)).toEqual([]);
  });

  it('a citizen sees the link on the contact card and the new certificate kind in the form', async () => {
    const { page } = citizen;
    await logInCitizen(page, server.url, people.citizen.personnummer);
    await page.goto(`${server.url}/mottagningar/${people.unit.hsaId}`);
    const link = page.getByRole('link', { name: LINK.sv });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(LINK.url);
    await page.getByRole('link', { name: 'Begära intyg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Begära intyg' }).waitFor();
    await page.getByRole('radio', { name: CERTIFICATE.sv }).waitFor();
    await expectAccessible(page);
    expect(citizen.problems).toEqual([]);
  });
});
