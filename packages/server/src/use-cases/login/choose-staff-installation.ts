import type { InstallationRole, StaffActor } from '@kontakta/domain';
import { findSessionLoginEvent } from '../../storage/repositories/login-event.repository.ts';
import { capSessionExpiry } from '../../storage/repositories/session-expiry.repository.ts';
import type { Services } from '../services.ts';
import { hashSessionToken } from '../sessions/session-tokens.ts';
import { startSession } from '../sessions/start-session.ts';
import { installationRolesOf } from './log-in-staff.ts';
import type { SessionTokens } from './login-outcome.ts';

/**
 * Goes back to working over the whole installation (its statistics, all the installation role
 * gives) from a unit or a region, without a new login: a session at neither, with the
 * installation roles the catalogue gives now. As with a unit or region, the session is replaced by
 * a new one (new id and CSRF token) that keeps the login's absolute end and its login event.
 * Undefined when the catalogue gives no installation role: hidden as 404, like a unit without a commission.
 */
export async function chooseStaffInstallation(
  services: Services,
  actor: StaffActor,
  input: { currentSessionToken: string; currentExpiresAt: number },
): Promise<(SessionTokens & { roles: InstallationRole[] }) | undefined> {
  const now = services.clock();
  const roles = installationRolesOf(await services.registers.findEmployee(actor.hsaId));
  if (roles.length === 0) return undefined;
  const loginEventId = await findSessionLoginEvent(services.database.db, hashSessionToken(input.currentSessionToken));
  const session = await startSession(
    services.database,
    services.config.session,
    now,
    { kind: 'staff', hsaId: actor.hsaId, unitHsaId: null, regionCode: null, roles, loginMethod: 'eid', loginEventId },
    input.currentSessionToken,
  );
  await capSessionExpiry(services.database.db, hashSessionToken(session.token), input.currentExpiresAt);
  return { ...session, roles };
}
