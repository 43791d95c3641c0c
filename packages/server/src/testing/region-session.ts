import type { LightMyRequestResponse } from 'fastify';
import { type Client, client, type ErrandFixture } from './errand-fixture.ts';

/** Logs in without a unit, then chooses the region through the API, as the web app does. */
export async function regionSession(f: ErrandFixture, hsaId: string, code: string): Promise<Client> {
  const first = await f.staffWithRoles(hsaId, null as never, []);
  const chosen = await first.post('/api/auth/region', { regionCode: code });
  if (chosen.statusCode !== 200) throw new Error(`choosing region ${code}: ${chosen.statusCode} ${chosen.body}`);
  return client(f.app, loginFrom(chosen, first));
}

function loginFrom(response: LightMyRequestResponse, before: Client): Client['login'] {
  const cookie = response.cookies.find((c) => c.name.endsWith('kontakta_session'));
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return {
    cookies: { [cookie.name]: cookie.value },
    headers: { ...before.login.headers, 'x-csrf-token': csrfToken },
    token: cookie.value,
  };
}

/** The region of the demo's regional administrator, and another region with an administrator of its own. */
export async function demoRegions(
  f: ErrandFixture,
): Promise<{ regionCode: string; other: { code: string; admin: string } }> {
  const regional = await f.registers.findEmployee(f.personas.staff.regionAdministrator.hsaId);
  const regionCode = regional?.regionCommissions[0]?.regionCode as string;
  for (const region of await f.registers.listRegions()) {
    if (region.code === regionCode) continue;
    const admin = (await f.registers.listRegionAdministrators(region.code))[0]?.hsaId;
    if (admin) return { regionCode, other: { code: region.code, admin } };
  }
  throw new Error('no other region with an administrator');
}
