import {
  type DateLimit,
  DEFAULT_WEEKDAYS,
  type FieldCondition,
  type FormDefinition,
  type FormField,
  validateFormDefinition,
} from '@kontakta/domain';
import { parseDraftNumber } from '../forms/form-draft.ts';
import type { MessageId } from '../i18n/messages.ts';
import {
  type BuilderCondition,
  type BuilderField,
  type BuilderProblem,
  type CountLimitName,
  type DateBound,
  filled,
  sameDays,
  withSwedishFallback as sv,
} from './form-builder-model.ts';

// The builder's questions as a form definition, the data the server stores and every renderer
// draws, and what is wrong with them: limits as typed that are not numbers (said here, since the
// definition leaves them out), then the domain's own checks, the very ones the server runs.

type Levels = readonly (readonly BuilderField[])[];

function findInLevels(key: string, levels: Levels): BuilderField | undefined {
  for (const level of levels) {
    const found = level.find((candidate) => candidate.key === key);
    if (found) return found;
  }
  return undefined;
}

function conditionValue(source: BuilderField | undefined, value: string): string | boolean {
  return source?.kind === 'yes-no' ? value === 'yes' : value;
}

function conditionOf(condition: BuilderCondition, levels: Levels): FieldCondition {
  if (condition.group) {
    const group = findInLevels(condition.group, levels);
    const source = group?.fields.find((candidate) => candidate.key === condition.field);
    return {
      kind: 'any-item-has-value',
      group: condition.group,
      field: condition.field,
      value: conditionValue(source, condition.value),
    };
  }
  const source = findInLevels(condition.field, levels);
  return { kind: 'has-value', field: condition.field, value: conditionValue(source, condition.value) };
}

type Collector = (path: string, message: MessageId) => void;

/** A count limit as typed: a whole number, nothing (no limit), or a problem. */
function wholeNumber(text: string, path: string, report: Collector): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^[-+]?\d{1,12}$/.test(trimmed)) return Number(trimmed);
  report(path, 'builder.problem.wholeNumber');
  return undefined;
}

function anyNumber(text: string, path: string, report: Collector): number | undefined {
  if (text.trim() === '') return undefined;
  const value = parseDraftNumber(text);
  if (typeof value === 'number') return value;
  report(path, 'builder.problem.number');
  return undefined;
}

function dateLimit(bound: DateBound, path: string, report: Collector): DateLimit | undefined {
  if (bound.mode === 'none') return undefined;
  if (bound.mode === 'days') {
    const days = wholeNumber(bound.value, path, report);
    if (days === undefined && bound.value.trim() === '') report(path, 'builder.problem.days');
    return days === undefined ? undefined : { daysFromToday: days };
  }
  const date = bound.value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return { date };
  report(path, 'builder.problem.date');
  return undefined;
}

/** Only the properties that have a value, so a definition carries no `undefined`. */
function defined<T extends Record<string, unknown>>(properties: T): Partial<T> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function convertField(field: BuilderField, levels: Levels, path: string, report: Collector): FormField {
  const shown = field.condition ? { condition: conditionOf(field.condition, levels) } : {};
  const limits = field.limits;
  const count = (name: CountLimitName) => wholeNumber(limits[name], `${path}.${name}`, report);
  if (field.kind === 'heading') return { kind: 'heading', key: field.key, label: sv(field.label), ...shown };
  if (field.kind === 'info') return { kind: 'info', key: field.key, text: sv(field.text), ...shown };
  const help = filled(field.help) ? { help: sv(field.help) } : {};
  const staffLabel = filled(field.staffLabel) ? { staffLabel: sv(field.staffLabel) } : {};
  if (field.kind === 'group') {
    const minItems = count('minItems');
    const maxItems = count('maxItems');
    if (maxItems === undefined && limits.maxItems.trim() === '') report(`${path}.maxItems`, 'builder.problem.groupMax');
    const inner = [field.fields, ...levels];
    return {
      kind: 'group',
      key: field.key,
      label: sv(field.label),
      ...help,
      ...staffLabel,
      ...(filled(field.itemNoun.one) || filled(field.itemNoun.other)
        ? { itemNoun: { one: sv(field.itemNoun.one), other: sv(field.itemNoun.other) } }
        : {}),
      ...defined({ minItems }),
      // Missing, it is reported above; a stand-in that meets the lowest keeps the domain from adding a second problem.
      maxItems: maxItems ?? Math.max(minItems ?? 1, 1),
      fields: field.fields.map((child, index) => convertField(child, inner, `${path}.fields[${index}]`, report)),
      ...shown,
    };
  }
  const common = {
    key: field.key,
    label: sv(field.label),
    ...help,
    ...staffLabel,
    ...(field.required ? { required: true } : {}),
    ...shown,
  };
  const options = field.options.map((option) => ({ value: option.value, label: sv(option.label) }));
  const dates = () =>
    defined({
      earliest: dateLimit(limits.earliest, `${path}.earliest`, report),
      latest: dateLimit(limits.latest, `${path}.latest`, report),
    });
  switch (field.kind) {
    case 'short-text':
    case 'long-text':
      return {
        ...common,
        kind: field.kind,
        ...defined({ minLength: count('minLength'), maxLength: count('maxLength') }),
      };
    case 'single-choice':
      return { ...common, kind: field.kind, options, display: field.display };
    case 'multiple-choice':
      return {
        ...common,
        kind: field.kind,
        options,
        ...defined({ minSelected: count('minSelected'), maxSelected: count('maxSelected') }),
      };
    case 'date':
      return { ...common, kind: field.kind, ...dates() };
    case 'date-list':
      return {
        ...common,
        kind: field.kind,
        ...dates(),
        ...defined({ minItems: count('minItems'), maxItems: count('maxItems') }),
      };
    case 'number':
      return {
        ...common,
        kind: field.kind,
        ...defined({
          min: anyNumber(limits.min, `${path}.min`, report),
          max: anyNumber(limits.max, `${path}.max`, report),
        }),
        ...(limits.integer ? { integer: true } : {}),
        ...(filled(limits.unit) ? { unit: sv(limits.unit) } : {}),
      };
    case 'weekdays':
      return {
        ...common,
        kind: field.kind,
        ...(sameDays(limits.days, DEFAULT_WEEKDAYS) ? {} : { days: [...limits.days] }),
      };
    default:
      return { ...common, kind: field.kind };
  }
}

function convert(fields: readonly BuilderField[]): { definition: FormDefinition; problems: BuilderProblem[] } {
  const problems: BuilderProblem[] = [];
  const report: Collector = (path, message) => problems.push({ path, message });
  const definition: FormDefinition = {
    formatVersion: 1,
    fields: fields.map((field, index) => convertField(field, [fields], `fields[${index}]`, report)),
  };
  return { definition, problems };
}

/** The definition the builder's questions make, exactly as it will be saved and drawn. */
export function toDefinition(fields: readonly BuilderField[]): FormDefinition {
  return convert(fields).definition;
}

/**
 * What is wrong with the questions: limits that are not numbers (said here, as the definition
 * leaves them out), then everything else in the domain's words (the server says the same).
 */
export function builderProblems(
  fields: readonly BuilderField[],
  definition: FormDefinition = toDefinition(fields),
): BuilderProblem[] {
  const local = convert(fields).problems;
  const seen = new Set(local.map((problem) => problem.path));
  const domain = validateFormDefinition(definition).filter(
    (problem) => ![...seen].some((path) => problem.path === path || problem.path.startsWith(`${path}.`)),
  );
  return [...local, ...domain];
}
