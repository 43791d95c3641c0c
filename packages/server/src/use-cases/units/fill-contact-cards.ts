import type { Database } from '../../storage/database.ts';
import { listUnitErrandTypes } from '../../storage/repositories/errand-type.repository.ts';
import {
  findUnitContactCard,
  replaceUnitReplyTimes,
  upsertUnitContactCard,
} from '../../storage/repositories/unit-contact-card.repository.ts';

export type ContactCardContent = Readonly<{
  unitHsaId: string;
  phone: string;
  openingDays: ReadonlyArray<Readonly<{ day: string; opens: string; closes: string }>>;
  openingNote: string | null;
  description: Readonly<{ sv: string; en: string }>;
  /** By errand type; types the unit does not have are skipped. */
  replyTimes: Readonly<Partial<Record<string, Readonly<{ amount: number; unit: 'working-days' | 'working-hours' }>>>>;
}>;

/**
 * Gives units whose contact card nobody has filled in yet this content (the demo's units).
 * A card an administrator has saved is left as it is.
 */
export async function fillContactCards(
  database: Database,
  cards: readonly ContactCardContent[],
  now: number,
): Promise<number> {
  let filled = 0;
  for (const card of cards) {
    await database.db.transaction().execute(async (trx) => {
      if (await findUnitContactCard(trx, card.unitHsaId)) return;
      await upsertUnitContactCard(trx, {
        unit_hsa_id: card.unitHsaId,
        phone: card.phone,
        visiting_street: null,
        visiting_postal_code: null,
        visiting_city: null,
        opening_hours: JSON.stringify(card.openingDays),
        opening_hours_note: card.openingNote,
        description_sv: card.description.sv,
        description_en: card.description.en,
        updated_at: now,
        updated_by: null,
      });
      const types = new Set((await listUnitErrandTypes(trx, card.unitHsaId)).map((row) => row.errand_type));
      await replaceUnitReplyTimes(
        trx,
        card.unitHsaId,
        Object.entries(card.replyTimes).flatMap(([errandType, reply]) =>
          reply && types.has(errandType)
            ? [{ unit_hsa_id: card.unitHsaId, errand_type: errandType, ...reply, updated_at: now }]
            : [],
        ),
      );
      filled += 1;
    });
  }
  return filled;
}
