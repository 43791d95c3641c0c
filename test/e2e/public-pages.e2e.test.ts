import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './browser-suite.ts';

// The public pages the law expects (issue 17): the accessibility statement and the privacy
// notice, reachable from every page's footer without logging in, in Swedish and English, with
// the installation's own facts (here the demo's).
const suite = useBrowserSuite();

describe('the public pages', () => {
  it('the accessibility statement says how to report a problem, from the footer of the login page', async () => {
    const { page, problems } = await suite.open();
    await page.goto(`${suite.server().url}/inloggning`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Rapportera brister/ }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('tillganglighet@region-demo.example');
    await suite.expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('the privacy page names the controller, the periods and the rights, in Swedish and English', async () => {
    const { page, problems } = await suite.open();
    await page.goto(`${suite.server().url}/personuppgifter`);
    await page.getByRole('heading', { level: 1, name: 'Så behandlar vi dina personuppgifter' }).waitFor();
    const main = page.getByRole('main');
    expect(await main.textContent()).toMatch(/Region Demo \(exempel\) är personuppgiftsansvarig/);
    expect(await main.textContent()).toContain('24 månader efter den senaste händelsen');
    await main.getByRole('link', { name: 'Vem har läst mina ärenden?' }).waitFor();
    await suite.expectAccessible(page);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'How we process your personal data' }).waitFor();
    expect(await main.textContent()).toContain('24 months after the last event');
    await suite.expectAccessible(page);
    expect(problems).toEqual([]);
  });
});
