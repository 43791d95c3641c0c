import type { Page } from 'playwright-core';
import { accessibilityViolations } from './axe.ts';

// Logging in as people do: through Kontakta's login page and the development e-ID provider's
// page (a real OpenID Connect flow with real redirects), choosing a person, typing nothing.

function displayed(personnummer: string): string {
  return `${personnummer.slice(0, 8)}-${personnummer.slice(8)}`;
}

/** Logs a citizen in with e-ID and waits for their start page. */
export async function logInCitizen(page: Page, baseUrl: string, personnummer: string): Promise<void> {
  await page.goto(`${baseUrl}/inloggning`);
  await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
  await page.waitForURL(/\/dev-idp\//);
  await page.getByRole('button', { name: new RegExp(displayed(personnummer)) }).click();
  await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
}

/** Logs staff in with their e-ID (SITHS) and waits for the staff tool's first page. */
export async function logInStaff(page: Page, baseUrl: string, hsaId: string): Promise<void> {
  await page.goto(`${baseUrl}/personal/inloggning`);
  await page.getByRole('link', { name: 'Logga in med SITHS' }).click();
  await page.waitForURL(/\/dev-idp\//);
  await page.getByRole('button', { name: new RegExp(hsaId) }).click();
  await page.waitForURL(/\/personal\/(inkorg|mina-arenden)$/);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** The login pages on the way, checked once: Kontakta's and the e-ID provider's. */
export async function loginPagesViolations(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/inloggning`);
  await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  const kontakta = await accessibilityViolations(page);
  await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
  await page.waitForURL(/\/dev-idp\//);
  const provider = await accessibilityViolations(page);
  return { kontakta, provider };
}
