import {
  type AnswerValue,
  type ConditionScope,
  type FormAnswers,
  type FormField,
  type GroupField,
  isDisplayOnlyField,
  isFieldShown,
} from '@kontakta/domain';

// What the reader has typed so far, kept as typed (a number field holds "1,5" until it is sent),
// and its conversion to answers in the shape the server validates. The conversion applies the
// form's conditions exactly as the server does, so hidden questions are never sent.

/** One item of a repeating group; `id` keeps React's identity stable when items are removed. */
export type DraftItem = Readonly<{ id: string; values: DraftLevel }>;
/** Text fields hold their text; yes/no holds `yes`, `no` or ``; lists hold arrays; groups hold items. */
export type DraftValue = string | readonly string[] | readonly DraftItem[];
export type DraftLevel = Readonly<Record<string, DraftValue>>;

/** Where a field is: keys, with item indexes for repeating groups (`['medicines', 0, 'name']`). */
export type FieldLocation = readonly (string | number)[];

let itemCounter = 0;
export function newDraftItem(fields: readonly FormField[]): DraftItem {
  itemCounter += 1;
  return { id: `item-${itemCounter}`, values: emptyDraft(fields) };
}

/** A fresh form: empty answers, and as many items in each group as it must have (at least none). */
export function emptyDraft(fields: readonly FormField[]): DraftLevel {
  const level: Record<string, DraftValue> = {};
  for (const field of fields) {
    if (isDisplayOnlyField(field)) continue;
    level[field.key] = emptyValue(field);
  }
  return level;
}

function emptyValue(field: FormField): DraftValue {
  switch (field.kind) {
    case 'group':
      return Array.from({ length: field.minItems ?? 0 }, () => newDraftItem(field.fields));
    case 'multiple-choice':
    case 'weekdays':
    case 'date-list':
      return [];
    default:
      return '';
  }
}

/** The path the validator and the server use for a location: `medicines[0].name`. */
export function answerPath(location: FieldLocation): string {
  let path = '';
  for (const step of location) {
    if (typeof step === 'number') path += `[${step}]`;
    else path += path === '' ? step : `.${step}`;
  }
  return path;
}

/** A DOM id for a location, unique within the form with this prefix. */
export function fieldDomId(prefix: string, location: FieldLocation): string {
  return [prefix, ...location].join('-');
}

/** Reads a number as a Swede or anyone else writes it ("1,5", "1 000"); anything else stays text. */
export function parseDraftNumber(text: string): number | string {
  const compact = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.')
    .replace('\u2212', '-');
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(compact)) return Number(compact);
  // Left as text, the validator reports it in its own words, as the server would.
  return text;
}

function isItems(value: DraftValue | undefined): value is readonly DraftItem[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null);
}

function isStrings(value: DraftValue | undefined): value is readonly string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

function convert(field: Exclude<FormField, GroupField>, value: DraftValue | undefined): AnswerValue | undefined {
  switch (field.kind) {
    case 'multiple-choice':
    case 'weekdays':
      return isStrings(value) && value.length > 0 ? [...value] : undefined;
    case 'date-list': {
      const dates = isStrings(value) ? value.map((date) => date.trim()).filter((date) => date !== '') : [];
      return dates.length > 0 ? dates : undefined;
    }
    case 'yes-no':
      return value === 'yes' ? true : value === 'no' ? false : undefined;
    case 'number':
      return typeof value === 'string' && value.trim() !== '' ? parseDraftNumber(value) : undefined;
    default:
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }
}

/**
 * The answers to send: only questions that are shown given the other answers, only what was
 * filled in, each in its JSON type. `outer` are the enclosing levels' scopes, innermost first.
 */
export function draftToAnswers(
  fields: readonly FormField[],
  draft: DraftLevel,
  outer: readonly ConditionScope[] = [],
): FormAnswers {
  const answers: FormAnswers = {};
  const scopes = [{ fields, values: answers }, ...outer];
  // In definition order, as the validator does: a condition only looks at earlier questions.
  for (const field of fields) {
    if (isDisplayOnlyField(field) || !isFieldShown(field, scopes)) continue;
    const value = draft[field.key];
    if (field.kind === 'group') {
      const items = isItems(value) ? value : [];
      if (items.length > 0) answers[field.key] = items.map((item) => draftToAnswers(field.fields, item.values, scopes));
      continue;
    }
    const converted = convert(field, value);
    if (converted !== undefined) answers[field.key] = converted;
  }
  return answers;
}

/** A draft holding earlier answers (to edit them again, or an answer form filled in from the errand). */
export function draftFromAnswers(fields: readonly FormField[], answers: unknown): DraftLevel {
  const given = typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? answers : {};
  const level: Record<string, DraftValue> = {};
  for (const field of fields) {
    if (isDisplayOnlyField(field)) continue;
    const value = (given as Record<string, unknown>)[field.key];
    level[field.key] = draftValueFrom(field, value);
  }
  return level;
}

function draftValueFrom(field: FormField, value: unknown): DraftValue {
  switch (field.kind) {
    case 'group':
      return Array.isArray(value)
        ? value.map((item) => ({ ...newDraftItem(field.fields), values: draftFromAnswers(field.fields, item) }))
        : emptyValue(field);
    case 'multiple-choice':
    case 'weekdays':
    case 'date-list':
      return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
    case 'yes-no':
      return value === true ? 'yes' : value === false ? 'no' : '';
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** The draft with the value at `location` replaced. */
export function setDraftValue(draft: DraftLevel, location: FieldLocation, value: DraftValue): DraftLevel {
  const [key, index, ...rest] = location;
  if (typeof key !== 'string') return draft;
  if (index === undefined) return { ...draft, [key]: value };
  const items = draft[key];
  if (typeof index !== 'number' || !isItems(items)) return draft;
  return {
    ...draft,
    [key]: items.map((item, position) =>
      position === index ? { ...item, values: setDraftValue(item.values, rest, value) } : item,
    ),
  };
}

/**
 * A caregiver answers per item of the citizen's list (per medicine, per aid). Where the answer
 * form has a group with an `item` field and the errand has a list under the same key, the answer
 * starts with one item per listed thing, named by its first text (the medicine's name).
 */
export function prefillFromSubmission(
  answerFields: readonly FormField[],
  submissionFields: readonly FormField[],
  submission: unknown,
): DraftLevel {
  const draft: Record<string, DraftValue> = { ...emptyDraft(answerFields) };
  const given = typeof submission === 'object' && submission !== null ? (submission as Record<string, unknown>) : {};
  for (const field of answerFields) {
    if (field.kind !== 'group' || !field.fields.some((child) => child.key === 'item')) continue;
    const source = submissionFields.find((candidate) => candidate.key === field.key);
    const listed = given[field.key];
    if (source?.kind !== 'group' || !Array.isArray(listed)) continue;
    const textKeys = source.fields.filter((child) => child.kind === 'short-text').map((child) => child.key);
    draft[field.key] = listed.slice(0, field.maxItems).map((entry) => {
      const values = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
      const name = textKeys.map((key) => values[key]).find((text) => typeof text === 'string' && text.trim() !== '');
      const item = newDraftItem(field.fields);
      return { ...item, values: { ...item.values, item: typeof name === 'string' ? name : '' } };
    });
  }
  return draft;
}
