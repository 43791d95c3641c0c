import { expect } from 'vitest';
import { type Client, client, type ErrandFixture } from './errand-fixture.ts';

/** The guardian becomes proxy for the child (by personnummer); returns the child's citizen id. */
export async function addChild(guardian: Client, childPersonnummer: string): Promise<string> {
  const response = await guardian.post('/api/citizen/proxies', { personnummer: childPersonnummer });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().childId;
}

/** Switches the guardian's session to act for the child (or back, with null): a new client, as the browser's new cookie. */
export async function actFor(f: ErrandFixture, guardian: Client, childId: string | null): Promise<Client> {
  const response = await guardian.put('/api/session/acting-for', { childId });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'kontakta_session');
  if (!cookie) throw new Error('no new session cookie');
  return client(f.app, {
    cookies: { kontakta_session: cookie.value },
    headers: { 'x-csrf-token': response.json().csrfToken },
    token: cookie.value,
  });
}
