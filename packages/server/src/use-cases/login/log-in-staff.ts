import { randomUUID } from 'node:crypto';
import { INSTALLATION_ROLES, type InstallationRole, STAFF_ROLES, type StaffRole } from '@kontakta/domain';
import { checkLoginPersonnummer } from '../../identity/login-personnummer.ts';
import type { Employee, UnitCommission } from '../../registers/index.ts';
import { claimLoginEventUnit } from '../../storage/repositories/login-event.repository.ts';
import { saveStaffMemberFromCatalogue } from '../../storage/repositories/staff-login.repository.ts';
import type { Services } from '../services.ts';
import { startSession } from '../sessions/start-session.ts';
import { recordStaffLogin } from '../statistics/record-statistics.ts';
import { type LoginOutcome, refused } from './login-outcome.ts';
import { mirrorCareUnit } from './mirror-care-unit.ts';
import { recordLoginEvent } from './record-login-event.ts';

/**
 * A login that had not yet worked at a unit starts work at one (its first choice of unit): the
 * unit is recorded on the login's event row and the login counted there, in one transaction.
 * Nothing happens for a login already placed (switching units is no new login) or without a row.
 */
export async function recordStaffLoginAt(services: Services, loginEventId: string, unitHsaId: string): Promise<void> {
  await services.database.db.transaction().execute(async (trx) => {
    const login = await claimLoginEventUnit(trx, loginEventId, unitHsaId);
    if (login) await recordStaffLogin(trx, { unitHsaId, method: login.method, at: login.occurredAt });
  });
}

/** The catalogue's unit roles are Kontakta's staff roles; anything else is ignored. */
export function staffRolesOf(commission: UnitCommission): StaffRole[] {
  return commission.roles.filter((role): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role));
}

/** The installation-wide roles the catalogue file gives the person (Kontakta's own; none in HSA itself). */
export function installationRolesOf(employee: Employee | undefined): InstallationRole[] {
  return (employee?.installationRoles ?? []).filter((role): role is InstallationRole =>
    (INSTALLATION_ROLES as readonly string[]).includes(role),
  );
}

/**
 * A staff e-ID (SITHS) login: the personnummer must belong to someone in the HSA catalogue with
 * a commission. Roles come from the catalogue now, at every login, into the session. With one
 * unit the session is for it; with several the person chooses next (`chooseStaffUnit`).
 */
export async function logInStaff(
  services: Services,
  input: { personnummerClaim: unknown; previousSessionToken: string | undefined },
): Promise<LoginOutcome> {
  const now = services.clock();
  const { db } = services.database;
  const record = (
    result: 'success' | 'refused' | 'failed',
    reason: string | null,
    at?: { id: string; unit: string | null },
  ) =>
    recordLoginEvent(
      services,
      {
        occurred_at: now,
        audience: 'staff',
        method: 'eid',
        result,
        reason,
        municipality_code: null,
        unit_hsa_id: at?.unit ?? null,
      },
      at?.id,
    );

  const checked = checkLoginPersonnummer(input.personnummerClaim, new Date(now));
  if (!checked.ok) {
    await record('refused', checked.reason);
    return refused(checked.reason);
  }
  let employee: Employee | undefined;
  try {
    employee = await services.registers.findEmployeeByPersonnummer(checked.personnummer);
  } catch {
    await record('failed', 'unavailable');
    return refused('unavailable');
  }
  const commissions = employee?.commissions.filter((c) => staffRolesOf(c).length > 0) ?? [];
  const installationRoles = installationRolesOf(employee);
  if (
    !employee ||
    (commissions.length === 0 && employee.regionCommissions.length === 0 && installationRoles.length === 0)
  ) {
    await record('refused', 'no-commission');
    return refused('no-commission');
  }

  await saveStaffMemberFromCatalogue(
    db,
    {
      hsaId: employee.hsaId,
      givenName: employee.name.given,
      familyName: employee.name.family,
      profession: employee.profession,
    },
    now,
  );
  // One unit and nothing else: straight to it. Several, or a region as well: choose first. The
  // session before a choice (neither unit nor region) carries the installation role, if any: with
  // nothing else to choose, that is where the installation administrator works (the statistics).
  const only =
    commissions.length === 1 && employee.regionCommissions.length === 0 && installationRoles.length === 0
      ? commissions[0]
      : undefined;
  const unitHsaId = only && (await mirrorCareUnit(services.database, services.registers, only.unitHsaId, now));
  const installationOnly = commissions.length === 0 && employee.regionCommissions.length === 0;
  // The session keeps its login's event row, where the unit the login starts work at is recorded.
  const loginEventId = randomUUID();
  const session = await startSession(
    services.database,
    services.config.session,
    now,
    {
      kind: 'staff',
      hsaId: employee.hsaId,
      unitHsaId: only && unitHsaId ? only.unitHsaId : null,
      roles: only && unitHsaId ? staffRolesOf(only) : installationRoles,
      loginMethod: 'eid',
      loginEventId,
    },
    input.previousSessionToken,
  );
  // Straight to a unit: counted there with its row (record-statistics); otherwise at the first choice.
  await record('success', null, { id: loginEventId, unit: only && unitHsaId ? only.unitHsaId : null });
  return { ok: true, session, next: only || installationOnly ? 'staff-start' : 'choose-unit' };
}
