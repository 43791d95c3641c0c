import { randomUUID } from 'node:crypto';
import type { CustomErrandTypeDefinitionBody } from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import {
  findFormVersion,
  insertFormVersion,
  latestFormVersionNumber,
  upsertUnitErrandType,
} from '../../storage/repositories/errand-type.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { changeUnit, recordUnitChange, validationFailed } from '../units/unit-administration.ts';
import { parseCustomDefinition } from './custom-errand-type-definition.ts';
import { assertNotRetired, findCustomErrandType } from './present-unit-errand-type.ts';

/**
 * Changes a custom type's name, description and forms. Changed forms become a new version, which
 * citizens get from now on; errands already sent keep and show the version they were sent with.
 * With `baseVersion`, a change made meanwhile by another administrator is a 409, not overwritten.
 */
export async function changeCustomErrandType(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  errandType: string,
  input: CustomErrandTypeDefinitionBody,
  language: Language,
): Promise<{ id: string; version: number; newVersion: boolean }> {
  return changeUnit(ctx, unitHsaId, async (trx) => {
    const row = await findCustomErrandType(trx, unitHsaId, errandType);
    assertNotRetired(row);
    const current = row.current_version_id ? await findFormVersion(trx, row.current_version_id) : undefined;
    if (input.baseVersion !== undefined && input.baseVersion !== current?.version) {
      throw new AppError('conflict', 'changed-meanwhile');
    }
    const parsed = parseCustomDefinition(input, language);
    if (!parsed.ok) throw validationFailed(parsed.problems);

    const definition = JSON.stringify(parsed.citizenForm);
    const answerDefinition = JSON.stringify(parsed.answerForm);
    const formsChanged =
      !current || current.definition !== definition || current.answer_definition !== answerDefinition;
    let versionId = current?.id ?? null;
    let version = current?.version ?? 0;
    if (formsChanged) {
      versionId = randomUUID();
      version = (await latestFormVersionNumber(trx, unitHsaId, errandType)) + 1;
      await insertFormVersion(trx, {
        id: versionId,
        unit_hsa_id: unitHsaId,
        errand_type: errandType,
        version,
        definition,
        answer_definition: answerDefinition,
        created_at: ctx.now,
        created_by: ctx.actor.hsaId,
      });
    }
    await upsertUnitErrandType(trx, {
      ...row,
      current_version_id: versionId,
      name_sv: parsed.name.sv,
      name_en: parsed.name.en,
      description_sv: parsed.description.sv,
      description_en: parsed.description.en,
      updated_at: ctx.now,
      updated_by: ctx.actor.hsaId,
    });
    await recordUnitChange(trx, ctx, unitHsaId, {
      action: 'custom-errand-type-definition-changed',
      errandType,
      ...(formsChanged ? { formVersion: version } : {}),
    });
    return { id: errandType, version, newVersion: formsChanged };
  });
}
