import type { FieldError } from '@kontakta/contract';
import type { Language } from '@kontakta/domain';
import { buildBaseErrandForms, type FormDefinition, type FormField, parseFormDefinition } from '@kontakta/domain';
import { type ServerMessageId, serverTexts } from '../../i18n/server-texts.ts';
import { problemFieldErrors } from '../units/unit-administration.ts';

// The two forms of a custom errand type, checked the way they will be stored. The answer form
// always ends like every national answer form: a free-text message to the citizen and whether
// they may reply (the server reads `citizenMayReply` when an answer is sent). A unit that writes
// no answer form gets exactly those two fields; one that does gets them appended when missing.

export const CLOSING_FIELD_KINDS = { message: 'long-text', citizenMayReply: 'yes-no' } as const;
type ClosingKey = keyof typeof CLOSING_FIELD_KINDS;

let closingFields: FormField[] | undefined;

/** The closing fields of the national answer forms, taken from one so they read the same everywhere. */
export function answerClosingFields(): FormField[] {
  if (!closingFields) {
    const built = buildBaseErrandForms('contact-me', {});
    if (!built.ok) throw new Error('The national answer form could not be built');
    closingFields = built.answerForm.fields.filter((field) => field.key in CLOSING_FIELD_KINDS);
    if (closingFields.length !== 2) throw new Error('The national answer form lost its closing fields');
  }
  return structuredClone(closingFields);
}

export function defaultCustomAnswerForm(): FormDefinition {
  return { formatVersion: 1, fields: answerClosingFields() };
}

export type CustomForms = { citizenForm: FormDefinition; answerForm: FormDefinition };
export type CustomFormsResult = ({ ok: true } & CustomForms) | { ok: false; problems: FieldError[] };

const WRONG_KIND: Readonly<Record<ClosingKey, ServerMessageId>> = {
  message: 'field.errand-type.message-kind',
  citizenMayReply: 'field.errand-type.citizen-may-reply-kind',
};

function withClosingFields(form: FormDefinition, path: string, language: Language): CustomFormsResult | FormDefinition {
  const problems: FieldError[] = [];
  const present = new Set<string>();
  form.fields.forEach((field, index) => {
    if (!(field.key in CLOSING_FIELD_KINDS)) return;
    const key = field.key as ClosingKey;
    present.add(key);
    if (field.kind !== CLOSING_FIELD_KINDS[key]) {
      problems.push({
        path: `${path}.fields[${index}].kind`,
        code: 'reserved-answer-field',
        message: serverTexts(language)(WRONG_KIND[key]),
      });
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  const missing = answerClosingFields().filter((field) => !present.has(field.key));
  return { ...form, fields: [...form.fields, ...missing] };
}

/**
 * Checks a custom type's citizen form and answer form as an administrator sent them; on success,
 * deep copies exactly as they will be stored (the answer form with its closing fields).
 */
export function parseCustomErrandForms(
  input: { citizenForm: unknown; answerForm?: unknown },
  language: Language,
  prefix = 'body',
): CustomFormsResult {
  const problems: FieldError[] = [];
  const citizen = parseFormDefinition(input.citizenForm);
  if (!citizen.ok) problems.push(...problemFieldErrors(`${prefix}.citizenForm`, citizen.problems, language));

  let answerForm: FormDefinition | undefined;
  if (input.answerForm === undefined || input.answerForm === null) {
    answerForm = defaultCustomAnswerForm();
  } else {
    const answer = parseFormDefinition(input.answerForm);
    if (!answer.ok) {
      problems.push(...problemFieldErrors(`${prefix}.answerForm`, answer.problems, language));
    } else {
      const completed = withClosingFields(answer.value, `${prefix}.answerForm`, language);
      if ('ok' in completed) {
        if (!completed.ok) problems.push(...completed.problems);
      } else {
        // Appending may take a full form past its limits; say so at the answer form.
        const recheck = parseFormDefinition(completed);
        if (recheck.ok) answerForm = completed;
        else problems.push(...problemFieldErrors(`${prefix}.answerForm`, recheck.problems, language));
      }
    }
  }
  if (problems.length > 0 || !citizen.ok || !answerForm) return { ok: false, problems };
  return { ok: true, citizenForm: structuredClone(citizen.value), answerForm: structuredClone(answerForm) };
}
