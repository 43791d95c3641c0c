import type { FormDefinition, StaffActor } from '@kontakta/domain';
import type { Questionnaire } from '@medplum/fhirtypes';
import { formToQuestionnaire } from '../../fhir/questionnaire.mapper.ts';
import { serverTexts } from '../../i18n/server-texts.ts';
import { findFormVersionByNumber } from '../../storage/repositories/errand-type.repository.ts';
import { findCareUnit } from '../../storage/repositories/unit.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { assertUnitAdministrator } from '../units/unit-administration.ts';
import { findAdministeredErrandType, presentUnitErrandType } from './present-unit-errand-type.ts';

/**
 * The canonical URL of a unit's form for one errand type; all its versions share it. An
 * identifier for other systems, not an address Kontakta serves.
 */
export function questionnaireUrl(publicUrl: string, unitHsaId: string, errandType: string): string {
  return `${publicUrl.replace(/\/$/, '')}/fhir/Questionnaire/${unitHsaId}/${errandType}`;
}

/** One version of a unit's citizen form (or answer form) as a FHIR R4 Questionnaire. */
export async function exportQuestionnaire(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  errandType: string,
  version: number,
  form: 'citizen' | 'answer',
): Promise<Questionnaire> {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  const { db } = ctx.database;
  const { row } = await findAdministeredErrandType(db, unitHsaId, errandType);
  const unit = await findCareUnit(db, unitHsaId);
  const stored = await findFormVersionByNumber(db, unitHsaId, errandType, version);
  if (!row || !stored || !unit) throw new AppError('not-found');
  const summary = presentUnitErrandType(row, null);
  const answerTitle = {
    sv: serverTexts('sv')('questionnaire.answer-title', { name: summary.name.sv }),
    en: serverTexts('en')('questionnaire.answer-title', { name: summary.name.en }),
  };
  const definition = JSON.parse(form === 'answer' ? stored.answer_definition : stored.definition) as FormDefinition;
  const base = questionnaireUrl(ctx.config.publicUrl, unitHsaId, errandType);
  return formToQuestionnaire(definition, {
    url: form === 'answer' ? `${base}/answer` : base,
    version,
    title: form === 'answer' ? answerTitle : summary.name,
    description: summary.description,
    status: row.retired_at === null ? 'active' : 'retired',
    date: stored.created_at,
    publisher: unit.name,
  });
}
