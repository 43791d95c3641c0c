import type { FormAnswers, FormDefinition, FormField, Weekday } from '@kontakta/domain';
import type {
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference,
} from '@medplum/fhirtypes';
import { fhirTime, linkIdOf, optionSystem, weekdayCoding } from './fhir-vocabulary.ts';

// A submission (answers already checked against their definition) as a FHIR R4
// QuestionnaireResponse to the Questionnaire that formToQuestionnaire makes of the same
// definition: same linkIds, same option codings. Unanswered fields and hidden ones are left out.

export type QuestionnaireResponseMeta = {
  /** The Questionnaire's canonical URL (without version). */
  questionnaireUrl: string;
  version: number;
  /** When the answers were given, epoch milliseconds. */
  authored: number;
  /** Whom the answers are about, when the caller has that to give. */
  subject?: Reference;
};

type Answer = QuestionnaireResponseItemAnswer;

function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function choiceAnswer(field: FormField, value: string, linkId: string, url: string): Answer {
  const option = 'options' in field ? field.options.find((candidate) => candidate.value === value) : undefined;
  return {
    valueCoding: {
      system: optionSystem(url, linkId),
      code: value,
      ...(option ? { display: option.label.sv } : {}),
    },
  };
}

function answersOf(field: FormField, value: unknown, linkId: string, url: string): Answer[] {
  const list = Array.isArray(value) ? value : [value];
  switch (field.kind) {
    case 'short-text':
    case 'long-text':
    case 'phone':
      return typeof value === 'string' ? [{ valueString: value }] : [];
    case 'single-choice':
    case 'multiple-choice':
      return list.filter((v): v is string => typeof v === 'string').map((v) => choiceAnswer(field, v, linkId, url));
    case 'weekdays':
      return list
        .filter((v): v is Weekday => typeof v === 'string')
        .map((day) => ({ valueCoding: weekdayCoding(day) }));
    case 'date':
    case 'date-list':
      return list.filter((v): v is string => typeof v === 'string').map((date) => ({ valueDate: date }));
    case 'time':
      return typeof value === 'string' ? [{ valueTime: fhirTime(value) }] : [];
    case 'number':
      if (typeof value !== 'number') return [];
      return field.integer && Number.isInteger(value) ? [{ valueInteger: value }] : [{ valueDecimal: value }];
    case 'yes-no':
      return typeof value === 'boolean' ? [{ valueBoolean: value }] : [];
    default:
      return [];
  }
}

function itemsOf(
  fields: readonly FormField[],
  values: unknown,
  prefix: string,
  url: string,
): QuestionnaireResponseItem[] {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return [];
  const record = values as Record<string, unknown>;
  const out: QuestionnaireResponseItem[] = [];
  for (const field of fields) {
    if (field.kind === 'heading' || field.kind === 'info') continue;
    const value = Object.hasOwn(record, field.key) ? record[field.key] : undefined;
    if (isBlank(value)) continue;
    const linkId = linkIdOf(prefix, field.key);
    if (field.kind === 'group') {
      // A repeating group answers as one item per repeat, all with the group's linkId.
      for (const entry of Array.isArray(value) ? value : []) {
        const inner = itemsOf(field.fields, entry, linkId, url);
        if (inner.length > 0) out.push({ linkId, text: field.label.sv, item: inner });
      }
      continue;
    }
    const answer = answersOf(field, value, linkId, url);
    if (answer.length > 0) out.push({ linkId, text: field.label.sv, answer });
  }
  return out;
}

/** The answers as a completed QuestionnaireResponse (FHIR R4, JSON). */
export function answersToQuestionnaireResponse(
  definition: FormDefinition,
  answers: FormAnswers,
  meta: QuestionnaireResponseMeta,
): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    language: 'sv',
    questionnaire: `${meta.questionnaireUrl}|${meta.version}`,
    status: 'completed',
    authored: new Date(meta.authored).toISOString(),
    ...(meta.subject ? { subject: meta.subject } : {}),
    item: itemsOf(definition.fields, answers, '', meta.questionnaireUrl),
  };
}
