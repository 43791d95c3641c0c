import {
  type DefinitionProblem,
  type FieldCondition,
  type FormDefinition,
  type FormField,
  type LocalizedText,
  validateFormDefinition,
} from '@kontakta/domain';

// The form builder edits a flat list of questions; this turns it into a form definition (the
// data the server stores and every renderer draws) and back. Keys and option values are made
// here, stable for the life of a question, so administrators never type identifiers.

/** The kinds the builder offers. Repeating groups are left to the API for now. */
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
] as const;
export type BuilderKind = (typeof BUILDER_KINDS)[number];

export type BuilderOption = Readonly<{ value: string; label: LocalizedText }>;

/** "Show only when the earlier question `field` has `value`" (`yes`/`no` for yes/no questions). */
export type BuilderCondition = Readonly<{ field: string; value: string }>;

export type BuilderField = Readonly<{
  key: string;
  kind: BuilderKind;
  /** The question; for a heading its text; unused for information (which has `text`). */
  label: LocalizedText;
  help: LocalizedText;
  /** Information text. */
  text: LocalizedText;
  required: boolean;
  options: readonly BuilderOption[];
  display: 'radio' | 'dropdown';
  condition: BuilderCondition | null;
}>;

const EMPTY: LocalizedText = { sv: '', en: '' };

export function isChoiceKind(kind: BuilderKind): boolean {
  return kind === 'single-choice' || kind === 'multiple-choice';
}

export function isConditionSource(kind: BuilderKind): boolean {
  return isChoiceKind(kind) || kind === 'yes-no';
}

export function takesAnswer(kind: BuilderKind): boolean {
  return kind !== 'heading' && kind !== 'info';
}

function nextId(prefix: string, taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function newBuilderField(kind: BuilderKind, existing: readonly BuilderField[]): BuilderField {
  const key = nextId(
    'question',
    existing.map((field) => field.key),
  );
  return {
    key,
    kind,
    label: EMPTY,
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
  };
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

function filled(text: LocalizedText): boolean {
  return text.sv.trim() !== '' || text.en.trim() !== '';
}

function conditionOf(field: BuilderField, all: readonly BuilderField[]): FieldCondition | undefined {
  if (!field.condition) return undefined;
  const source = all.find((candidate) => candidate.key === field.condition?.field);
  const value = source?.kind === 'yes-no' ? field.condition.value === 'yes' : field.condition.value;
  return { kind: 'has-value', field: field.condition.field, value };
}

/** The definition the builder's questions make, exactly as it will be saved and drawn. */
export function toDefinition(fields: readonly BuilderField[]): FormDefinition {
  return {
    formatVersion: 1,
    fields: fields.map((field): FormField => {
      const condition = conditionOf(field, fields);
      const shown = condition ? { condition } : {};
      if (field.kind === 'heading') return { kind: 'heading', key: field.key, label: field.label, ...shown };
      if (field.kind === 'info') return { kind: 'info', key: field.key, text: field.text, ...shown };
      const common = {
        key: field.key,
        label: field.label,
        ...(filled(field.help) ? { help: field.help } : {}),
        ...(field.required ? { required: true } : {}),
        ...shown,
      };
      switch (field.kind) {
        case 'single-choice':
          return { ...common, kind: field.kind, options: [...field.options], display: field.display };
        case 'multiple-choice':
          return { ...common, kind: field.kind, options: [...field.options] };
        default:
          return { ...common, kind: field.kind };
      }
    }),
  };
}

/** The builder's questions for a stored definition, or undefined if it uses what the builder cannot edit. */
export function fromDefinition(definition: FormDefinition): BuilderField[] | undefined {
  const fields: BuilderField[] = [];
  for (const field of definition.fields) {
    if (field.kind === 'group') return undefined;
    const condition = field.condition;
    if (condition && condition.kind !== 'has-value') return undefined;
    fields.push({
      key: field.key,
      kind: field.kind,
      label: 'label' in field ? field.label : EMPTY,
      help: 'help' in field && field.help ? field.help : EMPTY,
      text: field.kind === 'info' ? field.text : EMPTY,
      required: 'required' in field && field.required === true,
      options: 'options' in field ? field.options : [],
      display: field.kind === 'single-choice' && field.display === 'dropdown' ? 'dropdown' : 'radio',
      condition: condition
        ? {
            field: condition.field,
            value: typeof condition.value === 'boolean' ? (condition.value ? 'yes' : 'no') : condition.value,
          }
        : null,
    });
  }
  return fields;
}

/** Which question a definition problem is about (`fields[2].label.sv` → 2), if any. */
export function problemFieldIndex(problem: Pick<DefinitionProblem, 'path'>): number | undefined {
  const match = /^fields\[(\d+)\]/.exec(problem.path);
  return match ? Number(match[1]) : undefined;
}

/** What is wrong with the questions, in the domain's words (the server says the same). */
export function builderProblems(fields: readonly BuilderField[]): DefinitionProblem[] {
  return validateFormDefinition(toDefinition(fields));
}

/** Removing a question also removes conditions that pointed at it. */
export function withoutField(fields: readonly BuilderField[], index: number): BuilderField[] {
  const removed = fields[index]?.key;
  return fields
    .filter((_, position) => position !== index)
    .map((field) => (field.condition?.field === removed ? { ...field, condition: null } : field));
}

/** Moves a question; a condition that would then point forward is dropped. */
export function moved(fields: readonly BuilderField[], index: number, by: -1 | 1): BuilderField[] {
  const target = index + by;
  if (target < 0 || target >= fields.length) return [...fields];
  const next = [...fields];
  const [field] = next.splice(index, 1);
  if (field) next.splice(target, 0, field);
  return next.map((candidate, position) => {
    const sourceAt = next.findIndex((other) => other.key === candidate.condition?.field);
    return candidate.condition && sourceAt >= position ? { ...candidate, condition: null } : candidate;
  });
}
