import { type CheckedValue, checkInputFieldValue } from './answer-field-checks.ts';
import {
  type AnswerErrorCode,
  type AnswerMessage,
  answerMessage,
  fieldMessageName,
  itemPrefix,
  type MessageParams,
  quotedLabel,
  withItemPrefix,
} from './answer-messages.ts';
import { type ConditionScope, evaluateFieldCondition, UNDECIDED } from './field-condition.ts';
import { isDisplayOnlyField } from './field-kinds.ts';
import type { FormDefinition, FormField, GroupField } from './form-definition.schema.ts';
import { isIsoDate } from './iso-date.ts';

// Validates a submission against the definition the citizen had open. Runs on the server and in
// the browser, so it uses no libraries and never throws, whatever `answers` is. Each wrong field
// gives one error; a field that depends on a wrong answer is skipped rather than guessed about.

export type AnswerValue = CheckedValue | FormAnswers[];
export interface FormAnswers {
  [key: string]: AnswerValue;
}

export interface AnswerError {
  /** Where in the answers: `contactReason`, `medicines[2].name`. */
  path: string;
  code: AnswerErrorCode;
  /** A catalogue id and its values; `renderAnswerMessage` writes it in the reader's language. */
  message: AnswerMessage;
}

export type AnswerValidationResult = { ok: true; value: FormAnswers } | { ok: false; errors: AnswerError[] };

export interface AnswerValidationOptions {
  /** The citizen's current date in Sweden, `YYYY-MM-DD`; date limits such as "not in the past" use it. */
  today: string;
  /** Stop collecting after this many errors (default 100): a hostile submission must not cost more. */
  maxErrors?: number;
}

interface Run {
  readonly today: string;
  readonly maxErrors: number;
  readonly errors: AnswerError[];
  full: boolean;
}

type LevelValues = Record<string, AnswerValue | typeof UNDECIDED | (FormAnswersOrUndecided | typeof UNDECIDED)[]>;
type FormAnswersOrUndecided = LevelValues | typeof UNDECIDED;

function addError(run: Run, path: string, code: AnswerErrorCode, message: AnswerMessage): void {
  if (run.full) return;
  if (run.errors.length >= run.maxErrors) {
    run.full = true;
    run.errors.push({ path: '', code: 'too-many-errors', message: answerMessage('too-many-errors', { name: EMPTY }) });
    return;
  }
  run.errors.push({ path, code, message });
}

const EMPTY = { sv: '', en: '' };
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function childPath(parent: string, key: string): string {
  if (IDENTIFIER.test(key) && key.length <= 64) return parent === '' ? key : `${parent}.${key}`;
  // Unknown keys can be anything; keep the path readable and bounded.
  const shown = key.length > 64 ? `${key.slice(0, 64)}…` : key;
  return `${parent}[${JSON.stringify(shown)}]`;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Something a citizen actually entered; empty strings and empty lists count as not answered. */
function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.length > 10_000 || value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** A data property's value; an accessor (never produced by JSON) is reported as the wrong type. */
function readRaw(container: Record<string, unknown>, key: string): { value: unknown } | 'accessor' {
  const descriptor = Object.getOwnPropertyDescriptor(container, key);
  if (!descriptor) return { value: undefined };
  return 'value' in descriptor ? { value: descriptor.value } : 'accessor';
}

interface Level {
  readonly fields: readonly FormField[];
  readonly path: string;
  readonly outer: readonly ConditionScope[];
  readonly prefixes: readonly AnswerMessage[];
}

function reportFor(run: Run, level: Level, field: FormField, path: string) {
  // Messages are built only when something is wrong; most fields of most submissions are fine.
  return (code: AnswerErrorCode, params?: Omit<MessageParams, 'name'>) => {
    const message = answerMessage(code, { ...params, name: fieldMessageName(field), label: quotedLabel(field) });
    addError(run, path, code, withItemPrefix(level.prefixes, message));
  };
}

function reportUnknownKeys(run: Run, level: Level, input: Record<string, unknown>): void {
  const answerable = new Set(level.fields.filter((field) => !isDisplayOnlyField(field)).map((field) => field.key));
  for (const key of Object.keys(input)) {
    if (run.full) return;
    if (!answerable.has(key)) {
      const message = withItemPrefix(level.prefixes, answerMessage('unknown-field', { name: EMPTY }));
      addError(run, childPath(level.path, key), 'unknown-field', message);
    }
  }
}

function validateGroup(run: Run, level: Level, group: GroupField, raw: unknown, scope: ConditionScope) {
  const path = childPath(level.path, group.key);
  const report = reportFor(run, level, group, path);
  const items = raw === undefined || raw === null ? [] : raw;
  if (!Array.isArray(items)) {
    report('wrong-type');
    return UNDECIDED;
  }
  const noun = group.itemNoun ? { itemNoun: group.itemNoun } : {};
  // Too many items: refuse the list as a whole rather than validate what should not be there.
  if (items.length > group.maxItems) {
    report('too-many-items', { limit: group.maxItems, ...noun });
    return UNDECIDED;
  }
  const minItems = group.minItems ?? 0;
  if (items.length < minItems) report('too-few-items', { limit: minItems, ...noun });
  return items.map((item, index) =>
    validateLevel(
      run,
      {
        fields: group.fields,
        path: `${path}[${index}]`,
        outer: [scope, ...level.outer],
        prefixes: [...level.prefixes, itemPrefix(group, index)],
      },
      item,
    ),
  );
}

function validateLevel(run: Run, level: Level, input: unknown): FormAnswersOrUndecided {
  if (!isPlainRecord(input)) {
    const message = withItemPrefix(level.prefixes, answerMessage('not-an-object', { name: EMPTY }));
    addError(run, level.path, 'not-an-object', message);
    return UNDECIDED;
  }
  reportUnknownKeys(run, level, input);
  const values: LevelValues = {};
  const scope: ConditionScope = { fields: level.fields, values };
  for (const field of level.fields) {
    if (run.full) break;
    if (isDisplayOnlyField(field)) continue;
    const path = childPath(level.path, field.key);
    const shown = evaluateFieldCondition(field.condition, [scope, ...level.outer]);
    // Depends on an answer that was wrong: whether it applies is unknown, so neither check nor store it.
    if (shown === UNDECIDED) {
      values[field.key] = UNDECIDED;
      continue;
    }
    const raw = readRaw(input, field.key);
    if (raw === 'accessor') {
      reportFor(run, level, field, path)('wrong-type');
      values[field.key] = UNDECIDED;
      continue;
    }
    if (!shown) {
      if (isFilled(raw.value)) reportFor(run, level, field, path)('not-applicable');
      continue;
    }
    if (field.kind === 'group') {
      const items = validateGroup(run, level, field, raw.value, scope);
      if (items === UNDECIDED || items.length > 0) values[field.key] = items;
      continue;
    }
    const outcome = checkInputFieldValue(field, raw.value, {
      today: run.today,
      report: reportFor(run, level, field, path),
    });
    if (!outcome.ok) values[field.key] = UNDECIDED;
    else if (outcome.value !== undefined) values[field.key] = outcome.value;
  }
  return values;
}

/**
 * Checks `answers` against `definition`: `{ ok: true, value }` with the cleaned answers (trimmed,
 * normalised, only the fields that are shown and answered, in the definition's order) or
 * `{ ok: false, errors }` with one error per wrong field, each with a message (catalogue id and values).
 * Never throws because of `answers`; throws a RangeError if `options.today` is not a date.
 */
export function validateAnswers(
  definition: FormDefinition,
  answers: unknown,
  options: AnswerValidationOptions,
): AnswerValidationResult {
  // A wrong `today` is the caller's bug, not the citizen's; ignoring it would silently drop limits
  // such as "not in the past", so it is the one thing that throws.
  if (!isIsoDate(options.today)) throw new RangeError('validateAnswers: options.today must be a YYYY-MM-DD date');
  const run: Run = { today: options.today, maxErrors: options.maxErrors ?? 100, errors: [], full: false };
  const value = validateLevel(run, { fields: definition.fields, path: '', outer: [], prefixes: [] }, answers);
  if (run.errors.length > 0 || value === UNDECIDED) return { ok: false, errors: run.errors };
  // Without errors no UNDECIDED marker is left, so the values are plain answers.
  return { ok: true, value: value as FormAnswers };
}
