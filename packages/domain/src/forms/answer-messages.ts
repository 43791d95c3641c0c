import type { Language } from '../language/language.ts';
import type { FormField, GroupField, LocalizedText } from './form-definition.schema.ts';

// The messages a citizen (or caregiver) sees next to a wrong answer, in Swedish and English.
// They name the field in words so that an error summary at the top of the form reads on its own.

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

function localized(build: (language: Language) => string): LocalizedText {
  return { sv: build('sv'), en: build('en') };
}

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

const QUOTES: Record<Language, [string, string]> = { sv: ['”', '”'], en: ['“', '”'] };

/**
 * How a field is named inside a sentence. Messages put it where a verb's object goes ("Fyll i …",
 * "Välj …", "Ange … som ett heltal") so that both nouns ("kontaktorsak") and clauses ("om du har
 * feber") read well; only date and number limits use it as a subject, so those names are nouns.
 */
export function fieldMessageName(field: FormField): LocalizedText {
  if ('messageName' in field && field.messageName) return field.messageName;
  const label = 'label' in field ? field.label : { sv: field.key, en: field.key };
  return localized((language) => {
    const text = label[language].trim();
    // A question or a long label cannot be lowercased into a sentence; quote it instead.
    if (text.endsWith('?') || text.length > 60) return `${QUOTES[language][0]}${text}${QUOTES[language][1]}`;
    return lowercaseFirst(text.replace(/[:.]$/, ''));
  });
}

function formatNumber(value: number, language: Language): string {
  return language === 'sv' ? String(value).replace('.', ',') : String(value);
}

/** Prefix for a field inside the n-th item (0-based) of a group: "Läkemedel 3: …". */
export function itemPrefix(group: GroupField, index: number): LocalizedText {
  return localized((language) =>
    group.itemNoun
      ? `${uppercaseFirst(group.itemNoun.one[language])} ${index + 1}`
      : `${group.label[language]}, ${language === 'sv' ? 'rad' : 'entry'} ${index + 1}`,
  );
}

/** The label in quotation marks, for sentences about the question itself. */
export function quotedLabel(field: FormField): LocalizedText {
  const label = 'label' in field ? field.label : { sv: field.key, en: field.key };
  return localized((language) => `${QUOTES[language][0]}${label[language].trim()}${QUOTES[language][1]}`);
}

export function withItemPrefix(prefixes: readonly LocalizedText[], message: LocalizedText): LocalizedText {
  if (prefixes.length === 0) return message;
  return localized((language) => {
    const prefix = prefixes.map((p) => p[language]).join(', ');
    return `${prefix}: ${lowercaseFirst(message[language])}`;
  });
}

export interface MessageParams {
  /** The field as named inside a sentence, in object position ("Fyll i kontaktorsak."). */
  name: LocalizedText;
  /** The field's label, quoted, where the sentence refers to the question itself. */
  label?: LocalizedText;
  limit?: number;
  date?: string;
  /** The date limit is "today": say "has passed" / "in the future" instead of a date. */
  today?: boolean;
  itemNoun?: { one: LocalizedText; other: LocalizedText };
  /** For "required": choice-like fields are chosen, not filled in. */
  choose?: boolean;
}

type Templates = Record<Language, (p: Required<Pick<MessageParams, 'name'>> & MessageParams, n: string) => string>;

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

const templates: Record<AnswerErrorCode, Templates> = {
  'not-an-object': { sv: () => 'Svaren har fel format.', en: () => 'The answers are in the wrong format.' },
  'unknown-field': {
    sv: () => 'Fältet finns inte i formuläret.',
    en: () => 'This field is not part of the form.',
  },
  'not-applicable': {
    sv: (p) => `Ta bort svaret på ${p.label?.sv ?? p.name.sv}. Frågan gäller inte utifrån dina andra svar.`,
    en: (p) =>
      `Remove the answer to ${p.label?.en ?? p.name.en}. The question does not apply given your other answers.`,
  },
  required: {
    sv: (p) => `${p.choose ? 'Välj' : 'Fyll i'} ${p.name.sv}.`,
    en: (p) => `${p.choose ? 'Choose' : 'Fill in'} ${p.name.en}.`,
  },
  'wrong-type': {
    sv: (p) => `Svaret har fel format. Ange ${p.name.sv} på nytt.`,
    en: (p) => `The answer is in the wrong format. Enter ${p.name.en} again.`,
  },
  'invalid-characters': {
    sv: (p) => `Texten innehåller tecken som inte är tillåtna. Skriv ${p.name.sv} på nytt.`,
    en: (p) => `The text contains characters that are not allowed. Write ${p.name.en} again.`,
  },
  'too-long': {
    sv: (p, n) => `Texten är för lång. Skriv ${p.name.sv} med högst ${n} tecken.`,
    en: (p, n) =>
      `The text is too long. Write ${p.name.en} in at most ${n} ${plural(p.limit ?? 0, 'character', 'characters')}.`,
  },
  'too-short': {
    sv: (p, n) => `Texten är för kort. Skriv ${p.name.sv} med minst ${n} tecken.`,
    en: (p, n) =>
      `The text is too short. Write ${p.name.en} in at least ${n} ${plural(p.limit ?? 0, 'character', 'characters')}.`,
  },
  'not-an-option': {
    sv: (p) => `Välj ${p.name.sv} bland alternativen.`,
    en: (p) => `Choose ${p.name.en} from the options.`,
  },
  'duplicate-value': {
    sv: (p) => `Samma svar finns flera gånger. Välj ${p.name.sv} på nytt.`,
    en: (p) => `The same answer appears more than once. Choose ${p.name.en} again.`,
  },
  'too-few-selected': {
    sv: (p, n) => `Välj minst ${n} alternativ när du anger ${p.name.sv}.`,
    en: (p, n) => `Choose at least ${n} ${plural(p.limit ?? 0, 'option', 'options')} for ${p.name.en}.`,
  },
  'too-many-selected': {
    sv: (p, n) => `Du kan välja högst ${n} alternativ när du anger ${p.name.sv}.`,
    en: (p, n) => `You can choose at most ${n} ${plural(p.limit ?? 0, 'option', 'options')} for ${p.name.en}.`,
  },
  'invalid-date': {
    sv: (p) => `Kontrollera ${p.name.sv}. Ange ett datum som finns, till exempel 2025-03-14.`,
    en: (p) => `Check ${p.name.en}. Enter a date that exists, for example 2025-03-14.`,
  },
  'date-too-early': {
    sv: (p) =>
      p.today
        ? `${uppercaseFirst(p.name.sv)} kan inte vara ett datum som redan har passerat.`
        : `${uppercaseFirst(p.name.sv)} kan tidigast vara ${p.date}.`,
    en: (p) =>
      p.today
        ? `${uppercaseFirst(p.name.en)} cannot be a date that has already passed.`
        : `${uppercaseFirst(p.name.en)} can be ${p.date} at the earliest.`,
  },
  'date-too-late': {
    sv: (p) =>
      p.today
        ? `${uppercaseFirst(p.name.sv)} kan inte vara ett datum i framtiden.`
        : `${uppercaseFirst(p.name.sv)} kan senast vara ${p.date}.`,
    en: (p) =>
      p.today
        ? `${uppercaseFirst(p.name.en)} cannot be a date in the future.`
        : `${uppercaseFirst(p.name.en)} can be ${p.date} at the latest.`,
  },
  'invalid-time': {
    sv: (p) => `Kontrollera ${p.name.sv}. Ange ett klockslag, till exempel 14:30.`,
    en: (p) => `Check ${p.name.en}. Enter a time of day, for example 14:30.`,
  },
  'not-an-integer': {
    sv: (p) => `Ange ${p.name.sv} som ett heltal.`,
    en: (p) => `Enter ${p.name.en} as a whole number.`,
  },
  'too-small': {
    sv: (p, n) => `${uppercaseFirst(p.name.sv)} måste vara minst ${n}.`,
    en: (p, n) => `${uppercaseFirst(p.name.en)} must be at least ${n}.`,
  },
  'too-large': {
    sv: (p, n) => `${uppercaseFirst(p.name.sv)} kan vara högst ${n}.`,
    en: (p, n) => `${uppercaseFirst(p.name.en)} can be at most ${n}.`,
  },
  'invalid-phone': {
    sv: (p) => `Kontrollera ${p.name.sv}. Skriv till exempel 070-123 45 67 eller +46 70 123 45 67.`,
    en: (p) => `Check ${p.name.en}. Write it like 070-123 45 67 or +46 70 123 45 67.`,
  },
  'too-few-items': {
    sv: (p, n) => `Ange minst ${n} ${itemNounFor(p, 'sv')}.`,
    en: (p, n) => `Enter at least ${n} ${itemNounFor(p, 'en')}.`,
  },
  'too-many-items': {
    sv: (p, n) => `Du kan ange högst ${n} ${itemNounFor(p, 'sv')}.`,
    en: (p, n) => `You can enter at most ${n} ${itemNounFor(p, 'en')}.`,
  },
  'too-many-errors': {
    sv: () => 'Svaren innehåller för många fel för att visa alla. Rätta dem ovan och försök igen.',
    en: () => 'The answers contain too many errors to show them all. Correct the ones above and try again.',
  },
};

function itemNounFor(p: MessageParams, language: Language): string {
  const count = p.limit ?? 0;
  if (p.itemNoun) return (count === 1 ? p.itemNoun.one : p.itemNoun.other)[language];
  const fallback = language === 'sv' ? 'rader i' : plural(count, 'entry in', 'entries in');
  return `${fallback} ${p.name[language]}`;
}

export function answerMessage(code: AnswerErrorCode, params: MessageParams): LocalizedText {
  const template = templates[code];
  return localized((language) =>
    template[language](params, params.limit === undefined ? '' : formatNumber(params.limit, language)),
  );
}
