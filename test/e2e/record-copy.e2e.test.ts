import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../packages/server/src/testing/test-server.ts';
import { accessibilityViolations } from './axe.ts';
import { launchBrowser, openPage, type TestPage } from './browser.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen, logInStaff } from './login.ts';

// A copy of the errand for the medical record (issue 18, point 8): the staff errand page offers
// "Kopia till journalen" (PDF and FHIR), says the errand service is not the record, and the PDF
// downloads as an attachment. axe on the page with the section.

const people = demoPeople();

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let citizen: TestPage;
let receiver: TestPage;
let errandId = '';

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  [citizen, receiver] = await Promise.all([openPage(browser), openPage(browser)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('copy to the medical record', () => {
  it('the citizen sends an errand', async () => {
    await logInCitizen(citizen.page, server.url, people.citizen.personnummer);
    await citizen.page.goto(`${server.url}/mottagningar/${people.unit.hsaId}/renew-prescription`);
    await citizen.page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await citizen.page.getByRole('group', { name: 'Läkemedel 1' }).getByLabel('Läkemedlets namn').fill('Levaxin');
    await citizen.page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await citizen.page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' }).waitFor();
    const path = (await citizen.page.getByRole('link', { name: 'Gå till ärendet' }).getAttribute('href')) ?? '';
    errandId = path.split('/').at(-1) ?? '';
    expect(errandId).toMatch(/^[0-9a-f-]{36}$/);
    expect(citizen.problems).toEqual([]);
  });

  it('the receiver finds "Kopia till journalen" on the errand, accessible, and downloads the PDF', async () => {
    const { page } = receiver;
    await logInStaff(page, server.url, people.receiver.hsaId);
    // What this test answers for: the errand page and its downloads, not the page after login.
    const earlierProblems = receiver.problems.length;
    await page.goto(`${server.url}/personal/arenden/${errandId}`);
    const section = page.getByRole('region', { name: 'Kopia till journalen' });
    await section.getByRole('heading', { level: 2, name: 'Kopia till journalen' }).waitFor();
    await section.getByText('Ärendetjänsten är inte journalen').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Ladda ner som PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kontakta-renew-prescription-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(download.suggestedFilename()).not.toContain(people.citizen.personnummer);
    const file = await download.path();
    const pdf = await readFile(file);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pdf.toString('latin1')).toContain('/Lang (sv-SE)');

    const [fhir] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Ladda ner som FHIR (för journalsystem)' }).click(),
    ]);
    const bundle = JSON.parse(await readFile(await fhir.path(), 'utf8'));
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(JSON.stringify(bundle)).toContain('Levaxin');
    // The downloads leave the page as it was.
    expect(page.url()).toBe(`${server.url}/personal/arenden/${errandId}`);
    expect(receiver.problems.slice(earlierProblems)).toEqual([]);
  });
});
