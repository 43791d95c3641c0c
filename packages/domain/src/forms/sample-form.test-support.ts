import { withTexts } from './answer-text.test-support.ts';
import { type AnswerValidationResult, validateAnswers } from './answer-validator.ts';
import type { FormDefinition, LocalizedText } from './form-definition.schema.ts';

// A form with every kind of field, conditions of every sort and a repeating group, shared by the
// answer validator's tests.

export const t = (sv: string, en: string): LocalizedText => ({ sv, en });
export const today = '2025-05-12';

export const form: FormDefinition = {
  formatVersion: 1,
  fields: [
    { kind: 'heading', key: 'intro', label: t('Om dig', 'About you') },
    { kind: 'short-text', key: 'name', label: t('Namn', 'Name'), required: true, maxLength: 10 },
    { kind: 'long-text', key: 'story', label: t('Berättelse', 'Story'), minLength: 3, maxLength: 20 },
    {
      kind: 'single-choice',
      key: 'kind',
      label: t('Typ', 'Kind'),
      messageName: t('typ', 'a kind'),
      required: true,
      options: [
        { value: 'a', label: t('A', 'A') },
        { value: 'b', label: t('B', 'B') },
      ],
    },
    {
      kind: 'short-text',
      key: 'onlyForB',
      label: t('Bara för B', 'Only for B'),
      required: true,
      condition: { kind: 'has-value', field: 'kind', value: 'b' },
    },
    {
      kind: 'multiple-choice',
      key: 'colours',
      label: t('Färger', 'Colours'),
      maxSelected: 2,
      options: [
        { value: 'red', label: t('Röd', 'Red') },
        { value: 'green', label: t('Grön', 'Green') },
        { value: 'blue', label: t('Blå', 'Blue') },
      ],
    },
    {
      kind: 'date',
      key: 'when',
      label: t('Datum', 'Date'),
      earliest: { daysFromToday: 0 },
      latest: { daysFromToday: 30 },
    },
    { kind: 'date-list', key: 'dates', label: t('Datum som inte passar', 'Dates'), maxItems: 3 },
    { kind: 'weekdays', key: 'days', label: t('Dagar', 'Days') },
    { kind: 'time', key: 'at', label: t('Klockslag', 'Time') },
    { kind: 'number', key: 'count', label: t('Antal', 'Count'), integer: true, min: 1, max: 5 },
    { kind: 'yes-no', key: 'agree', label: t('Håller du med?', 'Do you agree?') },
    { kind: 'phone', key: 'phone', label: t('Telefonnummer', 'Phone number') },
    {
      kind: 'group',
      key: 'items',
      label: t('Saker', 'Things'),
      itemNoun: { one: t('sak', 'thing'), other: t('saker', 'things') },
      maxItems: 3,
      fields: [
        { kind: 'short-text', key: 'title', label: t('Titel', 'Title'), required: true },
        { kind: 'yes-no', key: 'special', label: t('Särskild?', 'Special?'), required: true },
        {
          kind: 'short-text',
          key: 'why',
          label: t('Varför', 'Why'),
          required: true,
          condition: { kind: 'has-value', field: 'special', value: true },
        },
        {
          kind: 'short-text',
          key: 'bNote',
          label: t('Anteckning för B', 'Note for B'),
          condition: { kind: 'has-value', field: 'kind', value: 'b' },
        },
      ],
    },
    {
      kind: 'short-text',
      key: 'specialNote',
      label: t('Om det särskilda', 'About the special ones'),
      required: true,
      condition: { kind: 'any-item-has-value', group: 'items', field: 'special', value: true },
    },
  ],
};

export const minimal = { name: 'Anna', kind: 'a' };

export function validate(answers: unknown, definition: FormDefinition = form): AnswerValidationResult {
  return validateAnswers(definition, answers, { today });
}

/** The errors as returned: messages as catalogue ids with values. */
export function rawErrorsOf(answers: unknown, definition: FormDefinition = form) {
  const result = validate(answers, definition);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

/** The errors with their messages written out in Swedish and English by the shipped catalogue. */
export function errorsOf(answers: unknown, definition: FormDefinition = form) {
  return withTexts(rawErrorsOf(answers, definition));
}

export function codes(answers: unknown) {
  return errorsOf(answers).map((error) => `${error.path}:${error.code}`);
}
