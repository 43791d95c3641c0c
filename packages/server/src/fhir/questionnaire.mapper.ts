import {
  type DateLimit,
  DEFAULT_LONG_TEXT_MAX_LENGTH,
  DEFAULT_SHORT_TEXT_MAX_LENGTH,
  DEFAULT_WEEKDAYS,
  type FieldCondition,
  type FormDefinition,
  type FormField,
  type LocalizedText,
} from '@kontakta/domain';
import type {
  Extension,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireItemEnableWhen,
} from '@medplum/fhirtypes';
import {
  EXTENSION,
  itemControl,
  linkIdOf,
  optionSystem,
  type TranslatedElement,
  translationOf,
  weekdayCoding,
} from './fhir-vocabulary.ts';

// A form definition as a FHIR R4 Questionnaire, so that a region's other systems (and national
// services) can read what a unit asks. Each field becomes an item whose linkId is its key path
// (`medicines.name`); conditions become enableWhen; limits become the core and SDC extensions.
// Relative date limits ("not before today") have no plain R4 form and are left out.

export type QuestionnaireMeta = {
  /** Canonical URL of this unit's form for this errand type; versions share it. */
  url: string;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  status: 'active' | 'retired';
  /** When the version was created, epoch milliseconds. */
  date: number;
  /** The care unit's name. */
  publisher: string;
};

type Item = QuestionnaireItem & { _text?: TranslatedElement };
type Level = { fields: readonly FormField[]; prefix: string };

function texts(text: LocalizedText): { text: string; _text: TranslatedElement } {
  return { text: text.sv, _text: translationOf(text) };
}

function occurs(min: number | undefined, max: number | undefined): Extension[] {
  return [
    ...(min !== undefined ? [{ url: EXTENSION.minOccurs, valueInteger: min }] : []),
    ...(max !== undefined ? [{ url: EXTENSION.maxOccurs, valueInteger: max }] : []),
  ];
}

function dateLimits(field: { earliest?: DateLimit; latest?: DateLimit }): Extension[] {
  const out: Extension[] = [];
  if (field.earliest && 'date' in field.earliest) out.push({ url: EXTENSION.minValue, valueDate: field.earliest.date });
  if (field.latest && 'date' in field.latest) out.push({ url: EXTENSION.maxValue, valueDate: field.latest.date });
  return out;
}

/** Where a condition's key resolves: the innermost level that has it, then outwards. */
function resolve(key: string, levels: readonly Level[]): { field: FormField; linkId: string } | undefined {
  for (const level of levels) {
    const field = level.fields.find((candidate) => candidate.key === key);
    if (field) return { field, linkId: linkIdOf(level.prefix, key) };
  }
  return undefined;
}

function enableWhen(
  condition: FieldCondition,
  levels: readonly Level[],
  url: string,
): QuestionnaireItemEnableWhen | undefined {
  let target = resolve(condition.kind === 'has-value' ? condition.field : condition.group, levels);
  if (target && condition.kind === 'any-item-has-value') {
    if (target.field.kind !== 'group') return undefined;
    const child = target.field.fields.find((candidate) => candidate.key === condition.field);
    target = child ? { field: child, linkId: linkIdOf(target.linkId, child.key) } : undefined;
  }
  if (!target) return undefined;
  // A repeating choice "has" a value when any of its answers is that value: FHIR's `=` on repeats.
  return typeof condition.value === 'boolean'
    ? { question: target.linkId, operator: '=', answerBoolean: condition.value }
    : {
        question: target.linkId,
        operator: '=',
        answerCoding: { system: optionSystem(url, target.linkId), code: condition.value },
      };
}

function options(
  field: FormField & { options: { value: string; label: LocalizedText }[] },
  linkId: string,
  url: string,
) {
  return field.options.map(
    (option): QuestionnaireItemAnswerOption => ({
      valueCoding: {
        system: optionSystem(url, linkId),
        code: option.value,
        display: option.label.sv,
        _display: translationOf(option.label),
      } as QuestionnaireItemAnswerOption['valueCoding'],
    }),
  );
}

/** The kind-specific part of an item. */
function kindPart(field: FormField, linkId: string, levels: readonly Level[], url: string): Partial<Item> {
  switch (field.kind) {
    case 'short-text':
    case 'long-text': {
      const defaultMax = field.kind === 'long-text' ? DEFAULT_LONG_TEXT_MAX_LENGTH : DEFAULT_SHORT_TEXT_MAX_LENGTH;
      return {
        type: field.kind === 'long-text' ? 'text' : 'string',
        maxLength: field.maxLength ?? defaultMax,
        ...(field.minLength ? { extension: [{ url: EXTENSION.minLength, valueInteger: field.minLength }] } : {}),
      };
    }
    case 'single-choice':
      return {
        type: 'choice',
        answerOption: options(field, linkId, url),
        extension: field.display ? [itemControl(field.display === 'dropdown' ? 'drop-down' : 'radio-button')] : [],
      };
    case 'multiple-choice':
      return {
        type: 'choice',
        repeats: true,
        answerOption: options(field, linkId, url),
        extension: [itemControl('check-box'), ...occurs(field.minSelected, field.maxSelected)],
      };
    case 'date':
      return { type: 'date', extension: dateLimits(field) };
    case 'date-list':
      return {
        type: 'date',
        repeats: true,
        extension: [...dateLimits(field), ...occurs(field.minItems, field.maxItems)],
      };
    case 'weekdays':
      return {
        type: 'choice',
        repeats: true,
        answerOption: (field.days ?? DEFAULT_WEEKDAYS).map((day) => ({ valueCoding: weekdayCoding(day) })),
        extension: [itemControl('check-box')],
      };
    case 'time':
      return { type: 'time' };
    case 'number': {
      const integer = field.integer === true;
      const bound = (extensionUrl: string, value: number): Extension =>
        integer ? { url: extensionUrl, valueInteger: value } : { url: extensionUrl, valueDecimal: value };
      return {
        type: integer ? 'integer' : 'decimal',
        extension: [
          ...(field.min !== undefined ? [bound(EXTENSION.minValue, field.min)] : []),
          ...(field.max !== undefined ? [bound(EXTENSION.maxValue, field.max)] : []),
          ...(field.unit ? [{ url: EXTENSION.unit, valueCoding: { display: field.unit.sv } }] : []),
        ],
      };
    }
    case 'yes-no':
      return { type: 'boolean' };
    case 'phone':
      return { type: 'string', maxLength: 40 };
    case 'group': {
      const inner: Level[] = [{ fields: field.fields, prefix: linkId }, ...levels];
      return {
        type: 'group',
        ...(field.maxItems > 1 ? { repeats: true } : {}),
        ...((field.minItems ?? 0) > 0 ? { required: true } : {}),
        extension: occurs(field.minItems, field.maxItems),
        item: field.fields.map((child) => toItem(child, inner, url)),
      };
    }
    case 'heading':
    case 'info':
      return { type: 'display' };
  }
}

function toItem(field: FormField, levels: readonly Level[], url: string): Item {
  const linkId = linkIdOf(levels[0]?.prefix ?? '', field.key);
  const label = field.kind === 'info' ? field.text : field.label;
  const part = kindPart(field, linkId, levels, url);
  const when = field.condition ? enableWhen(field.condition, levels, url) : undefined;
  const help: Item[] =
    'help' in field && field.help
      ? [{ linkId: `${linkId}-help`, type: 'display', ...texts(field.help), extension: [itemControl('help')] }]
      : [];
  const { extension = [], item = [], ...rest } = part;
  return {
    linkId,
    ...texts(label),
    ...rest,
    ...('required' in field && field.required ? { required: true } : {}),
    ...(when ? { enableWhen: [when] } : {}),
    ...(extension.length > 0 ? { extension } : {}),
    ...(item.length + help.length > 0 ? { item: [...help, ...item] } : {}),
  } as Item;
}

/** The whole definition as a Questionnaire resource (FHIR R4, JSON). */
export function formToQuestionnaire(definition: FormDefinition, meta: QuestionnaireMeta): Questionnaire {
  const levels: Level[] = [{ fields: definition.fields, prefix: '' }];
  return {
    resourceType: 'Questionnaire',
    language: 'sv',
    url: meta.url,
    version: String(meta.version),
    title: meta.title.sv,
    _title: translationOf(meta.title),
    status: meta.status,
    subjectType: ['Patient'],
    date: new Date(meta.date).toISOString(),
    publisher: meta.publisher,
    ...(meta.description ? { description: meta.description.sv, _description: translationOf(meta.description) } : {}),
    item: definition.fields.map((field) => toItem(field, levels, meta.url)),
  } as Questionnaire;
}
