import type { StaffActor } from '@kontakta/domain';
import { upsertUnitErrandType } from '../../storage/repositories/errand-type.repository.ts';
import type { UseCaseContext } from '../services.ts';
import { changeUnit, recordUnitChange } from '../units/unit-administration.ts';
import { assertNotRetired, findCustomErrandType } from './present-unit-errand-type.ts';

/**
 * Takes a custom type off the contact card for good. Its versions stay, so errands sent with it
 * still show their forms and can still be answered; it can no longer be opened, sent or changed.
 */
export async function retireCustomErrandType(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  errandType: string,
): Promise<void> {
  await changeUnit(ctx, unitHsaId, async (trx) => {
    const row = await findCustomErrandType(trx, unitHsaId, errandType);
    assertNotRetired(row);
    await upsertUnitErrandType(trx, {
      ...row,
      enabled: 0,
      retired_at: ctx.now,
      updated_at: ctx.now,
      updated_by: ctx.actor.hsaId,
    });
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'custom-errand-type-retired', errandType });
  });
}
