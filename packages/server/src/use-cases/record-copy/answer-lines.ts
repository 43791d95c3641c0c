import {
  type ConditionScope,
  type FormDefinition,
  type FormField,
  isDisplayOnlyField,
  isFieldShown,
  staffLabelOf,
} from '@kontakta/domain';

// Answers read back as plain Swedish lines ("Fråga: svar"), drawn from the form they were written
// on, as the web's answers view shows them: only questions shown and answered; a repeating group
// as numbered items. For the record copy (PDF and FHIR text), where a caregiver reads, not a form:
// the questions in the third person, as staff read them in the errand ("Har invånaren feber?").

export type AnswerLine = Readonly<{ label: string; value: string; depth: number }>;

const WEEKDAYS: Readonly<Record<string, string>> = {
  monday: 'måndag',
  tuesday: 'tisdag',
  wednesday: 'onsdag',
  thursday: 'torsdag',
  friday: 'fredag',
  saturday: 'lördag',
  sunday: 'söndag',
};

type Answers = Readonly<Record<string, unknown>>;

function asAnswers(value: unknown): Answers {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Answers) : {};
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

function valueText(field: FormField, value: unknown): string {
  const list = Array.isArray(value) ? value : [value];
  switch (field.kind) {
    case 'single-choice':
    case 'multiple-choice':
      return list
        .map((chosen) => field.options.find((option) => option.value === chosen)?.label.sv ?? String(chosen))
        .join(', ');
    case 'weekdays':
      return list.map((day) => WEEKDAYS[String(day)] ?? String(day)).join(', ');
    case 'yes-no':
      return value === true ? 'Ja' : 'Nej';
    case 'number': {
      const number = typeof value === 'number' ? value.toLocaleString('sv-SE') : String(value);
      return field.unit ? `${number} ${field.unit.sv}` : number;
    }
    default:
      return list.map(String).join(', ');
  }
}

function linesOf(fields: readonly FormField[], answers: Answers, outer: readonly ConditionScope[], depth: number) {
  const scopes = [{ fields, values: answers }, ...outer];
  const out: AnswerLine[] = [];
  for (const field of fields) {
    if (isDisplayOnlyField(field) || !isFieldShown(field, scopes)) continue;
    const value = Object.hasOwn(answers, field.key) ? answers[field.key] : undefined;
    if (!isAnswered(value)) continue;
    if (field.kind === 'group') {
      out.push({ label: staffLabelOf(field)?.sv ?? field.label.sv, value: '', depth });
      (Array.isArray(value) ? value : []).forEach((item, index) => {
        const noun = field.itemNoun ? upperFirst(field.itemNoun.one.sv) : field.label.sv;
        out.push({ label: `${noun} ${index + 1}`, value: '', depth: depth + 1 });
        out.push(...linesOf(field.fields, asAnswers(item), scopes, depth + 2));
      });
      continue;
    }
    out.push({ label: staffLabelOf(field)?.sv ?? field.label.sv, value: valueText(field, value), depth });
  }
  return out;
}

/**
 * The answers as lines. A message without a form (a citizen's reply, a message-only answer, the
 * message on closing) is one line labelled "Meddelande".
 */
export function answerLines(form: FormDefinition | null, answers: Answers): AnswerLine[] {
  if (!form) {
    const message = answers.message;
    return typeof message === 'string' && message.trim() !== ''
      ? [{ label: 'Meddelande', value: message, depth: 0 }]
      : [];
  }
  return linesOf(form.fields, answers, [], 0);
}

/** The lines as plain text, one per line, nested items indented. */
export function answerText(lines: readonly AnswerLine[]): string {
  return lines
    .map((line) => `${'  '.repeat(line.depth)}${line.label}${line.value === '' ? '' : `: ${line.value}`}`)
    .join('\n');
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);
}
