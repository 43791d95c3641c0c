import type { RegionRole, StaffActor } from '@kontakta/domain';
import { findSessionLoginEvent } from '../../storage/repositories/login-event.repository.ts';
import { capSessionExpiry } from '../../storage/repositories/session-expiry.repository.ts';
import type { Services } from '../services.ts';
import { hashSessionToken } from '../sessions/session-tokens.ts';
import { startSession } from '../sessions/start-session.ts';
import type { SessionTokens } from './login-outcome.ts';

/**
 * Chooses to work as regional administrator of a region instead of at a unit. As with a unit, the
 * commission is read from the catalogue again and the session replaced by a new one (new id and
 * CSRF token) that keeps the login's absolute end. Undefined when the person has no region
 * commission there, or the region is unknown: hidden as 404.
 */
export async function chooseStaffRegion(
  services: Services,
  actor: StaffActor,
  input: { regionCode: string; currentSessionToken: string; currentExpiresAt: number },
): Promise<(SessionTokens & { roles: RegionRole[] }) | undefined> {
  const now = services.clock();
  const employee = await services.registers.findEmployee(actor.hsaId);
  const commission = employee?.regionCommissions.find((c) => c.regionCode === input.regionCode);
  if (!commission || !(await services.registers.findRegion(commission.regionCode))) return undefined;
  const roles: RegionRole[] = [commission.role];
  const loginEventId = await findSessionLoginEvent(services.database.db, hashSessionToken(input.currentSessionToken));
  const session = await startSession(
    services.database,
    services.config.session,
    now,
    {
      kind: 'staff',
      hsaId: actor.hsaId,
      unitHsaId: null,
      regionCode: commission.regionCode,
      roles,
      loginMethod: 'eid',
      loginEventId,
    },
    input.currentSessionToken,
  );
  await capSessionExpiry(services.database.db, hashSessionToken(session.token), input.currentExpiresAt);
  return { ...session, roles };
}
