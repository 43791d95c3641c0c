import type { StaffUnits } from '@kontakta/contract';
import type { StaffActor } from '@kontakta/domain';
import type { Services } from '../services.ts';
import { installationRolesOf, staffRolesOf } from './log-in-staff.ts';

/**
 * The units the staff member may work at now, by the catalogue, with their roles at each, and the
 * regions they may administer (a region commission), chosen in the same list, and whether they
 * may work over the whole installation (the installation role).
 */
export async function listStaffUnits(services: Services, actor: StaffActor): Promise<StaffUnits> {
  const employee = await services.registers.findEmployee(actor.hsaId);
  const units: StaffUnits['units'] = [];
  for (const commission of employee?.commissions ?? []) {
    const roles = staffRolesOf(commission);
    const unit = await services.registers.findCareUnit(commission.unitHsaId);
    if (roles.length > 0 && unit) units.push({ hsaId: unit.hsaId, name: unit.name, roles });
  }
  units.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const regions: StaffUnits['regions'] = [];
  for (const commission of employee?.regionCommissions ?? []) {
    const region = await services.registers.findRegion(commission.regionCode);
    if (region) regions.push({ code: region.code, name: region.name, roles: [commission.role] });
  }
  regions.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return {
    current: actor.unitHsaId,
    units,
    currentRegion: actor.regionCode ?? null,
    regions,
    installation: installationRolesOf(employee).length > 0,
  };
}
