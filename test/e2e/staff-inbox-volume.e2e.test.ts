import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../packages/server/src/testing/test-server.ts';
import { accessibilityViolations } from './axe.ts';
import { launchBrowser, openPage, type TestPage } from './browser.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen, logInStaff } from './login.ts';

// Issue 18 pt 3: the unit's inbox "usable with 2 000 open errands at the unit". One real errand is
// sent through the web app; 1 999 more are copied from its row in one transaction (a list never
// opens content, and the steps below open only the real errand), so seeding takes seconds even on
// two busy cores. Then a receiver: the first page, later pages by cursor, ordering by received
// and by waiting time, search by personnummer, arrow keys between rows and Enter to open one.

const people = demoPeople();
const OPEN_ERRANDS = 2000;
const PAGE_ROWS = 25;
const DAY_MS = 86_400_000;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let citizen: TestPage;
let receiver: TestPage;
let realErrandId: string;
/** The copy received last that has waited longest: first when ordered by waiting time. */
let longestWaitingId: string;

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

const activeRowIndex = (page: Page) =>
  page.evaluate<number>("[...document.querySelectorAll('a[data-row-link]')].indexOf(document.activeElement)");
const rowLinks = (page: Page) =>
  page.evaluate<string[]>("[...document.querySelectorAll('a[data-row-link]')].map((a) => a.getAttribute('href'))");
const errandIdOf = (href: string | null | undefined) => decodeURIComponent((href ?? '').split('/').pop() ?? '');

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  [citizen, receiver] = await Promise.all([openPage(browser), openPage(browser)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the unit inbox with 2 000 open errands', () => {
  it('has one errand sent by a citizen and 1 999 more, seeded in one transaction', async () => {
    await logInCitizen(citizen.page, server.url, people.citizen.personnummer);
    await citizen.page.goto(`${server.url}/mottagningar/${people.unit.hsaId}/renew-prescription`);
    await citizen.page.getByRole('group', { name: 'Läkemedel 1' }).getByLabel('Läkemedlets namn').fill('Levaxin');
    await citizen.page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await citizen.page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' }).waitFor();

    const db = server.database.db;
    const real = await db.selectFrom('errand').selectAll().executeTakeFirstOrThrow();
    realErrandId = real.id;
    const otherCitizenId = randomUUID();
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
    // Received a minute before the real one, but waiting for 30 days (the citizen replied to an
    // older errand, say): ordering by waiting time puts it first, by received time near the end.
    const longest = rows[0];
    if (!longest) throw new Error('no rows');
    longest.waiting_since = real.created_at - 30 * DAY_MS;
    longestWaitingId = longest.id;
    const started = Date.now();
    await db.transaction().execute(async (trx) => {
      await trx
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
      // Parameters per statement stay under SQLite's limit.
      for (let i = 0; i < rows.length; i += 100) {
        await trx
          .insertInto('errand')
          .values(rows.slice(i, i + 100))
          .execute();
      }
    });
    const open = await db
      .selectFrom('errand')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_hsa_id', '=', people.unit.hsaId)
      .where('status', 'in', ['new', 'open', 'assigned'])
      .executeTakeFirstOrThrow();
    expect(Number(open.n)).toBe(OPEN_ERRANDS);
    // Generous: the point is seconds, not minutes, on two shared cores.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('shows the first page with the counts, accessible', async () => {
    const { page } = receiver;
    await logInStaff(page, server.url, people.receiver.hsaId);
    await page.goto(`${server.url}/personal/inkorg`);
    await page.getByRole('button', { name: `Obesvarade (${OPEN_ERRANDS})` }).waitFor();
    const table = page.getByRole('table', { name: 'Inkorg' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(PAGE_ROWS + 1);
    await expectAccessible(page);
  });

  it('reaches later pages by cursor: "Visa fler" adds the next page, and the cursor walks all 2 000 once', async () => {
    const { page } = receiver;
    const table = page.getByRole('table', { name: 'Inkorg' });
    for (let pageNumber = 2; pageNumber <= 3; pageNumber++) {
      const request = page.waitForRequest((r) => r.url().includes('/api/staff/inbox') && r.url().includes('cursor='));
      await page.getByRole('button', { name: 'Visa fler' }).click();
      await request;
      await expect.poll(() => table.getByRole('row').count()).toBe(pageNumber * PAGE_ROWS + 1);
    }
    const shown = await rowLinks(page);
    expect(new Set(shown).size).toBe(3 * PAGE_ROWS);

    // The same endpoint the page uses, to the last page: every open errand once, none twice.
    const walked = await page.evaluate<{ ids: number; unique: number; pages: number }>(`(async () => {
      const ids = [];
      let cursor = null;
      let pages = 0;
      do {
        const response = await fetch('/api/staff/inbox?filter=unanswered&limit=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
        const body = await response.json();
        ids.push(...body.items.map((item) => item.id));
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor && pages < 100);
      return { ids: ids.length, unique: new Set(ids).size, pages };
    })()`);
    expect(walked).toEqual({ ids: OPEN_ERRANDS, unique: OPEN_ERRANDS, pages: OPEN_ERRANDS / 100 });
  });

  it('orders by received time (newest first on a second press) and by waiting time', async () => {
    const { page } = receiver;
    const table = page.getByRole('table', { name: 'Inkorg' });
    const header = (name: string) => page.getByRole('columnheader', { name });
    expect(await header('Inkom').getAttribute('aria-sort')).toBe('ascending');

    await page.getByRole('button', { name: 'Inkom' }).click();
    await expect.poll(() => header('Inkom').getAttribute('aria-sort')).toBe('descending');
    expect(new URL(page.url()).searchParams.get('ordning')).toBe('received-desc');
    await expect.poll(async () => errandIdOf((await rowLinks(page))[0])).toBe(realErrandId);
    expect(await table.getByRole('row').count()).toBe(PAGE_ROWS + 1);

    await page.getByRole('button', { name: 'Väntat' }).click();
    await expect.poll(() => header('Väntat').getAttribute('aria-sort')).toBe('ascending');
    expect(new URL(page.url()).searchParams.get('ordning')).toBe('waiting');
    await expect.poll(async () => errandIdOf((await rowLinks(page))[0])).toBe(longestWaitingId);
    await expect.poll(() => table.getByRole('row').nth(1).textContent()).toContain('30 dagar');
    await expectAccessible(page);
  });

  it('finds the one errand by personnummer among the 2 000', async () => {
    const { page } = receiver;
    const pnr = people.citizen.personnummer;
    await page.getByLabel('Sök på personnummer eller namn').fill(`${pnr.slice(0, 8)}-${pnr.slice(8)}`);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    const table = page.getByRole('table', { name: 'Inkorg' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(errandIdOf((await rowLinks(page))[0])).toBe(realErrandId);
    expect(await table.getByRole('row').nth(1).textContent()).toContain(people.citizen.familyName);
    await expectAccessible(page);
  });

  it('moves between rows with the arrow keys and opens the row with Enter', async () => {
    const { page, problems } = receiver;
    // Newest first, so that the row opened is the real errand (the copies have no content).
    await page.goto(`${server.url}/personal/inkorg?ordning=received-desc`);
    const table = page.getByRole('table', { name: 'Inkorg' });
    await expect.poll(() => table.getByRole('row').count()).toBe(PAGE_ROWS + 1);
    await table.getByRole('link').first().focus();
    expect(await activeRowIndex(page)).toBe(0);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await activeRowIndex(page)).toBe(3);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    expect(await activeRowIndex(page)).toBe(0);
    expect(errandIdOf((await rowLinks(page))[0])).toBe(realErrandId);

    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/personal/arenden/${realErrandId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Levaxin').first().waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
});
