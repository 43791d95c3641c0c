import type { StaffActor } from '@kontakta/domain';
import { upsertStaffMember } from '../../storage/repositories/people.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { notifyAssignee } from './notify-assignee.ts';
import { transitionErrand } from './transition-errand.ts';

/**
 * Step 5: a receiver gives the errand to a caregiver of the unit, or takes it from one and gives
 * it to another (the first is on leave). The caregiver must hold the caregiver role at this unit
 * in the HSA catalogue today.
 */
export async function assignErrand(
  ctx: UseCaseContext<StaffActor>,
  errandId: string,
  caregiverHsaId: string,
  /** Whether the caregiver's "an errand is yours" e-mail is sent; bulk routing sends one at the end. */
  { notify = true }: { notify?: boolean } = {},
) {
  const employee = await ctx.registers.findEmployee(caregiverHsaId);
  await transitionErrand(
    ctx,
    errandId,
    async (row) => {
      const roles = employee?.commissions.find((c) => c.unitHsaId === row.unit_hsa_id)?.roles ?? [];
      if (!roles.includes('caregiver')) {
        throw new AppError('validation-failed', undefined, [
          { path: 'body.caregiverHsaId', code: 'not-a-caregiver-here', message: 'is not a caregiver at this unit' },
        ]);
      }
      return { type: 'assign', caregiver: caregiverHsaId };
    },
    {
      role: 'receiver',
      accessAction: 'assign',
      // Names in the history come from our staff table; the caregiver may never have logged in.
      alsoWrite: async (trx) => {
        if (!employee) return;
        await upsertStaffMember(trx, {
          hsa_id: employee.hsaId,
          given_name: employee.name.given,
          family_name: employee.name.family,
          profession: employee.profession,
          updated_at: ctx.now,
        });
        if (notify) await notifyAssignee(trx, ctx.actor.hsaId, caregiverHsaId, errandId, ctx.now);
      },
    },
  );
}
