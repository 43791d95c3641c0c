import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../packages/server/src/testing/test-server.ts';
import { accessibilityViolations } from './axe.ts';
import { launchBrowser, openPage, type TestPage } from './browser.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen, logInStaff } from './login.ts';

// A citizen's reply surfaces at the unit (issue 18): the doctor's "Mina ärenden" marks it, the
// errand offers a message-only answer (the structured answer stands), and answered errands leave
// the default list. One browser context per person; axe on every page the steps show.

const people = demoPeople();

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let citizen: TestPage;
let receiver: TestPage;
let doctor: TestPage;
let errandId = '';

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  [citizen, receiver, doctor] = await Promise.all([openPage(browser), openPage(browser), openPage(browser)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a citizen's reply at the unit", () => {
  it('the citizen sends, the receiver routes, the doctor answers and allows a reply', async () => {
    await logInCitizen(citizen.page, server.url, people.citizen.personnummer);
    await citizen.page.goto(`${server.url}/mottagningar/${people.unit.hsaId}/renew-prescription`);
    await citizen.page.getByRole('heading', { level: 1, name: 'Förnya recept' }).waitFor();
    await citizen.page.getByRole('group', { name: 'Läkemedel 1' }).getByLabel('Läkemedlets namn').fill('Levaxin');
    await citizen.page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await citizen.page.getByRole('heading', { level: 1, name: 'Ditt ärende är skickat' }).waitFor();
    const path = (await citizen.page.getByRole('link', { name: 'Gå till ärendet' }).getAttribute('href')) ?? '';
    errandId = path.split('/').at(-1) ?? '';
    expect(errandId).toMatch(/^[0-9a-f-]{36}$/);

    await logInStaff(receiver.page, server.url, people.receiver.hsaId);
    await receiver.page.goto(`${server.url}/personal/arenden/${errandId}`);
    await receiver.page
      .getByLabel('Fördela till en vårdgivare')
      .selectOption({ label: `${people.doctor.name} (läkare)` });
    await receiver.page.getByRole('button', { name: 'Fördela', exact: true }).click();
    await receiver.page.getByText(`Ärendet är fördelat till ${people.doctor.name}.`).waitFor();

    const { page } = doctor;
    await logInStaff(page, server.url, people.doctor.hsaId);
    await page.goto(`${server.url}/personal/arenden/${errandId}`);
    await page.getByRole('heading', { level: 2, name: 'Svara invånaren' }).waitFor();
    await page
      .getByRole('group', { name: 'Läkemedel 1', exact: true })
      .getByRole('radio', { name: 'Förnyat', exact: true })
      .check();
    await page.getByLabel('Meddelande till invånaren').fill('Levaxin är förnyat.');
    await page
      .getByRole('group', { name: /Får invånaren svara/ })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await page.getByText('Svaret är skickat till invånaren.').waitFor();
  });

  it('answered, the errand leaves "Mina ärenden" until the citizen replies; then it is back, marked', async () => {
    const { page } = doctor;
    await page.goto(`${server.url}/personal/mina-arenden`);
    await page.getByText('Du har inga ärenden just nu.').waitFor();
    // The box shows the URL, and the router changes the URL in a transition: until it commits,
    // React shows the box as it was. Playwright's check() reads it at once, and on a busy machine
    // (Chromium 156) found it unticked; so click, wait for the answered errand, then read the box.
    const showAnswered = page.getByLabel('Visa även ärenden jag har besvarat');
    await showAnswered.click();
    await page.getByRole('link', { name: 'Förnya recept' }).waitFor();
    expect(new URL(page.url()).searchParams.get('visa')).toBe('alla');
    expect(await showAnswered.isChecked()).toBe(true);
    await expectAccessible(page);

    await citizen.page.goto(`${server.url}/arenden/${errandId}`);
    await citizen.page.getByRole('heading', { level: 2, name: 'Svara', exact: true }).waitFor();
    await citizen.page.getByLabel('Ditt svar').fill('Gäller det 50 mikrogram som förut?');
    await citizen.page.getByRole('button', { name: 'Skicka svar' }).click();
    await citizen.page.getByText('Ditt svar är skickat till mottagningen.').waitFor();

    await page.goto(`${server.url}/personal/mina-arenden`);
    await page.getByText('Nytt meddelande från invånaren').waitFor();
    await expectAccessible(page);
    await receiver.page.goto(`${server.url}/personal/inkorg`);
    await receiver.page.getByRole('button', { name: /^Alla/ }).click();
    await receiver.page.getByText('Nytt meddelande från invånaren').waitFor();
  });

  it('the doctor answers the reply with a message only, and the citizen reads it', async () => {
    const { page } = doctor;
    await page.getByRole('link', { name: 'Förnya recept' }).click();
    await page.getByText('Invånaren har svarat.', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Svara med ett meddelande' }).waitFor();
    // The structured answer is not asked again, but is one click away.
    expect(await page.getByRole('group', { name: 'Läkemedel 1', exact: true }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Skicka meddelandet' }).click();
    await page
      .getByRole('region', { name: /fel i formuläret/ })
      .getByText('Skriv ett meddelande till invånaren.')
      .waitFor();
    await page.getByLabel('Meddelande till invånaren').fill('Ja, samma styrka som förut.');
    await page.getByRole('button', { name: 'Skicka meddelandet' }).click();
    await page.getByText('Meddelandet är skickat till invånaren.').waitFor();
    await expectAccessible(page);

    await page.goto(`${server.url}/personal/mina-arenden`);
    await page.getByText('Du har inga ärenden just nu.').waitFor();

    await citizen.page.goto(`${server.url}/arenden/${errandId}`);
    await citizen.page.getByText('Ja, samma styrka som förut.').waitFor();
    await expectAccessible(citizen.page);
    for (const person of [citizen, receiver, doctor]) expect(person.problems).toEqual([]);
  });
});
