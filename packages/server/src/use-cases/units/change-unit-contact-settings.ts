import type { UnitContactSettings, UnitContactSettingsBody } from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { listUnitErrandTypes } from '../../storage/repositories/errand-type.repository.ts';
import {
  replaceUnitReplyTimes,
  upsertUnitContactCard,
} from '../../storage/repositories/unit-contact-card.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import type { UseCaseContext } from '../services.ts';
import { checkContactSettings } from './contact-card-validation.ts';
import { offeredTypes, readUnitContactSettings } from './show-unit-contact-settings.ts';
import { changeUnit, recordUnitChange, validationFailed } from './unit-administration.ts';

/**
 * Sets the contact card's phone, visiting address, opening hours, description and reply times,
 * all at once (the form shows them together), and records the change in the unit's change log.
 */
export async function changeUnitContactSettings(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  input: UnitContactSettingsBody,
  language: Language,
): Promise<UnitContactSettings> {
  return changeUnit(ctx, unitHsaId, (trx) => writeUnitContactSettings(trx, ctx, unitHsaId, input, language));
}

/** The change itself, inside a unit change's transaction (`changeUnit`); also the settings page's one save. */
export async function writeUnitContactSettings(
  trx: Kysely<DatabaseSchema>,
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  input: UnitContactSettingsBody,
  language: Language,
): Promise<UnitContactSettings> {
  const types = new Set(offeredTypes(await listUnitErrandTypes(trx, unitHsaId)).map((type) => type.errandType));
  const checked = checkContactSettings(input, types, language);
  if (!checked.ok) throw validationFailed(checked.errors);
  const settings = checked.value;
  await upsertUnitContactCard(trx, {
    unit_hsa_id: unitHsaId,
    phone: settings.phone,
    visiting_street: settings.visitingAddress?.street ?? null,
    visiting_postal_code: settings.visitingAddress?.postalCode ?? null,
    visiting_city: settings.visitingAddress?.city ?? null,
    opening_hours: JSON.stringify(settings.openingDays),
    opening_hours_note: settings.openingNote,
    description_sv: settings.description?.sv ?? null,
    description_en: settings.description?.en ?? null,
    updated_at: ctx.now,
    updated_by: ctx.actor.hsaId,
  });
  await replaceUnitReplyTimes(
    trx,
    unitHsaId,
    settings.replyTimes.map((reply) => ({
      unit_hsa_id: unitHsaId,
      errand_type: reply.errandType,
      amount: reply.amount,
      unit: reply.unit,
      updated_at: ctx.now,
    })),
  );
  await recordUnitChange(trx, ctx, unitHsaId, { action: 'contact-card-changed' });
  return readUnitContactSettings(trx, unitHsaId);
}
