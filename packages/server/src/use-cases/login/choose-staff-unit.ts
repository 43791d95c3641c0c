import type { StaffActor, StaffRole } from '@kontakta/domain';
import { findSessionLoginEvent } from '../../storage/repositories/login-event.repository.ts';
import { capSessionExpiry } from '../../storage/repositories/session-expiry.repository.ts';
import type { Services } from '../services.ts';
import { hashSessionToken } from '../sessions/session-tokens.ts';
import { startSession } from '../sessions/start-session.ts';
import { recordStaffLoginAt, staffRolesOf } from './log-in-staff.ts';
import type { SessionTokens } from './login-outcome.ts';
import { mirrorCareUnit } from './mirror-care-unit.ts';

/**
 * Chooses (or switches to) the unit to work at. The commission and its roles are read from the
 * catalogue again, and the session is replaced by a new one (new id and CSRF token), since what
 * the session may do changes; its absolute end stays that of the login. Undefined when the person has no commission there: hidden as 404.
 */
export async function chooseStaffUnit(
  services: Services,
  actor: StaffActor,
  input: { unitHsaId: string; currentSessionToken: string; currentExpiresAt: number },
): Promise<(SessionTokens & { roles: StaffRole[] }) | undefined> {
  const now = services.clock();
  const employee = await services.registers.findEmployee(actor.hsaId);
  const commission = employee?.commissions.find((c) => c.unitHsaId === input.unitHsaId);
  const roles = commission ? staffRolesOf(commission) : [];
  if (!commission || roles.length === 0) return undefined;
  if (!(await mirrorCareUnit(services.database, services.registers, commission.unitHsaId, now))) return undefined;
  const loginEventId = await findSessionLoginEvent(services.database.db, hashSessionToken(input.currentSessionToken));
  const session = await startSession(
    services.database,
    services.config.session,
    now,
    { kind: 'staff', hsaId: actor.hsaId, unitHsaId: commission.unitHsaId, roles, loginMethod: 'eid', loginEventId },
    input.currentSessionToken,
  );
  await capSessionExpiry(services.database.db, hashSessionToken(session.token), input.currentExpiresAt);
  // The login's first unit is where its statistics count it (recorded on its event row, once);
  // switching units later, also after the region or the installation in between, is no new login.
  if (loginEventId) await recordStaffLoginAt(services, loginEventId, commission.unitHsaId);
  return { ...session, roles };
}
