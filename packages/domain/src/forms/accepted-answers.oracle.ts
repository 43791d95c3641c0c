import { type OracleScope, oracleConditionHolds } from './form-answers.arbitraries.ts';
import type { FormDefinition, FormField } from './form-definition.schema.ts';
import {
  DEFAULT_DATE_LIST_MAX_ITEMS,
  DEFAULT_LONG_TEXT_MAX_LENGTH,
  DEFAULT_SHORT_TEXT_MAX_LENGTH,
  DEFAULT_WEEKDAYS,
} from './form-limits.ts';
import { isIsoDate, resolveDateLimit } from './iso-date.ts';

// A second, deliberately plain statement of what accepted answers must look like. Property tests
// run it on whatever validateAnswers accepts: any violation is something the validator let through.

type Values = Record<string, unknown>;

const isRecord = (value: unknown): value is Values =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const codePoints = (text: string) => [...text].length;

function textViolations(
  field: FormField & { maxLength?: number; minLength?: number },
  value: unknown,
  multiLine: boolean,
) {
  if (typeof value !== 'string') return ['not a string'];
  const problems: string[] = [];
  const max = field.maxLength ?? (multiLine ? DEFAULT_LONG_TEXT_MAX_LENGTH : DEFAULT_SHORT_TEXT_MAX_LENGTH);
  if (value !== value.trim() || value === '') problems.push('not trimmed or empty');
  if (codePoints(value) > max) problems.push(`longer than ${max}`);
  if (field.minLength !== undefined && codePoints(value) < field.minLength) problems.push('too short');
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const allowed = multiLine && (char === '\n' || char === '\t');
    if ((code < 0x20 || code === 0x7f) && !allowed) problems.push('control character');
  }
  if (!value.isWellFormed()) problems.push('lone surrogate');
  return problems;
}

function inWindow(
  date: string,
  field: { earliest?: Parameters<typeof resolveDateLimit>[0]; latest?: Parameters<typeof resolveDateLimit>[0] },
  today: string,
) {
  const from = field.earliest && resolveDateLimit(field.earliest, today);
  const to = field.latest && resolveDateLimit(field.latest, today);
  return isIsoDate(date) && (!from || date >= from) && (!to || date <= to);
}

function distinctStrings(value: unknown, allowed: readonly string[]): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    new Set(value).size === value.length &&
    value.every((item) => allowed.includes(item))
  );
}

function valueViolations(field: FormField, value: unknown, chain: readonly OracleScope[], today: string): string[] {
  switch (field.kind) {
    case 'short-text':
      return textViolations(field, value, false);
    case 'long-text':
      return textViolations(field, value, true);
    case 'single-choice':
      return field.options.some((option) => option.value === value) ? [] : ['not an option'];
    case 'multiple-choice': {
      if (
        !distinctStrings(
          value,
          field.options.map((option) => option.value),
        )
      )
        return ['not distinct options'];
      const tooFew = field.minSelected !== undefined && value.length < field.minSelected;
      const tooMany = field.maxSelected !== undefined && value.length > field.maxSelected;
      return tooFew || tooMany ? ['selection count'] : [];
    }
    case 'date':
      return typeof value === 'string' && inWindow(value, field, today) ? [] : ['date outside limits'];
    case 'date-list': {
      if (!Array.isArray(value) || value.length === 0 || new Set(value).size !== value.length)
        return ['not distinct dates'];
      if (value.length > (field.maxItems ?? DEFAULT_DATE_LIST_MAX_ITEMS) || value.length < (field.minItems ?? 0))
        return ['date count'];
      return value.every((date) => typeof date === 'string' && inWindow(date, field, today))
        ? []
        : ['date outside limits'];
    }
    case 'weekdays':
      return distinctStrings(value, field.days ?? DEFAULT_WEEKDAYS) ? [] : ['not distinct weekdays'];
    case 'time':
      return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? [] : ['not a time'];
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return ['not a finite number'];
      if (field.integer && !Number.isInteger(value)) return ['not an integer'];
      const low = field.min !== undefined && value < field.min;
      const high = field.max !== undefined && value > field.max;
      return low || high ? ['number outside limits'] : [];
    }
    case 'yes-no':
      return typeof value === 'boolean' ? [] : ['not a boolean'];
    case 'phone':
      return typeof value === 'string' && /^\+[1-9]\d{6,14}$/.test(value) ? [] : ['not E.164'];
    case 'group': {
      if (!Array.isArray(value) || value.length === 0) return ['not a non-empty list'];
      if (value.length > field.maxItems || value.length < (field.minItems ?? 0)) return ['item count'];
      return value.flatMap((item, index) => levelViolations(field.fields, item, chain, today, `[${index}]`));
    }
    default:
      return ['display-only field has an answer'];
  }
}

function levelViolations(
  fields: readonly FormField[],
  values: unknown,
  outer: readonly OracleScope[],
  today: string,
  path: string,
): string[] {
  if (!isRecord(values) || Object.getPrototypeOf(values) !== Object.prototype) return [`${path}: not a plain object`];
  const answerable = fields.filter((field) => field.kind !== 'heading' && field.kind !== 'info');
  const problems = Object.keys(values)
    .filter((key) => !answerable.some((field) => field.key === key))
    .map((key) => `${path}.${key}: unknown key accepted`);
  const chain = [{ fields, values }, ...outer];
  for (const field of answerable) {
    const shown = oracleConditionHolds(field.condition, chain);
    const present = Object.hasOwn(values, field.key);
    const where = `${path}.${field.key}`;
    if (!shown && present) problems.push(`${where}: hidden field accepted`);
    const mustHave =
      field.kind === 'group' ? (field.minItems ?? 0) > 0 : 'required' in field && field.required === true;
    if (shown && !present && mustHave) problems.push(`${where}: required field missing`);
    if (present)
      problems.push(
        ...valueViolations(field, values[field.key], chain, today).map((problem) => `${where}: ${problem}`),
      );
  }
  return problems;
}

/** Everything about accepted answers that the definition forbids; empty when they are fine. */
export function acceptedAnswerViolations(definition: FormDefinition, values: unknown, today: string): string[] {
  return levelViolations(definition.fields, values, [], today, '');
}
