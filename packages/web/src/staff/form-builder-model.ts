import {
  DEFAULT_WEEKDAYS,
  type DefinitionMessage,
  type DefinitionProblem,
  type LocalizedText,
  type Weekday,
} from '@kontakta/domain';
import type { MessageId } from '../i18n/messages.ts';

// The form builder edits a tree of questions (a repeating group holds questions of its own), made
// into a form definition by form-builder-to-definition.ts and read back by form-builder-from-definition.ts.
// Keys and option values are made here, stable for the life of a question, so administrators never
// type identifiers. Limits are kept as typed, so a half-written number can be pointed out.

/** The kinds the builder offers, in the order the "add" list shows them. */
export const BUILDER_KINDS = [
  'short-text',
  'long-text',
  'single-choice',
  'multiple-choice',
  'yes-no',
  'date',
  'date-list',
  'weekdays',
  'time',
  'number',
  'phone',
  'heading',
  'info',
  'group',
] as const;
export type BuilderKind = (typeof BUILDER_KINDS)[number];

export type BuilderOption = Readonly<{ value: string; label: LocalizedText }>;

/**
 * "Show only when the earlier question `field` has `value`" (`yes`/`no` for yes/no questions);
 * with `group`: when any item of that earlier repeating group has `field` = `value`.
 */
export type BuilderCondition = Readonly<{ field: string; value: string; group?: string }>;

/** A date limit as chosen: none, a fixed date (ÅÅÅÅ-MM-DD) or a number of days from the day of filling in. */
export type DateBound = Readonly<{ mode: 'none' | 'date' | 'days'; value: string }>;

/** Every limit a kind may have, as typed; each kind uses those `KIND_LIMITS` names. Empty: no limit. */
export type BuilderLimits = Readonly<{
  minLength: string;
  maxLength: string;
  min: string;
  max: string;
  minSelected: string;
  maxSelected: string;
  minItems: string;
  maxItems: string;
  earliest: DateBound;
  latest: DateBound;
  /** Number questions: whole numbers only. */
  integer: boolean;
  /** Number questions: the unit written after the box ("mg"); optional. */
  unit: LocalizedText;
  /** Weekday questions: which days are offered. */
  days: readonly Weekday[];
}>;

export type CountLimitName = 'minLength' | 'maxLength' | 'minSelected' | 'maxSelected' | 'minItems' | 'maxItems';
export type LimitName = CountLimitName | 'min' | 'max' | 'earliest' | 'latest';

/** The limits each kind has, in pairs of lowest and highest. */
export const KIND_LIMITS: Readonly<Record<BuilderKind, readonly LimitName[]>> = {
  'short-text': ['minLength', 'maxLength'],
  'long-text': ['minLength', 'maxLength'],
  'single-choice': [],
  'multiple-choice': ['minSelected', 'maxSelected'],
  'yes-no': [],
  date: ['earliest', 'latest'],
  'date-list': ['minItems', 'maxItems', 'earliest', 'latest'],
  weekdays: [],
  time: [],
  number: ['min', 'max'],
  phone: [],
  heading: [],
  info: [],
  group: ['minItems', 'maxItems'],
};

export type BuilderField = Readonly<{
  key: string;
  kind: BuilderKind;
  /** The question; for a heading its text; for a group its heading; unused for information (which has `text`). */
  label: LocalizedText;
  /** The question as staff read it beside the answer ("Har invånaren feber?"); empty: the label reworded. */
  staffLabel: LocalizedText;
  help: LocalizedText;
  /** Information text. */
  text: LocalizedText;
  required: boolean;
  options: readonly BuilderOption[];
  display: 'radio' | 'dropdown';
  condition: BuilderCondition | null;
  limits: BuilderLimits;
  /** A group's name for one item and for several ("läkemedel"), used in buttons and messages; optional. */
  itemNoun: Readonly<{ one: LocalizedText; other: LocalizedText }>;
  /** A group's questions. */
  fields: readonly BuilderField[];
}>;

/** A problem the builder finds itself (a limit that is not a number) or the domain's (an id and values). */
export type BuilderProblem = Readonly<{ path: string; message: DefinitionMessage | MessageId }>;

export const EMPTY: LocalizedText = { sv: '', en: '' };
export const NO_BOUND: DateBound = { mode: 'none', value: '' };
const NEW_GROUP_MAX_ITEMS = '5';

const NO_LIMITS: BuilderLimits = {
  minLength: '',
  maxLength: '',
  min: '',
  max: '',
  minSelected: '',
  maxSelected: '',
  minItems: '',
  maxItems: '',
  earliest: NO_BOUND,
  latest: NO_BOUND,
  integer: false,
  unit: EMPTY,
  days: DEFAULT_WEEKDAYS,
};

export function isChoiceKind(kind: BuilderKind): boolean {
  return kind === 'single-choice' || kind === 'multiple-choice';
}

export function isConditionSource(kind: BuilderKind): boolean {
  return isChoiceKind(kind) || kind === 'yes-no';
}

export function takesAnswer(kind: BuilderKind): boolean {
  return kind !== 'heading' && kind !== 'info' && kind !== 'group';
}

/** Every key in the tree: new keys are unique in the whole form, which keeps ids and messages clear. */
export function allKeys(fields: readonly BuilderField[]): string[] {
  return fields.flatMap((field) => [field.key, ...allKeys(field.fields)]);
}

function nextId(prefix: string, taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** A new question of `kind`, with a key not used anywhere in `tree`; a group starts with one question. */
export function newBuilderField(kind: BuilderKind, tree: readonly BuilderField[]): BuilderField {
  const taken = allKeys(tree);
  const key = nextId('question', taken);
  const field: BuilderField = {
    key,
    kind,
    label: EMPTY,
    staffLabel: EMPTY,
    help: EMPTY,
    text: EMPTY,
    required: false,
    options: isChoiceKind(kind)
      ? [
          { value: 'option-1', label: EMPTY },
          { value: 'option-2', label: EMPTY },
        ]
      : [],
    display: 'radio',
    condition: null,
    limits: kind === 'group' ? { ...NO_LIMITS, minItems: '1', maxItems: NEW_GROUP_MAX_ITEMS } : NO_LIMITS,
    itemNoun: { one: EMPTY, other: EMPTY },
    fields: [],
  };
  if (kind !== 'group') return field;
  const first = newBuilderField('short-text', [...tree, field]);
  return { ...field, fields: [first] };
}

export function newBuilderOption(options: readonly BuilderOption[]): BuilderOption {
  return {
    value: nextId(
      'option-',
      options.map((option) => option.value),
    ),
    label: EMPTY,
  };
}

export function filled(text: LocalizedText): boolean {
  return text.sv.trim() !== '' || text.en.trim() !== '';
}

// English is optional in the builder: a text written only in Swedish is saved with the Swedish in
// both places, so English readers see the Swedish rather than nothing. Read back, such a copy shows
// as an empty English box again, so saving twice changes nothing.

/** The text as saved: a blank English is the Swedish. */
export function withSwedishFallback(text: LocalizedText): LocalizedText {
  return text.en.trim() === '' ? { sv: text.sv, en: text.sv } : text;
}

/** The text as edited: an English that is only the Swedish copied is shown as not written. */
export function withoutCopiedEnglish(text: LocalizedText): LocalizedText {
  return text.sv !== '' && text.en === text.sv ? { sv: text.sv, en: '' } : text;
}

/** Which question a problem is about (`fields[2].fields[0].label.sv` → [2, 0]); empty for the whole form. */
export function problemFieldPath(problem: Pick<DefinitionProblem, 'path'>): number[] {
  const match = /^fields\[\d+\](?:\.fields\[\d+\])*/.exec(problem.path);
  return match ? [...match[0].matchAll(/\[(\d+)\]/g)].map((part) => Number(part[1])) : [];
}

/** Which top-level question a problem is about, if any. */
export function problemFieldIndex(problem: Pick<DefinitionProblem, 'path'>): number | undefined {
  return problemFieldPath(problem)[0];
}

/** The limit of the question a problem is about (`fields[1].maxLength` → maxLength), if it is about one. */
export function problemLimit(problem: Pick<DefinitionProblem, 'path'>): LimitName | undefined {
  const match = /^fields\[\d+\](?:\.fields\[\d+\])*\.([a-zA-Z]+)/.exec(problem.path);
  const name = match?.[1];
  return name && name in NO_LIMITS && name !== 'integer' && name !== 'unit' && name !== 'days'
    ? (name as LimitName)
    : undefined;
}

/** The same days in the same order. */
export function sameDays(days: readonly Weekday[], other: readonly Weekday[]): boolean {
  return days.length === other.length && days.every((day, index) => other[index] === day);
}
