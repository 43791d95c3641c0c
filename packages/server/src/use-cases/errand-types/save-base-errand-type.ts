import { randomUUID } from 'node:crypto';
import { buildBaseErrandForms, type DefinitionProblem } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import {
  findFormVersion,
  findUnitErrandType,
  insertFormVersion,
  latestFormVersionNumber,
  upsertUnitErrandType,
} from '../../storage/repositories/errand-type.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';

export type BaseErrandTypeSettings = {
  enabled: boolean;
  options: unknown;
  openToProxies: boolean;
  citizenMayReply: boolean;
};

/**
 * Stores a unit's choice for one base errand type. When the forms that follow from the options
 * differ from the current version, a new immutable form version is written; errands already sent
 * keep pointing at theirs. Authorization is the caller's (the admin use case, or the demo seed).
 */
export async function saveBaseErrandType(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  errandType: string,
  settings: BaseErrandTypeSettings,
  now: number,
  by: string | null,
): Promise<
  { ok: true; versionId: string; version: number; newVersion: boolean } | { ok: false; problems: DefinitionProblem[] }
> {
  const forms = buildBaseErrandForms(errandType, settings.options);
  if (!forms.ok) return forms;
  const definition = JSON.stringify(forms.citizenForm);
  const answerDefinition = JSON.stringify(forms.answerForm);

  const existing = await findUnitErrandType(db, unitHsaId, errandType);
  const current = existing?.current_version_id ? await findFormVersion(db, existing.current_version_id) : undefined;
  let versionId = current?.id;
  let version = current?.version ?? 0;
  const changed = !current || current.definition !== definition || current.answer_definition !== answerDefinition;
  if (changed) {
    versionId = randomUUID();
    version = (await latestFormVersionNumber(db, unitHsaId, errandType)) + 1;
    await insertFormVersion(db, {
      id: versionId,
      unit_hsa_id: unitHsaId,
      errand_type: errandType,
      version,
      definition,
      answer_definition: answerDefinition,
      created_at: now,
      created_by: by,
    });
  }
  await upsertUnitErrandType(db, {
    unit_hsa_id: unitHsaId,
    errand_type: errandType,
    enabled: settings.enabled ? 1 : 0,
    options: JSON.stringify(forms.options),
    open_to_proxies: settings.openToProxies ? 1 : 0,
    citizen_may_reply: settings.citizenMayReply ? 1 : 0,
    current_version_id: versionId ?? null,
    name_sv: null,
    name_en: null,
    description_sv: null,
    description_en: null,
    retired_at: null,
    updated_at: now,
    updated_by: by,
  });
  return { ok: true, versionId: versionId as string, version, newVersion: changed };
}
