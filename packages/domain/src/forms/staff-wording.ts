import type { FormField, LocalizedText } from './form-definition.schema.ts';

// Errand forms speak to the citizen ("Läkemedel som du vill förnya"); staff read the same answers
// about someone else. A form designer may write a staff label per question (`staffLabel`); without
// one the citizen's label is put in the third person by the rules below, which cover the way
// questions in forms are written (a question or a noun phrase addressed as "du"/"you").

type Rule = readonly [RegExp, string];

/** A whole-word pattern that knows å, ä and ö are letters (`\b` does not). */
function word(phrase: string): RegExp {
  return new RegExp(`(?<!\\p{L})${phrase}(?!\\p{L})`, 'gu');
}

// Swedish: the pronoun alone carries the person, so a word-for-word swap reads well.
const SV_RULES: readonly Rule[] = [
  // "Är du gravid eller ammar du?": the second "du" is not needed once the subject is named.
  [word('eller (\\p{L}+) du'), 'eller $1'],
  [word('du'), 'invånaren'],
  [word('Du'), 'Invånaren'],
  [word('dig själv'), 'sig själv'],
  [word('dig'), 'invånaren'],
  [word('(din|ditt|dina)'), 'invånarens'],
  [word('(Din|Ditt|Dina)'), 'Invånarens'],
];

// English: the verb agrees with "you", so the common question forms are turned first.
const EN_RULES: readonly Rule[] = [
  [word('Are you'), 'Is the citizen'],
  [word('are you'), 'is the citizen'],
  [word('Do you'), 'Does the citizen'],
  [word('do you'), 'does the citizen'],
  [word('Have you'), 'Has the citizen'],
  [word('have you'), 'has the citizen'],
  [word('Were you'), 'Was the citizen'],
  [word('were you'), 'was the citizen'],
  [word('you are'), 'the citizen is'],
  [word('you have'), 'the citizen has'],
  [word('you were'), 'the citizen was'],
  [word('you do'), 'the citizen does'],
  [word('you need'), 'the citizen needs'],
  [word('you want'), 'the citizen wants'],
  [word('you take'), 'the citizen takes'],
  [word('yourself'), 'themselves'],
  [word('Your'), "The citizen's"],
  [word('your'), "the citizen's"],
  [word('You'), 'The citizen'],
  [word('you'), 'the citizen'],
];

function reword(text: string, rules: readonly Rule[]): string {
  return rules.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/** A label written to the citizen, put in the third person for staff ("Har du feber?" → "Har invånaren feber?"). */
export function rewordForStaff(text: LocalizedText): LocalizedText {
  return { sv: reword(text.sv, SV_RULES), en: reword(text.en, EN_RULES) };
}

/** What staff read as a question's label: the designer's staff label, else the label in the third person. */
export function staffLabelOf(field: FormField): LocalizedText | undefined {
  if (!('label' in field)) return undefined;
  if ('staffLabel' in field && field.staffLabel) return field.staffLabel;
  return rewordForStaff(field.label);
}
