// What a unit administrator is told when a form they designed cannot be saved. `path` points into
// the definition (`fields[3].options[1].value`) so the form builder can mark the spot. The words
// are the catalogues' (`definition.*`, in the web app's and the server's, the same), so a third
// language is a catalogue file; the domain gives the id and the values.

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

/** Every catalogue id a definition problem may use; each catalogue must have them all. */
export const DEFINITION_MESSAGE_IDS = [
  'definition.too-large',
  'definition.wrong-type',
  'definition.unknown-field-kind',
  'definition.missing-property',
  'definition.unknown-property',
  'definition.invalid-value',
  'definition.invalid-format',
  'definition.invalid-format-key',
  'definition.invalid-format-option',
  'definition.invalid-format-date',
  'definition.too-long',
  'definition.too-short',
  'definition.too-many',
  'definition.too-few',
  'definition.out-of-range',
  'definition.duplicate-key',
  'definition.reserved-key',
  'definition.nesting-too-deep',
  'definition.too-many-fields',
  'definition.no-input-fields',
  'definition.group-without-input-fields',
  'definition.blank-text',
  'definition.invalid-characters',
  'definition.min-greater-than-max',
  'definition.limit-exceeds-options',
  'definition.duplicate-option-value',
  'definition.duplicate-weekday',
  'definition.invalid-date',
  'definition.condition-target-missing',
  'definition.condition-target-not-choice',
  'definition.condition-target-not-group',
  'definition.condition-target-after-field',
  'definition.condition-value-not-an-option',
] as const;
export type DefinitionMessageId = (typeof DEFINITION_MESSAGE_IDS)[number];

/**
 * What to tell the administrator, as a catalogue id (the web app's and the server's `definition.*`)
 * and its values: `{key}` a field's or property's key, `{value}` a value, `{limit}` a number.
 */
export interface DefinitionMessage {
  readonly id: DefinitionMessageId;
  readonly values?: Readonly<Record<string, string | number>>;
}

export interface DefinitionProblem {
  path: string;
  code: DefinitionProblemCode;
  message: DefinitionMessage;
}

export interface ProblemParams {
  key?: string;
  limit?: number;
  /** The value the problem is about; for `invalid-format`, which format: `key`, `option` or `date`. */
  value?: string;
}

const FORMATS: Readonly<Record<string, DefinitionMessageId>> = {
  key: 'definition.invalid-format-key',
  option: 'definition.invalid-format-option',
  date: 'definition.invalid-format-date',
};

type Param = keyof ProblemParams;

/** The values each message uses; the others are left out. */
const NEEDS: Partial<Record<DefinitionProblemCode, readonly Param[]>> = {
  'missing-property': ['key'],
  'unknown-property': ['key'],
  'too-long': ['limit'],
  'too-many': ['limit'],
  'too-few': ['limit'],
  'duplicate-key': ['key'],
  'reserved-key': ['key'],
  'nesting-too-deep': ['limit'],
  'too-many-fields': ['limit'],
  'limit-exceeds-options': ['limit'],
  'duplicate-option-value': ['value'],
  'condition-target-missing': ['key'],
  'condition-target-not-choice': ['key'],
  'condition-target-not-group': ['key'],
  'condition-target-after-field': ['key'],
  'condition-value-not-an-option': ['key', 'value'],
};

function messageFor(code: DefinitionProblemCode, params: ProblemParams): DefinitionMessage {
  if (code === 'invalid-format') {
    const format = params.value ?? '';
    return {
      id: Object.hasOwn(FORMATS, format)
        ? (FORMATS[format] ?? 'definition.invalid-format')
        : 'definition.invalid-format',
    };
  }
  const needs = NEEDS[code] ?? [];
  // A schema limit without its number (never seen) still says something true.
  if (needs.includes('limit') && params.limit === undefined) return { id: 'definition.invalid-value' };
  const id: DefinitionMessageId = `definition.${code}`;
  if (needs.length === 0) return { id };
  return { id, values: Object.fromEntries(needs.map((name) => [name, params[name] ?? ''])) };
}

export function definitionProblem(path: string, code: DefinitionProblemCode, params: ProblemParams = {}) {
  return { path, code, message: messageFor(code, params) } satisfies DefinitionProblem;
}
