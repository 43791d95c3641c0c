import { checkLoginPersonnummer } from '../../identity/login-personnummer.ts';
import type { Person } from '../../registers/index.ts';
import { saveCitizenFromRegister } from '../../storage/repositories/citizen-login.repository.ts';
import type { Services } from '../services.ts';
import { startSession } from '../sessions/start-session.ts';
import { type LoginOutcome, refused } from './login-outcome.ts';
import { recordLoginEvent } from './record-login-event.ts';

/**
 * The checks every citizen e-ID login passes, whatever the provider: a real personnummer (no
 * coordination, reserve or foreign identity), a person the population register knows, and the
 * name refreshed from the register. The user is found by personnummer, never by the provider's
 * `sub`. The session replaces any the browser had (a new id at every login).
 */
export async function logInCitizen(
  services: Services,
  input: { personnummerClaim: unknown; previousSessionToken: string | undefined },
): Promise<LoginOutcome> {
  const now = services.clock();
  const { db } = services.database;
  const record = (result: 'success' | 'refused' | 'failed', reason: string | null, municipality: string | null) =>
    recordLoginEvent(services, {
      occurred_at: now,
      audience: 'citizen',
      method: 'eid',
      result,
      reason,
      municipality_code: municipality,
    });

  const checked = checkLoginPersonnummer(input.personnummerClaim, new Date(now));
  if (!checked.ok) {
    await record('refused', checked.reason, null);
    return refused(checked.reason);
  }
  let person: Person | undefined;
  try {
    person = await services.registers.findPerson(checked.personnummer);
  } catch {
    await record('failed', 'unavailable', null);
    return refused('unavailable');
  }
  if (!person) {
    await record('refused', 'not-in-population-register', null);
    return refused('not-in-population-register');
  }

  const citizenId = await saveCitizenFromRegister(
    db,
    { personnummer: person.personnummer, givenName: person.name.given, familyName: person.name.family },
    now,
    now,
  );
  const session = await startSession(
    services.database,
    services.config.session,
    now,
    { kind: 'citizen', citizenId, loginMethod: 'eid' },
    input.previousSessionToken,
  );
  await record('success', null, person.municipality.code);
  return { ok: true, session, next: 'citizen-start' };
}
