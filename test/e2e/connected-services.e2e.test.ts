import { describe, expect, it } from 'vitest';
import { buildDemoRegister } from '../../packages/server/src/registers/index.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { demoPeople } from './demo-people.ts';
import { logInCitizen } from './login.ts';
import { saveScreenshot } from './screenshots.ts';

// A connected service where the citizen arrives logged in (issue 16 point 2): the demo's example
// service is a real relying party of Kontakta's own OpenID Provider (code flow with PKCE). The
// citizen follows it from a contact card, consents the first time, and lands logged in with
// exactly the claims the service was approved for (the name, not the personnummer); the second
// time there is no question. Someone not logged in to Kontakta goes through its login and back.

const suite = useBrowserSuite();
const people = demoPeople();
const register = buildDemoRegister(new Date());
// The demo registers the example service for the first region's units.
const unit = register.hsa.careUnits[0];

function displayed(personnummer: string): string {
  return `${personnummer.slice(0, 8)}-${personnummer.slice(8)}`;
}

describe('a connected service with a login hand-over', () => {
  it('asks the first time, hands over only the approved claims, and goes straight through the second time', async () => {
    const { page, problems } = await suite.open();
    const { url } = suite.server();
    await logInCitizen(page, url, people.citizen.personnummer);
    await page.goto(`${url}/mottagningar/${unit?.hsaId}`);
    const services = page.getByRole('region', { name: 'Fler e-tjänster' });
    const link = services.getByRole('link', { name: 'Exempeltjänsten' });
    await link.waitFor();
    await services.getByText(/En påhittad e-tjänst/).waitFor();
    await suite.expectAccessible(page);

    await link.click();
    await page.waitForURL(/\/e-tjanst\/[A-Za-z0-9_-]+$/);
    await page.getByRole('heading', { level: 1, name: 'Vill du logga in på Exempeltjänsten?' }).waitFor();
    const told = page.getByRole('list').filter({ hasText: 'Ditt namn' });
    expect(await told.getByRole('listitem').allTextContents()).toEqual([
      'En kod som bara den här tjänsten får, så att den känner igen dig nästa gång',
      'Ditt namn',
    ]);
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'hand-over-consent');

    await page.getByRole('button', { name: 'Ja, logga in' }).click();
    await page.waitForURL(/\/dev-service\/$/);
    const name = `${people.citizen.givenName} ${people.citizen.familyName}`;
    await page.getByText(`Inloggad som ${name}`).waitFor();
    const claims = await page.locator('#claims dt').allTextContents();
    expect(claims.sort()).toEqual(['family_name', 'given_name', 'name', 'sub']);
    const shown = (await page.locator('#claims').textContent()) ?? '';
    expect(shown).not.toContain(people.citizen.personnummer);

    // The second time: from the contact card straight to the service, no question asked.
    await page.goto(`${url}/mottagningar/${unit?.hsaId}`);
    await page.getByRole('region', { name: 'Fler e-tjänster' }).getByRole('link', { name: 'Exempeltjänsten' }).click();
    await page.waitForURL(/\/dev-service\/$/);
    await page.getByText(`Inloggad som ${name}`).waitFor();
    const { database } = suite.server();
    expect(await database.db.selectFrom('connected_service_consent').select('subject').execute()).toHaveLength(1);
    expect(await database.db.selectFrom('connected_service_hand_over').select('id').execute()).toHaveLength(2);
    expect(problems).toEqual([]);
  });

  it('lets the citizen see and withdraw the access in Inställningar; the service then has to ask again', async () => {
    const { page, problems } = await suite.open();
    const { url, database } = suite.server();
    await logInCitizen(page, url, people.citizen.personnummer);
    await page.goto(`${url}/installningar`);
    const section = page.getByRole('region', { name: 'E-tjänster du har gett tillgång till' });
    const item = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Exempeltjänsten' }) });
    await item.waitFor();
    await item.getByText('Ditt namn').waitFor();
    expect(await item.getByText('Ditt personnummer').count()).toBe(0);
    await item.getByText(/Senast inloggad via Kontakta/).waitFor();
    await suite.expectAccessible(page);
    await saveScreenshot(page, 'service-consents');

    await item.getByRole('button', { name: 'Återkalla Exempeltjänsten' }).click();
    await page.getByText('Du har återkallat tillgången för Exempeltjänsten. Nästa gång frågar vi dig igen.').waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('page-result');
    await section.getByText('Du har inte gett någon e-tjänst tillgång till din inloggning.').waitFor();
    await suite.expectAccessible(page);
    expect(await database.db.selectFrom('connected_service_consent').select('subject').execute()).toEqual([]);

    // The next time, the question is asked again.
    await page.goto(`${url}/mottagningar/${unit?.hsaId}`);
    await page.getByRole('region', { name: 'Fler e-tjänster' }).getByRole('link', { name: 'Exempeltjänsten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vill du logga in på Exempeltjänsten?' }).waitFor();
    await page.getByRole('button', { name: 'Ja, logga in' }).click();
    await page.waitForURL(/\/dev-service\/$/);
    await page.getByText(`Inloggad som ${people.citizen.givenName} ${people.citizen.familyName}`).waitFor();
    expect(problems).toEqual([]);
  });

  it('sends someone not logged in to Kontakta through its login and back to the question', async () => {
    const { page, problems } = await suite.open();
    const { url } = suite.server();
    await page.goto(`${url}/dev-service/`);
    await page.getByRole('link', { name: 'Logga in med Kontakta' }).click();
    await page.waitForURL(/\/inloggning\?till=/);
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await page.waitForURL(/\/dev-idp\//);
    await page.getByRole('button', { name: new RegExp(displayed(people.otherCitizen.personnummer)) }).click();
    await page.getByRole('heading', { level: 1, name: 'Vill du logga in på Exempeltjänsten?' }).waitFor();
    await page.getByRole('button', { name: 'Nej, avbryt' }).click();
    await page.waitForURL(/\/dev-service\/callback/);
    await page.getByText('Inloggningen avbröts.').waitFor();
    expect(problems).toEqual([]);
  });
});
