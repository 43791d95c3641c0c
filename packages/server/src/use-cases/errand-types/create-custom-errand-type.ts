import { randomUUID } from 'node:crypto';
import { type CreateCustomErrandTypeBody, MAX_CUSTOM_ERRAND_TYPES } from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import {
  insertFormVersion,
  listUnitErrandTypes,
  upsertUnitErrandType,
} from '../../storage/repositories/errand-type.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { changeUnit, recordUnitChange, validationFailed } from '../units/unit-administration.ts';
import { parseCustomDefinition } from './custom-errand-type-definition.ts';
import { CUSTOM_TYPE_PREFIX, isCustomErrandTypeId } from './present-unit-errand-type.ts';

/**
 * A unit's own errand type: its name and short description in both languages, the form citizens
 * fill in and the caregivers' answer form, stored as version 1.
 */
export async function createCustomErrandType(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  input: CreateCustomErrandTypeBody,
  language: Language,
): Promise<{ id: string; version: number; newVersion: boolean }> {
  return changeUnit(ctx, unitHsaId, async (trx) => {
    const parsed = parseCustomDefinition(input, language);
    if (!parsed.ok) throw validationFailed(parsed.problems);
    const existing = await listUnitErrandTypes(trx, unitHsaId);
    const active = existing.filter((row) => isCustomErrandTypeId(row.errand_type) && row.retired_at === null);
    if (active.length >= MAX_CUSTOM_ERRAND_TYPES) throw new AppError('conflict', 'custom-errand-type-limit-reached');

    const id = `${CUSTOM_TYPE_PREFIX}${randomUUID()}`;
    const versionId = randomUUID();
    await insertFormVersion(trx, {
      id: versionId,
      unit_hsa_id: unitHsaId,
      errand_type: id,
      version: 1,
      definition: JSON.stringify(parsed.citizenForm),
      answer_definition: JSON.stringify(parsed.answerForm),
      created_at: ctx.now,
      created_by: ctx.actor.hsaId,
    });
    await upsertUnitErrandType(trx, {
      unit_hsa_id: unitHsaId,
      errand_type: id,
      enabled: (input.enabled ?? true) ? 1 : 0,
      options: '{}',
      open_to_proxies: input.openToProxies ? 1 : 0,
      citizen_may_reply: input.citizenMayReply ? 1 : 0,
      current_version_id: versionId,
      name_sv: parsed.name.sv,
      name_en: parsed.name.en,
      description_sv: parsed.description.sv,
      description_en: parsed.description.en,
      retired_at: null,
      updated_at: ctx.now,
      updated_by: ctx.actor.hsaId,
    });
    await recordUnitChange(trx, ctx, unitHsaId, {
      action: 'custom-errand-type-created',
      errandType: id,
      formVersion: 1,
    });
    return { id, version: 1, newVersion: true };
  });
}
