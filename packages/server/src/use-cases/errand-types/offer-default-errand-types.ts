import { baseErrandTypes, defaultOffering } from '@kontakta/domain';
import type { Database } from '../../storage/database.ts';
import { listUnitErrandTypes } from '../../storage/repositories/errand-type.repository.ts';
import { findUnitSetting, upsertUnitSetting } from '../../storage/repositories/unit.repository.ts';
import { regionFrameOfUnit } from '../regions/region-frame.ts';
import { saveBaseErrandType } from './save-base-errand-type.ts';

/**
 * Gives units that have not configured anything yet the national base offering with default
 * options (the types that fit the unit's kind switched on, the rest there but off), and a
 * functional mailbox for "new errand" e-mails (the demo's units, a new region). Units an
 * administrator has already configured are left as they are.
 */
export async function offerDefaultErrandTypes(
  database: Database,
  units: ReadonlyArray<{ hsaId: string; kind: string; notificationEmail: string }>,
  now: number,
): Promise<number> {
  let configured = 0;
  for (const unit of units) {
    await database.db.transaction().execute(async (trx) => {
      if (!(await findUnitSetting(trx, unit.hsaId))) {
        await upsertUnitSetting(trx, {
          unit_hsa_id: unit.hsaId,
          notification_email: unit.notificationEmail,
          staff_names: 'full-name',
          updated_at: now,
          updated_by: null,
        });
      }
      if ((await listUnitErrandTypes(trx, unit.hsaId)).length > 0) return;
      const offered = new Set<string>(defaultOffering(unit.kind));
      // Within the region's base offering, from its defaults (national ones where it set none).
      const frame = await regionFrameOfUnit(trx, unit.hsaId);
      for (const type of baseErrandTypes) {
        const { allowed, openToProxies, citizenMayReply } = frame(type.id);
        const saved = await saveBaseErrandType(
          trx,
          unit.hsaId,
          type.id,
          { enabled: offered.has(type.id) && allowed, options: {}, openToProxies, citizenMayReply },
          now,
          null,
        );
        if (!saved.ok) throw new Error(`The default options of ${type.id} are invalid`);
      }
      configured += 1;
    });
  }
  return configured;
}
