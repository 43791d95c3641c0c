import type { FieldError } from '@kontakta/contract';
import type { FormDefinition, Language, LocalizedText } from '@kontakta/domain';
import { plainTextProblems, trimmed } from '../units/unit-administration.ts';
import { parseCustomErrandForms } from './custom-errand-type-forms.ts';

// What an administrator sends for a custom errand type (name, short description and the two
// forms), checked as a whole so that every problem is reported at once.

export type CustomDefinitionInput = {
  name: LocalizedText;
  description: LocalizedText;
  citizenForm: unknown;
  answerForm?: unknown;
};

export type ParsedCustomDefinition =
  | {
      ok: true;
      name: LocalizedText;
      description: LocalizedText;
      citizenForm: FormDefinition;
      answerForm: FormDefinition;
    }
  | { ok: false; problems: FieldError[] };

export function parseCustomDefinition(input: CustomDefinitionInput, language: Language): ParsedCustomDefinition {
  const problems: FieldError[] = [
    ...plainTextProblems('body.name', input.name, language),
    ...plainTextProblems('body.description', input.description, language),
  ];
  const forms = parseCustomErrandForms(input, language);
  if (!forms.ok) problems.push(...forms.problems);
  if (problems.length > 0 || !forms.ok) return { ok: false, problems };
  return {
    ok: true,
    name: trimmed(input.name),
    description: trimmed(input.description),
    citizenForm: forms.citizenForm,
    answerForm: forms.answerForm,
  };
}
