import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../packages/server/src/testing/test-server.ts';
import { accessibilityViolations } from './axe.ts';
import { launchBrowser, openPage, type TestPage } from './browser.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen, logInStaff } from './login.ts';

// The unit's inbox at real volume (issue 18): 2 000 open errands, a table a receiver works
// through with the keyboard, search by personnummer, newest first, and routing several at once.

const people = demoPeople();
const OPEN_ERRANDS = 2000;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let citizen: TestPage;
let receiver: TestPage;

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

const activeText = (page: Page) => page.evaluate<string>("document.activeElement?.textContent ?? ''");
const activeRowIndex = (page: Page) =>
  page.evaluate<number>("[...document.querySelectorAll('a[data-row-link]')].indexOf(document.activeElement)");

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  [citizen, receiver] = await Promise.all([openPage(browser), openPage(browser)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the unit's inbox with 2 000 open errands", () => {
  it('a real errand arrives, and 1 999 more wait before it', async () => {
    await logInCitizen(citizen.page, server.url, people.citizen.personnummer);
    await citizen.page.goto(`${server.url}/mottagningar/${people.unit.hsaId}/renew-prescription`);
    await citizen.page.getByRole('group', { name: 'Läkemedel 1' }).getByLabel('Läkemedlets namn').fill('Levaxin');
    await citizen.page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await citizen.page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' }).waitFor();

    // The volume is copied from that errand's row, older and from another citizen: a list never
    // opens content, and the steps below open only the real errand.
    const db = server.database.db;
    const real = await db.selectFrom('errand').selectAll().executeTakeFirstOrThrow();
    const otherCitizenId = randomUUID();
    await db
      .insertInto('citizen')
      .values({
        id: otherCitizenId,
        personnummer: people.otherCitizen.personnummer,
        given_name: people.otherCitizen.givenName,
        family_name: people.otherCitizen.familyName,
        created_at: Date.now(),
        last_login_at: null,
      })
      .execute();
    const rows = Array.from({ length: OPEN_ERRANDS - 1 }, (_, n) => ({
      ...real,
      id: randomUUID(),
      citizen_id: otherCitizenId,
      sent_by_citizen_id: otherCitizenId,
      status: n % 2 === 0 ? ('new' as const) : ('open' as const),
      created_at: real.created_at - (n + 1) * 60_000,
      waiting_since: real.created_at - (n + 1) * 60_000,
      last_event_at: real.created_at - (n + 1) * 60_000,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('errand')
        .values(rows.slice(i, i + 200))
        .execute();
  });

  it('shows a table the receiver works through with the keyboard, with the counts', async () => {
    const { page } = receiver;
    await logInStaff(page, server.url, people.receiver.hsaId);
    await page.getByRole('button', { name: `Obesvarade (${OPEN_ERRANDS})` }).waitFor();
    const table = page.getByRole('table', { name: 'Inkorg' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(26);
    await expectAccessible(page);

    // Tab to the first row's link, then the arrow keys move between rows.
    await table.getByRole('link').first().focus();
    expect(await activeRowIndex(page)).toBe(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await activeRowIndex(page)).toBe(2);
    await page.keyboard.press('ArrowUp');
    expect(await activeRowIndex(page)).toBe(1);
    expect(await activeText(page)).toBe('Förnya recept');

    await page.getByRole('button', { name: 'Visa fler' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(51);
  });

  it('finds the real errand by personnummer, and newest first puts it on top', async () => {
    const { page } = receiver;
    const pnr = people.citizen.personnummer;
    await page.getByLabel('Sök på personnummer eller namn').fill(`${pnr.slice(2, 8)}-${pnr.slice(8)}`);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    const table = page.getByRole('table', { name: 'Inkorg' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('q')).toBe(`${pnr.slice(2, 8)}-${pnr.slice(8)}`);

    await page.getByLabel('Sök på personnummer eller namn').fill('');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    // Oldest first is the default; pressing "Inkom" reverses it.
    expect(await page.getByRole('columnheader', { name: 'Inkom' }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Inkom' }).click();
    await expect
      .poll(() => page.getByRole('columnheader', { name: 'Inkom' }).getAttribute('aria-sort'))
      .toBe('descending');
    const first = table.getByRole('row').nth(1);
    await expect.poll(() => first.textContent()).toContain(people.citizen.familyName);
    await expectAccessible(page);
  });

  it('routes two chosen errands to the doctor at once', async () => {
    const { page } = receiver;
    const table = page.getByRole('table', { name: 'Inkorg' });
    await table.getByRole('checkbox').nth(1).check();
    await table.getByRole('checkbox').nth(2).check();
    await page.getByText('2 ärenden valda').waitFor();
    await page.getByLabel('Fördela till').selectOption({ label: people.doctor.name });
    await page.getByRole('button', { name: 'Fördela valda' }).click();
    await page.getByText(`2 ärenden fördelades till ${people.doctor.name}.`).waitFor();
    await page.getByText('Inga ärenden valda').waitFor();
    await expectAccessible(page);
    expect(receiver.problems).toEqual([]);
  });
});
