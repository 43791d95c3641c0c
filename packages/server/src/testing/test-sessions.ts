import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@kontakta/domain';
import type { Config } from '../config/config.ts';
import type { Database } from '../storage/database.ts';
import { startSession } from '../use-cases/sessions/start-session.ts';

// Real session rows for tests of endpoints whose login flow is not under test. The cookie and
// CSRF token work exactly as after a real login.

export type TestLogin = { cookies: Record<string, string>; headers: Record<string, string>; token: string };

export async function loginTestCitizen(
  database: Database,
  config: Config,
  citizen: { personnummer: string; givenName?: string; familyName?: string },
  now = Date.now(),
): Promise<TestLogin & { citizenId: string }> {
  const existing = await database.db
    .selectFrom('citizen')
    .select('id')
    .where('personnummer', '=', citizen.personnummer)
    .executeTakeFirst();
  const citizenId = existing?.id ?? randomUUID();
  if (!existing) {
    await database.db
      .insertInto('citizen')
      .values({
        id: citizenId,
        personnummer: citizen.personnummer,
        given_name: citizen.givenName ?? 'Test',
        family_name: citizen.familyName ?? 'Testsson',
        created_at: now,
        last_login_at: now,
      })
      .execute();
  }
  const session = await startSession(database, config.session, now, { kind: 'citizen', citizenId, loginMethod: 'eid' });
  return { ...asLogin(config, session), citizenId };
}

export async function loginTestStaff(
  database: Database,
  config: Config,
  staff: { hsaId: string; unitHsaId: string | null; roles: StaffRole[]; profession?: string },
  now = Date.now(),
): Promise<TestLogin> {
  await database.db
    .insertInto('staff_member')
    .values({
      hsa_id: staff.hsaId,
      given_name: 'Test',
      family_name: 'Personal',
      profession: staff.profession ?? 'nurse',
      updated_at: now,
    })
    .onConflict((oc) => oc.column('hsa_id').doNothing())
    .execute();
  const session = await startSession(database, config.session, now, {
    kind: 'staff',
    hsaId: staff.hsaId,
    unitHsaId: staff.unitHsaId,
    roles: staff.roles,
    loginMethod: 'eid',
  });
  return asLogin(config, session);
}

function asLogin(config: Config, session: { token: string; csrfToken: string }): TestLogin {
  const name = config.publicUrl.startsWith('https:') ? '__Host-kontakta_session' : 'kontakta_session';
  return { cookies: { [name]: session.token }, headers: { 'x-csrf-token': session.csrfToken }, token: session.token };
}
