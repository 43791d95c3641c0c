import {
  type DateLimit,
  DEFAULT_WEEKDAYS,
  type FieldCondition,
  type FormDefinition,
  type FormField,
  WEEKDAYS,
} from '@kontakta/domain';
import {
  BUILDER_KINDS,
  type BuilderCondition,
  type BuilderField,
  type BuilderKind,
  type BuilderLimits,
  type DateBound,
  EMPTY,
  withoutCopiedEnglish as local,
  NO_BOUND,
  sameDays,
} from './form-builder-model.ts';

// A stored definition back into the builder's questions, when the builder can edit all of it;
// otherwise undefined, and the page says the form is left to the API rather than lose anything.

/** What the builder can edit, per kind; a stored definition with anything else is left to the API. */
const EDITABLE_PROPERTIES: Readonly<Record<BuilderKind, readonly string[]>> = {
  'short-text': ['minLength', 'maxLength'],
  'long-text': ['minLength', 'maxLength'],
  'single-choice': ['options', 'display'],
  'multiple-choice': ['options', 'minSelected', 'maxSelected'],
  'yes-no': [],
  date: ['earliest', 'latest'],
  'date-list': ['earliest', 'latest', 'minItems', 'maxItems'],
  weekdays: ['days'],
  time: [],
  number: ['min', 'max', 'integer', 'unit'],
  phone: [],
  heading: [],
  info: ['text'],
  group: ['itemNoun', 'minItems', 'maxItems', 'fields'],
};
const COMMON_PROPERTIES = new Set(['kind', 'key', 'label', 'staffLabel', 'help', 'required', 'condition']);

function isBuilderKind(kind: string): kind is BuilderKind {
  return (BUILDER_KINDS as readonly string[]).includes(kind);
}

function editable(field: FormField): field is FormField & { kind: BuilderKind } {
  if (!isBuilderKind(field.kind)) return false;
  const own = new Set(EDITABLE_PROPERTIES[field.kind]);
  return Object.keys(field).every((name) => COMMON_PROPERTIES.has(name) || own.has(name));
}

const text = (value: number | undefined) => (value === undefined ? '' : String(value));

function bound(limit: DateLimit | undefined): DateBound {
  if (!limit) return NO_BOUND;
  return 'date' in limit ? { mode: 'date', value: limit.date } : { mode: 'days', value: String(limit.daysFromToday) };
}

function limitsFrom(field: FormField): BuilderLimits {
  const has = <K extends string>(name: K) =>
    name in field ? (field as unknown as Record<K, number | undefined>)[name] : undefined;
  return {
    minLength: text(has('minLength')),
    maxLength: text(has('maxLength')),
    min: text(has('min')),
    max: text(has('max')),
    minSelected: text(has('minSelected')),
    maxSelected: text(has('maxSelected')),
    minItems: text(has('minItems')),
    maxItems: text(has('maxItems')),
    earliest: 'earliest' in field ? bound(field.earliest) : NO_BOUND,
    latest: 'latest' in field ? bound(field.latest) : NO_BOUND,
    integer: field.kind === 'number' && field.integer === true,
    unit: field.kind === 'number' && field.unit ? local(field.unit) : EMPTY,
    days:
      field.kind === 'weekdays' && field.days ? WEEKDAYS.filter((day) => field.days?.includes(day)) : DEFAULT_WEEKDAYS,
  };
}

function conditionFrom(condition: FieldCondition | undefined): BuilderCondition | null {
  if (!condition) return null;
  const value = typeof condition.value === 'boolean' ? (condition.value ? 'yes' : 'no') : condition.value;
  return condition.kind === 'any-item-has-value'
    ? { field: condition.field, value, group: condition.group }
    : { field: condition.field, value };
}

function fieldFrom(field: FormField): BuilderField | undefined {
  if (!editable(field)) return undefined;
  // Weekdays stored out of the week's order would be reordered by the builder: leave them to the API.
  if (field.kind === 'weekdays' && field.days && !sameDays(limitsFrom(field).days, field.days)) return undefined;
  let fields: BuilderField[] = [];
  if (field.kind === 'group') {
    const children = fromDefinition({ formatVersion: 1, fields: field.fields });
    if (!children) return undefined;
    fields = children;
  }
  return {
    key: field.key,
    kind: field.kind,
    label: 'label' in field ? local(field.label) : EMPTY,
    staffLabel: 'staffLabel' in field && field.staffLabel ? local(field.staffLabel) : EMPTY,
    help: 'help' in field && field.help ? local(field.help) : EMPTY,
    text: field.kind === 'info' ? local(field.text) : EMPTY,
    required: 'required' in field && field.required === true,
    options: 'options' in field ? field.options.map((option) => ({ ...option, label: local(option.label) })) : [],
    display: field.kind === 'single-choice' && field.display === 'dropdown' ? 'dropdown' : 'radio',
    condition: conditionFrom(field.condition),
    limits: limitsFrom(field),
    itemNoun:
      field.kind === 'group' && field.itemNoun
        ? { one: local(field.itemNoun.one), other: local(field.itemNoun.other) }
        : { one: EMPTY, other: EMPTY },
    fields,
  };
}

/** The builder's questions for a stored definition, or undefined if it uses what the builder cannot edit. */
export function fromDefinition(definition: FormDefinition): BuilderField[] | undefined {
  const fields: BuilderField[] = [];
  for (const field of definition.fields) {
    const converted = fieldFrom(field);
    if (!converted) return undefined;
    fields.push(converted);
  }
  return fields;
}
