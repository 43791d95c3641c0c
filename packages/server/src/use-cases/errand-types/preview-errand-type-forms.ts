import type { FormPreview } from '@kontakta/contract';
import type { Language } from '@kontakta/domain';
import { buildBaseErrandForms, findBaseErrandType, type StaffActor } from '@kontakta/domain';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { assertUnitAdministrator } from '../units/unit-administration.ts';
import { optionErrors } from './configure-errand-type.ts';
import { parseCustomErrandForms } from './custom-errand-type-forms.ts';

// The form builder's live preview: the same checks as saving, nothing written. The answer is 200
// either way: problems are what the preview is for, not a failed request.

/** A custom type's forms as they would be saved, or every problem with them. */
export function previewCustomErrandForms(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  input: { citizenForm: unknown; answerForm?: unknown },
  language: Language,
): FormPreview {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  const parsed = parseCustomErrandForms(input, language);
  return parsed.ok
    ? { valid: true, problems: [], citizenForm: parsed.citizenForm, answerForm: parsed.answerForm }
    : { valid: false, problems: parsed.problems, citizenForm: null, answerForm: null };
}

/** A base type's forms for a set of options, as turning them on would build them. */
export function previewBaseErrandForms(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  errandType: string,
  options: unknown,
  language: Language,
): FormPreview {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  if (!findBaseErrandType(errandType)) throw new AppError('not-found', 'not-a-base-errand-type');
  const built = buildBaseErrandForms(errandType, options ?? {});
  return built.ok
    ? { valid: true, problems: [], citizenForm: built.citizenForm, answerForm: built.answerForm }
    : { valid: false, problems: optionErrors(built.problems, language), citizenForm: null, answerForm: null };
}
