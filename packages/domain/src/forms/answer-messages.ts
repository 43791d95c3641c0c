import type { FormField, GroupField, LocalizedText } from './form-definition.schema.ts';

// The messages a citizen (or caregiver) sees next to a wrong answer. The domain holds no words:
// it says which message (an id of the web app's and the server's ICU catalogues, `answer.*`) and
// with which values, and `renderAnswerMessage` puts them together with the caller's formatter. So a
// third language is a catalogue file. Values that are the unit's data (a field's label, an item
// noun) come in both languages, as the form definition has them.
// Messages name the field in words so that an error summary at the top of the form reads on its own.

export type AnswerErrorCode =
  | 'not-an-object'
  | 'unknown-field'
  | 'not-applicable'
  | 'required'
  | 'wrong-type'
  | 'invalid-characters'
  | 'too-long'
  | 'too-short'
  | 'not-an-option'
  | 'duplicate-value'
  | 'too-few-selected'
  | 'too-many-selected'
  | 'invalid-date'
  | 'date-too-early'
  | 'date-too-late'
  | 'invalid-time'
  | 'not-an-integer'
  | 'too-small'
  | 'too-large'
  | 'invalid-phone'
  | 'too-few-items'
  | 'too-many-items'
  | 'too-many-errors';

/** Every catalogue id the answer validator may use; each catalogue must have them all. */
export const ANSWER_MESSAGE_IDS = [
  'answer.not-an-object',
  'answer.unknown-field',
  'answer.not-applicable',
  'answer.required',
  'answer.required-choice',
  'answer.wrong-type',
  'answer.invalid-characters',
  'answer.too-long',
  'answer.too-short',
  'answer.not-an-option',
  'answer.duplicate-value',
  'answer.too-few-selected',
  'answer.too-many-selected',
  'answer.invalid-date',
  'answer.date-too-early',
  'answer.date-in-the-past',
  'answer.date-too-late',
  'answer.date-in-the-future',
  'answer.invalid-time',
  'answer.not-an-integer',
  'answer.too-small',
  'answer.too-large',
  'answer.invalid-phone',
  'answer.too-few-items',
  'answer.too-many-items',
  'answer.too-few-entries',
  'answer.too-many-entries',
  'answer.too-few-dates',
  'answer.too-many-dates',
  'answer.too-many-errors',
  'answer.quoted',
  'answer.item-number',
  'answer.group-entry',
  'answer.item-path',
  'answer.in-item',
] as const;
export type AnswerMessageId = (typeof ANSWER_MESSAGE_IDS)[number];

/** Makes the first letter of a value upper or lower case once it is written out. */
export interface CasedValue {
  readonly case: 'upper-first' | 'lower-first';
  readonly of: MessageValue;
}

/** One value per language: the unit's data (a label) or, where the data is quoted, a message. */
export interface PerLanguageValue {
  readonly sv: string | AnswerMessage;
  readonly en: string | AnswerMessage;
}

/**
 * A value in a message: a number (counts and limits, formatted by ICU), literal text (an ISO
 * date), the unit's data in both languages, another message, or one of these with its first
 * letter's case changed.
 */
export type MessageValue = number | string | PerLanguageValue | AnswerMessage | CasedValue;

/** A message as a catalogue id and its values: what `AnswerError.message` holds. */
export interface AnswerMessage {
  readonly id: AnswerMessageId;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

/** Formats one catalogue message with plain values (`intl.formatMessage` or `serverTexts`). */
export type AnswerMessageFormatter = (id: AnswerMessageId, values: Record<string, string | number>) => string;

function isUpper(char: string | undefined): boolean {
  return char !== undefined && char !== char.toLowerCase() && char === char.toUpperCase();
}

/** "Kontaktorsak" → "kontaktorsak", but "HSA-id" and "BMI" keep their capitals. */
export function lowercaseFirst(text: string): string {
  const [first, second] = [...text.slice(0, 2)];
  if (first === undefined || isUpper(second)) return text;
  return first.toLowerCase() + text.slice(first.length);
}

export function uppercaseFirst(text: string): string {
  const first = [...text.slice(0, 2)][0];
  return first === undefined ? text : first.toUpperCase() + text.slice(first.length);
}

function mapLocalized(text: LocalizedText, change: (value: string) => string): LocalizedText {
  return { sv: change(text.sv), en: change(text.en) };
}

function labelOf(field: FormField): LocalizedText {
  return 'label' in field ? field.label : { sv: field.key, en: field.key };
}

function message(id: AnswerMessageId, values?: Readonly<Record<string, MessageValue>>): AnswerMessage {
  return values ? { id, values } : { id };
}

const upper = (of: MessageValue): CasedValue => ({ case: 'upper-first', of });

/**
 * How a field is named inside a sentence. Messages put it where a verb's object goes ("Fyll i …",
 * "Välj …", "Ange … som ett heltal") so that both nouns ("kontaktorsak") and clauses ("om du har
 * feber") read well; only date and number limits use it as a subject, so those names are nouns.
 */
export function fieldMessageName(field: FormField): PerLanguageValue {
  if ('messageName' in field && field.messageName) return field.messageName;
  const label = labelOf(field);
  const name = (text: string): string | AnswerMessage =>
    // A question or a long label cannot be lowercased into a sentence; quote it instead.
    text.endsWith('?') || text.length > 60
      ? message('answer.quoted', { text })
      : lowercaseFirst(text.replace(/[:.]$/, ''));
  return { sv: name(label.sv.trim()), en: name(label.en.trim()) };
}

/** Prefix for a field inside the n-th item (0-based) of a group: "Läkemedel 3: …". */
export function itemPrefix(group: GroupField, index: number): AnswerMessage {
  return group.itemNoun
    ? message('answer.item-number', { noun: upper(group.itemNoun.one), number: index + 1 })
    : message('answer.group-entry', { group: group.label, number: index + 1 });
}

/** The label in quotation marks, for sentences about the question itself. */
export function quotedLabel(field: FormField): AnswerMessage {
  return message('answer.quoted', { text: mapLocalized(labelOf(field), (text) => text.trim()) });
}

/** "Läkemedel 2, Dos 1: fyll i …": the message about a field inside group items. */
export function withItemPrefix(prefixes: readonly AnswerMessage[], inner: AnswerMessage): AnswerMessage {
  const [first, ...rest] = prefixes;
  if (first === undefined) return inner;
  const path = rest.reduce<AnswerMessage>((outer, next) => message('answer.item-path', { outer, inner: next }), first);
  return message('answer.in-item', { prefix: path, message: { case: 'lower-first', of: inner } });
}

export interface MessageParams {
  /** The field as named inside a sentence, in object position ("Fyll i kontaktorsak."). */
  name: PerLanguageValue;
  /** The field's label, quoted, where the sentence refers to the question itself. */
  label?: AnswerMessage;
  limit?: number;
  date?: string;
  /** The date limit is "today": say "has passed" / "in the future" instead of a date. */
  today?: boolean;
  /** The group's own noun for its items (data); without it the message counts "rows in …". */
  itemNoun?: { one: LocalizedText; other: LocalizedText };
  /** A list of dates: the message counts dates. */
  dates?: boolean;
  /** For "required": choice-like fields are chosen, not filled in. */
  choose?: boolean;
}

function itemsMessage(kind: 'few' | 'many', p: MessageParams): AnswerMessage {
  const limit = p.limit ?? 0;
  if (p.dates) return message(`answer.too-${kind}-dates`, { limit });
  if (p.itemNoun) return message(`answer.too-${kind}-items`, { limit, one: p.itemNoun.one, other: p.itemNoun.other });
  return message(`answer.too-${kind}-entries`, { limit, name: p.name });
}

function dateMessage(p: MessageParams, early: boolean): AnswerMessage {
  const Name = upper(p.name);
  if (p.today) return message(early ? 'answer.date-in-the-past' : 'answer.date-in-the-future', { Name });
  return message(early ? 'answer.date-too-early' : 'answer.date-too-late', { Name, date: p.date ?? '' });
}

const builders: Record<AnswerErrorCode, (p: MessageParams) => AnswerMessage> = {
  'not-an-object': () => message('answer.not-an-object'),
  'unknown-field': () => message('answer.unknown-field'),
  'not-applicable': (p) => message('answer.not-applicable', { label: p.label ?? p.name }),
  required: (p) => message(p.choose ? 'answer.required-choice' : 'answer.required', { name: p.name }),
  'wrong-type': (p) => message('answer.wrong-type', { name: p.name }),
  'invalid-characters': (p) => message('answer.invalid-characters', { name: p.name }),
  'too-long': (p) => message('answer.too-long', { name: p.name, limit: p.limit ?? 0 }),
  'too-short': (p) => message('answer.too-short', { name: p.name, limit: p.limit ?? 0 }),
  'not-an-option': (p) => message('answer.not-an-option', { name: p.name }),
  'duplicate-value': (p) => message('answer.duplicate-value', { name: p.name }),
  'too-few-selected': (p) => message('answer.too-few-selected', { name: p.name, limit: p.limit ?? 0 }),
  'too-many-selected': (p) => message('answer.too-many-selected', { name: p.name, limit: p.limit ?? 0 }),
  'invalid-date': (p) => message('answer.invalid-date', { name: p.name }),
  'date-too-early': (p) => dateMessage(p, true),
  'date-too-late': (p) => dateMessage(p, false),
  'invalid-time': (p) => message('answer.invalid-time', { name: p.name }),
  'not-an-integer': (p) => message('answer.not-an-integer', { name: p.name }),
  'too-small': (p) => message('answer.too-small', { Name: upper(p.name), limit: p.limit ?? 0 }),
  'too-large': (p) => message('answer.too-large', { Name: upper(p.name), limit: p.limit ?? 0 }),
  'invalid-phone': (p) => message('answer.invalid-phone', { name: p.name }),
  'too-few-items': (p) => itemsMessage('few', p),
  'too-many-items': (p) => itemsMessage('many', p),
  'too-many-errors': () => message('answer.too-many-errors'),
};

export function answerMessage(code: AnswerErrorCode, params: MessageParams): AnswerMessage {
  return builders[code](params);
}

function isAnswerMessage(value: object): value is AnswerMessage {
  return 'id' in value;
}

function isCased(value: object): value is CasedValue {
  return 'case' in value;
}

function renderValue(value: MessageValue, language: string, format: AnswerMessageFormatter): string | number {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (isCased(value)) {
    const text = String(renderValue(value.of, language, format));
    return value.case === 'upper-first' ? uppercaseFirst(text) : lowercaseFirst(text);
  }
  if (isAnswerMessage(value)) return renderAnswerMessage(value, language, format);
  // The unit's data is written in Swedish and English; another language reads the Swedish.
  const chosen = language === 'en' ? value.en : value.sv;
  return typeof chosen === 'string' ? chosen : renderAnswerMessage(chosen, language, format);
}

/**
 * One answer message as text in `language`, with `format` reading the catalogue (the web app's
 * `intl.formatMessage`, the server's `serverTexts`): nested messages and data values are written
 * out first, then handed to the catalogue's message as plain values.
 */
export function renderAnswerMessage(message: AnswerMessage, language: string, format: AnswerMessageFormatter): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {})) {
    values[name] = renderValue(value, language, format);
  }
  return format(message.id, values);
}
