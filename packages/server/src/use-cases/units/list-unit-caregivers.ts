import type { StaffActor } from '@kontakta/domain';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';

/** Whom a receiver can give an errand to: the unit's caregivers in the HSA catalogue today. */
export async function listUnitCaregivers(ctx: UseCaseContext<StaffActor>) {
  const unitHsaId = ctx.actor.unitHsaId;
  if (!unitHsaId || !ctx.actor.roles.includes('receiver')) throw new AppError('forbidden', 'receivers-only');
  const employees = await ctx.registers.listEmployeesAtUnit(unitHsaId);
  return {
    items: employees
      .filter((e) => e.commissions.some((c) => c.unitHsaId === unitHsaId && c.roles.includes('caregiver')))
      .map((e) => ({ hsaId: e.hsaId, name: `${e.name.given} ${e.name.family}`, profession: e.profession }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
  };
}
