import {
  type ConditionScope,
  type FormDefinition,
  type FormField,
  isDisplayOnlyField,
  isFieldShown,
  type LocalizedText,
  staffLabelOf,
} from '@kontakta/domain';
import { type RecordWords, recordWords, WEEKDAY_TEXT } from './record-copy-texts.ts';

// Answers read back as plain lines in the staff member's language ("Fråga: svar"), drawn from the form they were written
// on, as the web's answers view shows them: only questions shown and answered; a repeating group
// as numbered items. For the record copy (PDF and FHIR text), where a caregiver reads, not a form:
// the questions in the third person, as staff read them in the errand ("Har invånaren feber?").

export type AnswerLine = Readonly<{ label: string; value: string; depth: number }>;

type Answers = Readonly<Record<string, unknown>>;

function asAnswers(value: unknown): Answers {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Answers) : {};
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

/** A form's text in the language, Swedish when the English is missing. */
function inLanguage(text: LocalizedText, words: RecordWords): string {
  return text[words.language] || text.sv;
}

function valueText(field: FormField, value: unknown, words: RecordWords): string {
  const list = Array.isArray(value) ? value : [value];
  switch (field.kind) {
    case 'single-choice':
    case 'multiple-choice':
      return list
        .map((chosen) => {
          const label = field.options.find((option) => option.value === chosen)?.label;
          return label ? inLanguage(label, words) : String(chosen);
        })
        .join(', ');
    case 'weekdays':
      return list
        .map((day) => {
          const id = Object.hasOwn(WEEKDAY_TEXT, String(day)) ? WEEKDAY_TEXT[String(day)] : undefined;
          return id ? words.text(id) : String(day);
        })
        .join(', ');
    case 'yes-no':
      return words.text(value === true ? 'record.yes' : 'record.no');
    case 'number': {
      const number =
        typeof value === 'number' ? value.toLocaleString(words.language === 'sv' ? 'sv-SE' : 'en-GB') : String(value);
      return field.unit ? `${number} ${inLanguage(field.unit, words)}` : number;
    }
    default:
      return list.map(String).join(', ');
  }
}

function linesOf(
  fields: readonly FormField[],
  answers: Answers,
  outer: readonly ConditionScope[],
  depth: number,
  words: RecordWords,
) {
  const scopes = [{ fields, values: answers }, ...outer];
  const out: AnswerLine[] = [];
  for (const field of fields) {
    if (isDisplayOnlyField(field) || !isFieldShown(field, scopes)) continue;
    const value = Object.hasOwn(answers, field.key) ? answers[field.key] : undefined;
    if (!isAnswered(value)) continue;
    if (field.kind === 'group') {
      out.push({ label: inLanguage(staffLabelOf(field) ?? field.label, words), value: '', depth });
      (Array.isArray(value) ? value : []).forEach((item, index) => {
        const noun = field.itemNoun
          ? upperFirst(inLanguage(field.itemNoun.one, words), words)
          : inLanguage(field.label, words);
        out.push({ label: `${noun} ${index + 1}`, value: '', depth: depth + 1 });
        out.push(...linesOf(field.fields, asAnswers(item), scopes, depth + 2, words));
      });
      continue;
    }
    out.push({
      label: inLanguage(staffLabelOf(field) ?? field.label, words),
      value: valueText(field, value, words),
      depth,
    });
  }
  return out;
}

/**
 * The answers as lines. A message without a form (a citizen's reply, a message-only answer, the
 * message on closing) is one line labelled "Meddelande" ("Message").
 */
export function answerLines(
  form: FormDefinition | null,
  answers: Answers,
  words: RecordWords = recordWords('sv'),
): AnswerLine[] {
  if (!form) {
    const message = answers.message;
    return typeof message === 'string' && message.trim() !== ''
      ? [{ label: words.text('record.message'), value: message, depth: 0 }]
      : [];
  }
  return linesOf(form.fields, answers, [], 0, words);
}

/** The lines as plain text, one per line, nested items indented. */
export function answerText(lines: readonly AnswerLine[]): string {
  return lines
    .map((line) => `${'  '.repeat(line.depth)}${line.label}${line.value === '' ? '' : `: ${line.value}`}`)
    .join('\n');
}

function upperFirst(text: string, words: RecordWords): string {
  return text.charAt(0).toLocaleUpperCase(words.language === 'sv' ? 'sv-SE' : 'en-GB') + text.slice(1);
}
