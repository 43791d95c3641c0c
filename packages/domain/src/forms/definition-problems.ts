import type { LocalizedText } from './form-definition.schema.ts';

// What a unit administrator is told when a form they designed cannot be saved. `path` points into
// the definition (`fields[3].options[1].value`) so the form builder can mark the spot.

export type DefinitionProblemCode =
  // The shape of the data
  | 'too-large'
  | 'wrong-type'
  | 'unknown-field-kind'
  | 'missing-property'
  | 'unknown-property'
  | 'invalid-value'
  | 'invalid-format'
  | 'too-long'
  | 'too-short'
  | 'too-many'
  | 'too-few'
  | 'out-of-range'
  // The rules between fields
  | 'duplicate-key'
  | 'reserved-key'
  | 'nesting-too-deep'
  | 'too-many-fields'
  | 'no-input-fields'
  | 'group-without-input-fields'
  | 'blank-text'
  | 'invalid-characters'
  | 'min-greater-than-max'
  | 'limit-exceeds-options'
  | 'duplicate-option-value'
  | 'duplicate-weekday'
  | 'invalid-date'
  | 'condition-target-missing'
  | 'condition-target-not-choice'
  | 'condition-target-not-group'
  | 'condition-target-after-field'
  | 'condition-value-not-an-option';

export interface DefinitionProblem {
  path: string;
  code: DefinitionProblemCode;
  message: LocalizedText;
}

export interface ProblemParams {
  key?: string;
  limit?: number;
  value?: string;
}

type Template = (p: ProblemParams) => LocalizedText;

const quoted = (text: string | undefined) => ({ sv: `”${text ?? ''}”`, en: `“${text ?? ''}”` });

const formatMessages: Record<string, LocalizedText> = {
  key: {
    sv: 'En nyckel ska börja med en liten bokstav a–z och sedan bara innehålla bokstäverna a–z, A–Z och siffror (högst 40 tecken).',
    en: 'A key must start with a lowercase letter a–z followed only by the letters a–z, A–Z and digits (at most 40 characters).',
  },
  option: {
    sv: 'Ett svarsvärde får bara innehålla små bokstäver a–z, siffror och bindestreck (högst 64 tecken).',
    en: 'An option value may only contain lowercase letters a–z, digits and hyphens (at most 64 characters).',
  },
  date: { sv: 'Skriv datumet som ÅÅÅÅ-MM-DD.', en: 'Write the date as YYYY-MM-DD.' },
};

const templates: Record<DefinitionProblemCode, Template> = {
  'too-large': () => ({
    sv: 'Formuläret är för stort eller för djupt nästlat för att kunna sparas.',
    en: 'The form is too large or too deeply nested to be saved.',
  }),
  'wrong-type': () => ({ sv: 'Värdet har fel typ.', en: 'The value has the wrong type.' }),
  'unknown-field-kind': () => ({ sv: 'Okänd sorts fält.', en: 'Unknown kind of field.' }),
  'missing-property': (p) => ({
    sv: `Uppgiften ${quoted(p.key).sv} saknas.`,
    en: `The property ${quoted(p.key).en} is missing.`,
  }),
  'unknown-property': (p) => ({
    sv: `Uppgiften ${quoted(p.key).sv} hör inte hit.`,
    en: `The property ${quoted(p.key).en} does not belong here.`,
  }),
  'invalid-value': () => ({ sv: 'Värdet är inte tillåtet här.', en: 'The value is not allowed here.' }),
  'invalid-format': (p) =>
    formatMessages[p.value ?? ''] ?? { sv: 'Värdet har fel format.', en: 'The value has the wrong format.' },
  'too-long': (p) => ({
    sv: `Texten får vara högst ${p.limit} tecken.`,
    en: `The text can be at most ${p.limit} characters.`,
  }),
  'too-short': () => ({ sv: 'Texten får inte vara tom.', en: 'The text must not be empty.' }),
  'too-many': (p) => ({ sv: `Det får finnas högst ${p.limit} här.`, en: `There can be at most ${p.limit} here.` }),
  'too-few': (p) => ({ sv: `Det måste finnas minst ${p.limit} här.`, en: `There must be at least ${p.limit} here.` }),
  'out-of-range': () => ({ sv: 'Värdet ligger utanför det tillåtna intervallet.', en: 'The value is out of range.' }),
  'duplicate-key': (p) => ({
    sv: `Nyckeln ${quoted(p.key).sv} används redan på samma nivå i formuläret.`,
    en: `The key ${quoted(p.key).en} is already used at the same level of the form.`,
  }),
  'reserved-key': (p) => ({
    sv: `Nyckeln ${quoted(p.key).sv} är reserverad. Välj en annan.`,
    en: `The key ${quoted(p.key).en} is reserved. Choose another.`,
  }),
  'nesting-too-deep': (p) => ({
    sv: `Grupper kan bara ligga i högst ${p.limit} nivåer.`,
    en: `Groups can only be nested ${p.limit} levels deep.`,
  }),
  'too-many-fields': (p) => ({
    sv: `Formuläret får ha högst ${p.limit} fält.`,
    en: `The form can have at most ${p.limit} fields.`,
  }),
  'no-input-fields': () => ({
    sv: 'Formuläret måste ha minst ett fält att fylla i.',
    en: 'The form must have at least one field to fill in.',
  }),
  'group-without-input-fields': () => ({
    sv: 'Gruppen måste ha minst ett fält att fylla i.',
    en: 'The group must have at least one field to fill in.',
  }),
  'blank-text': () => ({ sv: 'Texten får inte vara tom.', en: 'The text must not be blank.' }),
  'invalid-characters': () => ({
    sv: 'Texten innehåller tecken som inte är tillåtna.',
    en: 'The text contains characters that are not allowed.',
  }),
  'min-greater-than-max': () => ({
    sv: 'Det lägsta värdet är större än det högsta.',
    en: 'The minimum is greater than the maximum.',
  }),
  'limit-exceeds-options': (p) => ({
    sv: `Gränsen kan inte vara större än antalet alternativ (${p.limit}).`,
    en: `The limit cannot be greater than the number of options (${p.limit}).`,
  }),
  'duplicate-option-value': (p) => ({
    sv: `Svarsvärdet ${quoted(p.value).sv} finns redan bland alternativen.`,
    en: `The option value ${quoted(p.value).en} is already used.`,
  }),
  'duplicate-weekday': () => ({ sv: 'Veckodagen finns redan i listan.', en: 'The weekday is already listed.' }),
  'invalid-date': () => ({
    sv: 'Datumet finns inte. Skriv det som ÅÅÅÅ-MM-DD.',
    en: 'The date does not exist. Write it as YYYY-MM-DD.',
  }),
  'condition-target-missing': (p) => ({
    sv: `Villkoret pekar på fältet ${quoted(p.key).sv}, som inte finns på den här nivån eller någon nivå utanför.`,
    en: `The condition refers to the field ${quoted(p.key).en}, which is not at this level or any level outside it.`,
  }),
  'condition-target-not-choice': (p) => ({
    sv: `Villkoret pekar på fältet ${quoted(p.key).sv}, men bara ett val- eller ja/nej-fält kan styra ett villkor.`,
    en: `The condition refers to the field ${quoted(p.key).en}, but only a choice or yes/no field can steer a condition.`,
  }),
  'condition-target-not-group': (p) => ({
    sv: `Villkoret pekar på ${quoted(p.key).sv}, som inte är en grupp.`,
    en: `The condition refers to ${quoted(p.key).en}, which is not a group.`,
  }),
  'condition-target-after-field': (p) => ({
    sv: `Villkoret pekar på ${quoted(p.key).sv}, som måste komma före fältet i formuläret.`,
    en: `The condition refers to ${quoted(p.key).en}, which must come before the field in the form.`,
  }),
  'condition-value-not-an-option': (p) => ({
    sv: `Värdet ${quoted(p.value).sv} är inget av svarsalternativen för ${quoted(p.key).sv}.`,
    en: `The value ${quoted(p.value).en} is not one of the options of ${quoted(p.key).en}.`,
  }),
};

export function definitionProblem(path: string, code: DefinitionProblemCode, params: ProblemParams = {}) {
  return { path, code, message: templates[code](params) } satisfies DefinitionProblem;
}
