import { type Static, type TSchema, Type } from 'typebox';
import {
  FIELD_KEY_PATTERN,
  FORM_FORMAT_VERSION,
  ISO_DATE_PATTERN,
  LONG_TEXT_MAX_LENGTH_CAP,
  MAX_DATE_LIST_ITEMS,
  MAX_FIELDS_PER_LEVEL,
  MAX_GROUP_ITEMS,
  MAX_OPTIONS,
  NUMBER_LIMIT,
  OPTION_VALUE_PATTERN,
  SHORT_TEXT_MAX_LENGTH_CAP,
  WEEKDAYS,
} from './form-limits.ts';

// A form definition is data a care unit designs and stores; the server validates submissions
// against it and the web app renders it. This file is the single shape both sides share.
// Structural limits live here (JSON Schema); rules that relate fields to each other (conditions,
// duplicate keys, min ≤ max) live in form-definition-validator.ts; the numbers in form-limits.ts.

const strict = { additionalProperties: false } as const;

export function localizedTextSchema(maxLength: number) {
  return Type.Object(
    { sv: Type.String({ minLength: 1, maxLength }), en: Type.String({ minLength: 1, maxLength }) },
    strict,
  );
}

export const LocalizedTextSchema = localizedTextSchema(2000);
/** Every text a citizen or caregiver reads exists in Swedish (first) and English. */
export type LocalizedText = Static<typeof LocalizedTextSchema>;

const ConditionValueSchema = Type.Union([Type.String({ maxLength: 64 }), Type.Boolean()]);

export const FieldConditionSchema = Type.Union([
  // Shown when the field `field` (a single choice, multiple choice or yes/no) has `value`; for a
  // multiple choice "has" means "includes". `field` is looked up like a variable: first among the
  // siblings (inside a group: the same item), then in each enclosing level out to the top.
  Type.Object(
    { kind: Type.Literal('has-value'), field: Type.String({ maxLength: 40 }), value: ConditionValueSchema },
    strict,
  ),
  // Shown when at least one item of the repeating group `group` has `field` = `value`, e.g. delivery
  // details when any of the aids is an incontinence aid.
  Type.Object(
    {
      kind: Type.Literal('any-item-has-value'),
      group: Type.String({ maxLength: 40 }),
      field: Type.String({ maxLength: 40 }),
      value: ConditionValueSchema,
    },
    strict,
  ),
]);
export type FieldCondition = Static<typeof FieldConditionSchema>;

/** A date bound either fixed or relative to the `today` the caller passes in (no clock here). */
export const DateLimitSchema = Type.Union([
  Type.Object({ daysFromToday: Type.Integer({ minimum: -36_500, maximum: 36_500 }) }, strict),
  Type.Object({ date: Type.String({ pattern: ISO_DATE_PATTERN }) }, strict),
]);
export type DateLimit = Static<typeof DateLimitSchema>;

export const WeekdaySchema = Type.Enum(WEEKDAYS);

export const ChoiceOptionSchema = Type.Object(
  { value: Type.String({ pattern: OPTION_VALUE_PATTERN }), label: localizedTextSchema(300) },
  strict,
);
export type ChoiceOption = Static<typeof ChoiceOptionSchema>;

/** A plural-aware noun for the items of a repeating group, used in messages ("högst 10 läkemedel"). */
export const ItemNounSchema = Type.Object({ one: localizedTextSchema(60), other: localizedTextSchema(60) }, strict);
export type ItemNoun = Static<typeof ItemNounSchema>;

const baseProperties = {
  key: Type.String({ pattern: FIELD_KEY_PATTERN }),
  condition: Type.Optional(FieldConditionSchema),
};

const inputProperties = {
  ...baseProperties,
  label: localizedTextSchema(300),
  help: Type.Optional(localizedTextSchema(2000)),
  // The label as it reads inside a sentence ("Fyll i kontaktorsak."); without it the label is
  // used with its first letter lowercased.
  messageName: Type.Optional(localizedTextSchema(100)),
  // The label as staff read it beside the answer, in the third person ("Har invånaren feber?");
  // without it the label is reworded by staff-wording.ts.
  staffLabel: Type.Optional(localizedTextSchema(300)),
  required: Type.Optional(Type.Boolean()),
};

const lengthLimit = (cap: number) => Type.Optional(Type.Integer({ minimum: 1, maximum: cap }));

/** The properties of each kind, without the recursion of groups, so each kind can be checked alone. */
export const fieldKindProperties = {
  'short-text': {
    ...inputProperties,
    kind: Type.Literal('short-text'),
    minLength: lengthLimit(SHORT_TEXT_MAX_LENGTH_CAP),
    maxLength: lengthLimit(SHORT_TEXT_MAX_LENGTH_CAP),
  },
  'long-text': {
    ...inputProperties,
    kind: Type.Literal('long-text'),
    minLength: lengthLimit(LONG_TEXT_MAX_LENGTH_CAP),
    maxLength: lengthLimit(LONG_TEXT_MAX_LENGTH_CAP),
  },
  'single-choice': {
    ...inputProperties,
    kind: Type.Literal('single-choice'),
    options: Type.Array(ChoiceOptionSchema, { minItems: 1, maxItems: MAX_OPTIONS }),
    // A rendering hint only; validation is the same.
    display: Type.Optional(Type.Union([Type.Literal('radio'), Type.Literal('dropdown')])),
  },
  'multiple-choice': {
    ...inputProperties,
    kind: Type.Literal('multiple-choice'),
    options: Type.Array(ChoiceOptionSchema, { minItems: 1, maxItems: MAX_OPTIONS }),
    minSelected: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_OPTIONS })),
    maxSelected: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_OPTIONS })),
  },
  date: {
    ...inputProperties,
    kind: Type.Literal('date'),
    earliest: Type.Optional(DateLimitSchema),
    latest: Type.Optional(DateLimitSchema),
  },
  'date-list': {
    ...inputProperties,
    kind: Type.Literal('date-list'),
    earliest: Type.Optional(DateLimitSchema),
    latest: Type.Optional(DateLimitSchema),
    minItems: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_DATE_LIST_ITEMS })),
    maxItems: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_DATE_LIST_ITEMS })),
  },
  weekdays: {
    ...inputProperties,
    kind: Type.Literal('weekdays'),
    // Which days are offered; defaults to Monday–Friday, when care units are open.
    days: Type.Optional(Type.Array(WeekdaySchema, { minItems: 1, maxItems: 7 })),
  },
  time: { ...inputProperties, kind: Type.Literal('time') },
  number: {
    ...inputProperties,
    kind: Type.Literal('number'),
    min: Type.Optional(Type.Number({ minimum: -NUMBER_LIMIT, maximum: NUMBER_LIMIT })),
    max: Type.Optional(Type.Number({ minimum: -NUMBER_LIMIT, maximum: NUMBER_LIMIT })),
    integer: Type.Optional(Type.Boolean()),
    unit: Type.Optional(localizedTextSchema(30)),
  },
  'yes-no': { ...inputProperties, kind: Type.Literal('yes-no') },
  phone: { ...inputProperties, kind: Type.Literal('phone') },
  group: {
    ...baseProperties,
    kind: Type.Literal('group'),
    label: localizedTextSchema(300),
    help: Type.Optional(localizedTextSchema(2000)),
    staffLabel: Type.Optional(localizedTextSchema(300)),
    itemNoun: Type.Optional(ItemNounSchema),
    // No `required` on groups: minItems says how many items must be given while the group is shown.
    minItems: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_GROUP_ITEMS })),
    maxItems: Type.Integer({ minimum: 1, maximum: MAX_GROUP_ITEMS }),
  },
  heading: { ...baseProperties, kind: Type.Literal('heading'), label: localizedTextSchema(300) },
  info: { ...baseProperties, kind: Type.Literal('info'), text: localizedTextSchema(5000) },
} as const;

export type FieldKind = keyof typeof fieldKindProperties;
export const FIELD_KINDS = Object.keys(fieldKindProperties) as FieldKind[];

const fieldListOptions = { minItems: 1, maxItems: MAX_FIELDS_PER_LEVEL };

// Each kind on its own, with a group's `fields` left unchecked, so that a structural problem can be
// reported at the field it belongs to instead of as "matches none of 14 kinds". A Map, because the
// kind comes from untrusted input and must not reach Object.prototype.
const shellSchemas = new Map<string, TSchema>(
  FIELD_KINDS.map((kind) => [
    kind,
    kind === 'group'
      ? Type.Object({ ...fieldKindProperties.group, fields: Type.Array(Type.Unknown(), fieldListOptions) }, strict)
      : Type.Object(fieldKindProperties[kind], strict),
  ]),
);

export function fieldKindShellSchema(kind: unknown): TSchema | undefined {
  return typeof kind === 'string' ? shellSchemas.get(kind) : undefined;
}

export const FormFieldSchema = Type.Cyclic(
  {
    FormField: Type.Union([
      Type.Object(fieldKindProperties['short-text'], strict),
      Type.Object(fieldKindProperties['long-text'], strict),
      Type.Object(fieldKindProperties['single-choice'], strict),
      Type.Object(fieldKindProperties['multiple-choice'], strict),
      Type.Object(fieldKindProperties.date, strict),
      Type.Object(fieldKindProperties['date-list'], strict),
      Type.Object(fieldKindProperties.weekdays, strict),
      Type.Object(fieldKindProperties.time, strict),
      Type.Object(fieldKindProperties.number, strict),
      Type.Object(fieldKindProperties['yes-no'], strict),
      Type.Object(fieldKindProperties.phone, strict),
      Type.Object(
        { ...fieldKindProperties.group, fields: Type.Array(Type.Ref('FormField'), fieldListOptions) },
        strict,
      ),
      Type.Object(fieldKindProperties.heading, strict),
      Type.Object(fieldKindProperties.info, strict),
    ]),
  },
  'FormField',
);
export type FormField = Static<typeof FormFieldSchema>;

export const FormDefinitionSchema = Type.Object(
  {
    // Lets a later format be told apart from this one when stored versions are read back.
    formatVersion: Type.Literal(FORM_FORMAT_VERSION),
    fields: Type.Array(FormFieldSchema, fieldListOptions),
  },
  strict,
);
export type FormDefinition = Static<typeof FormDefinitionSchema>;

export type FieldOfKind<K extends FieldKind> = Extract<FormField, { kind: K }>;
export type GroupField = FieldOfKind<'group'>;
export type ChoiceField = FieldOfKind<'single-choice'> | FieldOfKind<'multiple-choice'>;
/** Fields that take an answer (everything but headings and information texts). */
export type InputField = Exclude<FormField, { kind: 'heading' } | { kind: 'info' } | { kind: 'group' }>;
