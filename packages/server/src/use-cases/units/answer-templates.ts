import { randomUUID } from 'node:crypto';
import {
  type AnswerTemplate,
  type AnswerTemplateBody,
  type FieldError,
  MAX_ANSWER_TEMPLATES,
} from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import { serverTexts } from '../../i18n/server-texts.ts';
import {
  type AnswerTemplateRow,
  deleteAnswerTemplate,
  findAnswerTemplate,
  insertAnswerTemplate,
  listAnswerTemplates,
  updateAnswerTemplate,
} from '../../storage/repositories/answer-template.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { assertUnitAdministrator, changeUnit, recordUnitChange, validationFailed } from './unit-administration.ts';

// A unit's standard answers: its administrators keep them (every change in the change log);
// anyone working at the unit inserts one into an answer and edits it there.

function present(row: AnswerTemplateRow): AnswerTemplate {
  return {
    id: row.id,
    title: { sv: row.title_sv, en: row.title_en },
    text: { sv: row.text_sv, en: row.text_en },
    errandTypes: JSON.parse(row.errand_types) as string[],
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

// Control characters other than line breaks and tabs (which a multi-line text may hold).
const CONTROL_CHARACTERS = /(?![\n\r\t])\p{Cc}/u;
const MESSAGES = {
  blank: 'field.answer-template.blank',
  characters: 'field.answer-template.characters',
} as const;

/** Swedish is required; English may be left out (blank counts as left out). Line breaks are fine in the text. */
function checkTemplate(input: AnswerTemplateBody, language: Language) {
  const errors: FieldError[] = [];
  for (const part of ['title', 'text'] as const) {
    for (const lang of ['sv', 'en'] as const) {
      const value = input[part][lang];
      const path = `body.${part}.${lang}`;
      if (lang === 'sv' && (value ?? '').trim() === '') {
        errors.push({ path, code: 'blank-text', message: serverTexts(language)(MESSAGES.blank) });
      } else if (value !== undefined && CONTROL_CHARACTERS.test(value)) {
        errors.push({ path, code: 'invalid-characters', message: serverTexts(language)(MESSAGES.characters) });
      }
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  const optional = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    title_sv: input.title.sv.trim(),
    title_en: optional(input.title.en),
    text_sv: input.text.sv.trim(),
    text_en: optional(input.text.en),
    errand_types: JSON.stringify(input.errandTypes),
  };
}

export async function listUnitAnswerTemplates(ctx: UseCaseContext<StaffActor>, unitHsaId: string) {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  return { items: (await listAnswerTemplates(ctx.database.db, unitHsaId)).map(present) };
}

export async function addAnswerTemplate(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  input: AnswerTemplateBody,
  language: Language,
): Promise<AnswerTemplate> {
  return changeUnit(ctx, unitHsaId, async (trx) => {
    const checked = checkTemplate(input, language);
    if ((await listAnswerTemplates(trx, unitHsaId)).length >= MAX_ANSWER_TEMPLATES) {
      throw new AppError('conflict', 'answer-template-limit-reached');
    }
    const row: AnswerTemplateRow = {
      id: randomUUID(),
      unit_hsa_id: unitHsaId,
      ...checked,
      updated_at: ctx.now,
      updated_by: ctx.actor.hsaId,
    };
    await insertAnswerTemplate(trx, row);
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'answer-template-added' });
    return present(row);
  });
}

export async function changeAnswerTemplate(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  templateId: string,
  input: AnswerTemplateBody,
  language: Language,
): Promise<AnswerTemplate> {
  return changeUnit(ctx, unitHsaId, async (trx) => {
    const row = await findAnswerTemplate(trx, unitHsaId, templateId);
    if (!row) throw new AppError('not-found');
    const changes = { ...checkTemplate(input, language), updated_at: ctx.now, updated_by: ctx.actor.hsaId };
    await updateAnswerTemplate(trx, unitHsaId, templateId, changes);
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'answer-template-changed' });
    return present({ ...row, ...changes });
  });
}

export async function removeAnswerTemplate(ctx: UseCaseContext<StaffActor>, unitHsaId: string, templateId: string) {
  await changeUnit(ctx, unitHsaId, async (trx) => {
    if (!(await findAnswerTemplate(trx, unitHsaId, templateId))) throw new AppError('not-found');
    await deleteAnswerTemplate(trx, unitHsaId, templateId);
    await recordUnitChange(trx, ctx, unitHsaId, { action: 'answer-template-removed' });
  });
}

/**
 * The standard answers at the staff member's unit for an errand type (those for every type too),
 * for anyone working there; other units' never.
 */
export async function answerTemplatesForErrandType(ctx: UseCaseContext<StaffActor>, errandType: string | undefined) {
  const unitHsaId = ctx.actor.unitHsaId;
  if (!unitHsaId) throw new AppError('forbidden', 'no-unit-chosen');
  const all = (await listAnswerTemplates(ctx.database.db, unitHsaId)).map(present);
  return {
    items: all.filter(
      (template) =>
        template.errandTypes.length === 0 || errandType === undefined || template.errandTypes.includes(errandType),
    ),
  };
}
