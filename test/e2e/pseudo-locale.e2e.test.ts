import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pseudoCatalogue, pseudoLocalize } from '@kontakta/domain';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../packages/server/src/testing/test-server.ts';
import sv from '../../packages/web/src/i18n/messages.sv.json' with { type: 'json' };
import { launchBrowser, openPage, type TestPage } from './browser.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen, logInStaff } from './login.ts';

// Issue 17: a third language is a translation file. This proves it for every page: the web app is
// built once more, privately, with a pseudo-locale ("[Šķíčķâ]", made from the Swedish catalogue)
// in English's place, and every page is opened in it. A key the catalogue lacks shows as its id
// ("errand.status.xyz"): none may. Users never get this build; it lives in a temporary folder.

const people = demoPeople();
const WEB_ROOT = path.resolve(import.meta.dirname, '../../packages/web');
const ENGLISH_CATALOGUE = path.join(WEB_ROOT, 'src/i18n/messages.en.json');

/** What a missing message looks like on screen: its id, e.g. `staff.inbox.heading`. */
const PREFIXES = [...new Set(Object.keys(sv).map((id) => id.split('.')[0]))];
const MESSAGE_ID = new RegExp(`(?<![\\w.@/-])(?:${PREFIXES.join('|')})\\.[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*`, 'g');
/** Text that went through the pseudo catalogue: bracketed and accented. */
const PSEUDO = /\[[^\]]*[âéíôûŕšţ]/;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let webDist = '';
const opened: TestPage[] = [];

async function buildPseudoWebApp(outDir: string): Promise<void> {
  const pseudo = JSON.stringify(pseudoCatalogue(sv));
  await build({
    root: WEB_ROOT,
    configFile: path.join(WEB_ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
    plugins: [
      {
        name: 'kontakta-pseudo-locale',
        enforce: 'pre',
        load: (id) => (id.split('?')[0] === ENGLISH_CATALOGUE ? pseudo : null),
      },
    ],
  });
}

async function open(): Promise<TestPage> {
  const page = await openPage(browser);
  opened.push(page);
  return page;
}

/** From now on the page reads the pseudo-locale (it stands where English is). */
async function usePseudoLocale({ context }: TestPage): Promise<void> {
  await context.addCookies([{ name: 'kontakta_lang', value: 'en', url: server.url }]);
}

/** Opens one address and returns what is wrong with it in the pseudo-locale (nothing, we hope). */
async function pageProblems(page: Page, address: string): Promise<string[]> {
  await page.goto(`${server.url}${address}`);
  const heading = page.getByRole('heading', { level: 1 }).first();
  const shown = await heading.waitFor().then(
    () => true,
    () => false,
  );
  if (!shown) return [`${address}: no level-1 heading appeared`];
  await page.waitForLoadState('networkidle');
  const problems: string[] = [];
  // Headings may be data (a unit's name); the page around them must come from the catalogue.
  const main = (await page.getByRole('main').allInnerTexts()).join('\n');
  if (!PSEUDO.test(main)) problems.push(`${address}: nothing in <main> came from the catalogue`);
  const text = (await page.locator('body').allInnerTexts()).join('\n');
  for (const [id] of text.matchAll(MESSAGE_ID)) problems.push(`${address}: missing message ${id}`);
  return problems;
}

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-pseudo-web-'));
  await buildPseudoWebApp(webDist);
  server = await startTestServer({ KONTAKTA_WEB_DIST: webDist });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (webDist) fs.rmSync(webDist, { recursive: true, force: true });
});

describe('every page in a pseudo-locale', () => {
  it('the public pages', async () => {
    const visitor = await open();
    await usePseudoLocale(visitor);
    const problems: string[] = [];
    for (const address of [
      '/',
      '/inloggning',
      '/inloggning/skaffa-konto',
      '/inloggning/nekad',
      '/utloggad',
      '/tillganglighet',
      '/personuppgifter',
      '/finns-inte',
      '/personal/inloggning',
      '/personal/inloggning/nekad',
      '/personal/utloggad',
    ]) {
      problems.push(...(await pageProblems(visitor.page, address)));
    }
    expect(problems).toEqual([]);
    expect(visitor.problems).toEqual([]);
  });

  let errandId = '';

  it("the citizen's pages", async () => {
    const citizen = await open();
    const { page } = citizen;
    // Logged in and an errand sent in Swedish, so the pages have something to show.
    await logInCitizen(page, server.url, people.citizen.personnummer);
    await page.goto(`${server.url}/mottagningar/${people.unit.hsaId}/renew-prescription`);
    await page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await page.getByRole('group', { name: 'Läkemedel 1' }).getByLabel('Läkemedlets namn').fill('Levaxin');
    await page.getByRole('button', { name: 'Skicka', exact: true }).click();
    const toErrand = page.getByRole('link', { name: 'Gå till ärendet' });
    await toErrand.waitFor();
    errandId = (await toErrand.getAttribute('href'))?.split('/').at(-1) ?? '';
    expect(errandId).toMatch(/^[0-9a-f-]{36}$/);

    await usePseudoLocale(citizen);
    const problems: string[] = [];
    for (const address of [
      '/',
      '/skicka-arende',
      `/mottagningar/${people.unit.hsaId}`,
      `/mottagningar/${people.unit.hsaId}/renew-prescription`,
      '/inkorg',
      '/inkorg/skickade',
      '/inkorg/arkiv',
      `/arenden/${errandId}`,
      `/arenden/${errandId}/kvitto`,
      '/vem-har-last',
      '/kalender',
      '/installningar',
      '/ombud',
      '/finns-inte',
    ]) {
      problems.push(...(await pageProblems(page, address)));
    }
    expect(problems).toEqual([]);

    // The form's validation messages come from the catalogue too (the domain gives ids and values):
    // a text too long (a count), a required field in a group's item (the item's name) and a sent form.
    await page.goto(`${server.url}/mottagningar/${people.unit.hsaId}/renew-prescription`);
    const medicine = page.getByRole('group', { name: 'Medicine 1' });
    await medicine.getByLabel('Strength').fill('x'.repeat(101));
    await page.getByRole('button', { name: pseudoLocalize(sv['errandForm.send']), exact: true }).click();
    const summary = page.locator('main section.notice-error');
    await summary.getByRole('listitem').first().waitFor();
    const messages = await summary.getByRole('listitem').allInnerTexts();
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toMatch(PSEUDO);
      expect([...message.matchAll(MESSAGE_ID)].map(([id]) => id)).toEqual([]);
    }
    // The field's own message, beside it, is the same text.
    await expect.poll(async () => (await medicine.textContent()) ?? '').toContain(messages[1]);
    const body = (await page.locator('body').allInnerTexts()).join('\n');
    expect([...body.matchAll(MESSAGE_ID)].map(([id]) => id)).toEqual([]);
    expect(citizen.problems).toEqual([]);
  });

  it("the staff's pages", async () => {
    expect(errandId).not.toBe('');
    const problems: string[] = [];
    const receiver = await open();
    await logInStaff(receiver.page, server.url, people.receiver.hsaId);
    await usePseudoLocale(receiver);
    for (const address of [
      '/personal/inkorg',
      `/personal/arenden/${errandId}`,
      '/personal/obesvarade',
      '/personal/x',
    ]) {
      problems.push(...(await pageProblems(receiver.page, address)));
    }
    const doctor = await open();
    await logInStaff(doctor.page, server.url, people.doctor.hsaId);
    await usePseudoLocale(doctor);
    for (const address of ['/personal/mina-arenden', '/personal/aviseringar']) {
      problems.push(...(await pageProblems(doctor.page, address)));
    }
    expect(problems).toEqual([]);
    expect(receiver.problems).toEqual([]);
    expect(doctor.problems).toEqual([]);
  });

  it("the unit administrator's pages", async () => {
    const admin = await open();
    const { page } = admin;
    await page.goto(`${server.url}/personal/inloggning`);
    await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
    await page.getByRole('button', { name: new RegExp(people.unitAdministrator.hsaId) }).click();
    await page.getByRole('heading', { level: 1, name: 'Välj mottagning' }).waitFor();
    await usePseudoLocale(admin);
    const problems = await pageProblems(page, '/personal/valj-mottagning');
    await page.getByRole('button', { name: new RegExp(people.unit.name) }).click();
    await page.waitForURL(/\/personal\/(?!valj-mottagning)/);
    for (const address of [
      '/personal/administration',
      '/personal/administration/ny-arendetyp',
      '/personal/administration/arendetyper/request-certificate/alternativ',
      '/personal/administration/installningar',
      '/personal/administration/stangda-perioder',
      '/personal/administration/standardsvar',
      '/personal/administration/andringslogg',
      '/personal/statistik',
    ]) {
      problems.push(...(await pageProblems(page, address)));
    }
    expect(problems).toEqual([]);
    expect(admin.problems).toEqual([]);
  });
});
