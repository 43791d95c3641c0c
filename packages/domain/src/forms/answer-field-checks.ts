import type { AnswerErrorCode, MessageParams } from './answer-messages.ts';
import type { DateLimit, FieldOfKind, InputField } from './form-definition.schema.ts';
import {
  DEFAULT_DATE_LIST_MAX_ITEMS,
  DEFAULT_LONG_TEXT_MAX_LENGTH,
  DEFAULT_SHORT_TEXT_MAX_LENGTH,
  DEFAULT_WEEKDAYS,
  NUMBER_LIMIT,
  WEEKDAYS,
} from './form-limits.ts';
import { isIsoDate, resolveDateLimit } from './iso-date.ts';
import { normalizePhoneNumber } from './phone-number.ts';
import { isSafeText } from './safe-text.ts';

// One check per kind of input field. Each takes the raw value exactly as it arrived (anything at
// all: answers come from the network) and returns the cleaned value, or reports one problem.

export type CheckedValue = string | number | boolean | string[];

/** `undefined` value: not answered (allowed, since the field is optional). */
export type FieldCheckOutcome = { ok: true; value: CheckedValue | undefined } | { ok: false };

export interface FieldCheckEnv {
  readonly today: string;
  report(code: AnswerErrorCode, params?: Omit<MessageParams, 'name'>): void;
}

const failed: FieldCheckOutcome = { ok: false };
const unanswered: FieldCheckOutcome = { ok: true, value: undefined };

function fail(env: FieldCheckEnv, code: AnswerErrorCode, params?: Omit<MessageParams, 'name'>): FieldCheckOutcome {
  env.report(code, params);
  return failed;
}

function missing(field: InputField, env: FieldCheckEnv, choose: boolean): FieldCheckOutcome {
  return field.required ? fail(env, 'required', { choose }) : unanswered;
}

function codePointLength(text: string): number {
  // Characters as a person counts them ("🙂" is one), not UTF-16 units.
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function checkText(field: FieldOfKind<'short-text'> | FieldOfKind<'long-text'>, raw: unknown, env: FieldCheckEnv) {
  if (raw === undefined || raw === null) return missing(field, env, false);
  if (typeof raw !== 'string') return fail(env, 'wrong-type');
  const long = field.kind === 'long-text';
  const maxLength = field.maxLength ?? (long ? DEFAULT_LONG_TEXT_MAX_LENGTH : DEFAULT_SHORT_TEXT_MAX_LENGTH);
  // Far beyond the limit: refuse before normalising, so a hostile megabyte costs nothing more.
  if (raw.length > maxLength * 2 + 1000) return fail(env, 'too-long', { limit: maxLength });
  if (!isSafeText(raw, long)) {
    return fail(env, 'invalid-characters');
  }
  // NFC so that "å" typed on different systems is stored and compared as the same text.
  const text = (long ? raw.replace(/\r\n?/g, '\n') : raw).normalize('NFC').trim();
  if (text === '') return missing(field, env, false);
  const length = codePointLength(text);
  if (length > maxLength) return fail(env, 'too-long', { limit: maxLength });
  if (field.minLength !== undefined && length < field.minLength) {
    return fail(env, 'too-short', { limit: field.minLength });
  }
  return { ok: true, value: text } as const;
}

function checkSingleChoice(field: FieldOfKind<'single-choice'>, raw: unknown, env: FieldCheckEnv) {
  if (raw === undefined || raw === null || raw === '') return missing(field, env, true);
  if (typeof raw !== 'string') return fail(env, 'wrong-type');
  if (!field.options.some((option) => option.value === raw)) return fail(env, 'not-an-option');
  return { ok: true, value: raw } as const;
}

/** Common part of the list kinds: an array of distinct strings, each accepted by `isAllowed`. */
function checkStringList(
  raw: unknown[],
  maxCount: number,
  isAllowed: (value: string) => boolean,
  env: FieldCheckEnv,
  onTooMany: () => FieldCheckOutcome,
  notAllowedCode: AnswerErrorCode,
): { ok: true; values: string[] } | FieldCheckOutcome {
  if (raw.length > maxCount) return onTooMany();
  const seen = new Set<string>();
  for (const item of raw) {
    if (typeof item !== 'string') return fail(env, 'wrong-type');
    if (!isAllowed(item)) return fail(env, notAllowedCode);
    if (seen.has(item)) return fail(env, 'duplicate-value');
    seen.add(item);
  }
  return { ok: true, values: [...seen] };
}

function checkMultipleChoice(field: FieldOfKind<'multiple-choice'>, raw: unknown, env: FieldCheckEnv) {
  if (raw === undefined || raw === null) return missing(field, env, true);
  if (!Array.isArray(raw)) return fail(env, 'wrong-type');
  if (raw.length === 0) return missing(field, env, true);
  const allowed = new Set(field.options.map((option) => option.value));
  const maxSelected = Math.min(field.maxSelected ?? allowed.size, allowed.size);
  const listed = checkStringList(
    raw,
    maxSelected,
    (value) => allowed.has(value),
    env,
    () => fail(env, 'too-many-selected', { limit: maxSelected }),
    'not-an-option',
  );
  if (!('values' in listed)) return listed;
  if (field.minSelected !== undefined && listed.values.length < field.minSelected) {
    return fail(env, 'too-few-selected', { limit: field.minSelected });
  }
  // The definition's order, so equal answers are stored identically.
  const chosen = new Set(listed.values);
  return { ok: true, value: field.options.map((option) => option.value).filter((value) => chosen.has(value)) } as const;
}

function checkDateBounds(
  date: string,
  field: { earliest?: DateLimit; latest?: DateLimit },
  env: FieldCheckEnv,
): FieldCheckOutcome | undefined {
  const bounds = [
    { limit: field.earliest, code: 'date-too-early', outside: (bound: string) => date < bound },
    { limit: field.latest, code: 'date-too-late', outside: (bound: string) => date > bound },
  ] as const;
  for (const { limit, code, outside } of bounds) {
    if (!limit) continue;
    const bound = resolveDateLimit(limit, env.today);
    if (bound !== undefined && outside(bound)) {
      const relativeToToday = 'daysFromToday' in limit && limit.daysFromToday === 0;
      return fail(env, code, { date: bound, today: relativeToToday });
    }
  }
  return undefined;
}

function checkDate(field: FieldOfKind<'date'>, raw: unknown, env: FieldCheckEnv) {
  if (raw === undefined || raw === null) return missing(field, env, false);
  if (typeof raw !== 'string') return fail(env, 'wrong-type');
  const date = raw.length > 40 ? raw : raw.trim();
  if (date === '') return missing(field, env, false);
  if (!isIsoDate(date)) return fail(env, 'invalid-date');
  return checkDateBounds(date, field, env) ?? ({ ok: true, value: date } as const);
}

function checkDateList(field: FieldOfKind<'date-list'>, raw: unknown, env: FieldCheckEnv) {
  if (raw === undefined || raw === null) return missing(field, env, false);
  if (!Array.isArray(raw)) return fail(env, 'wrong-type');
  if (raw.length === 0) return missing(field, env, false);
  const maxItems = field.maxItems ?? DEFAULT_DATE_LIST_MAX_ITEMS;
  const listed = checkStringList(
    raw,
    maxItems,
    isIsoDate,
    env,
    () => fail(env, 'too-many-items', { limit: maxItems, dates: true }),
    'invalid-date',
  );
  if (!('values' in listed)) return listed;
  for (const date of listed.values) {
    const outcome = checkDateBounds(date, field, env);
    if (outcome) return outcome;
  }
  if (field.minItems !== undefined && listed.values.length < field.minItems) {
    return fail(env, 'too-few-items', { limit: field.minItems, dates: true });
  }
  return { ok: true, value: listed.values.sort() } as const;
}

function checkWeekdays(field: FieldOfKind<'weekdays'>, raw: unknown, env: FieldCheckEnv) {
  if (raw === undefined || raw === null) return missing(field, env, true);
  if (!Array.isArray(raw)) return fail(env, 'wrong-type');
  if (raw.length === 0) return missing(field, env, true);
  const allowed = new Set<string>(field.days ?? DEFAULT_WEEKDAYS);
  const listed = checkStringList(
    raw,
    allowed.size,
    (value) => allowed.has(value),
    env,
    () => fail(env, 'too-many-selected', { limit: allowed.size }),
    'not-an-option',
  );
  if (!('values' in listed)) return listed;
  const chosen = new Set(listed.values);
  return { ok: true, value: WEEKDAYS.filter((day) => chosen.has(day)) } as const;
}

// "14:30", and "9.05" as Swedes often write it; stored as "HH:MM".
const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

function checkTime(field: FieldOfKind<'time'>, raw: unknown, env: FieldCheckEnv) {
  if (raw === undefined || raw === null) return missing(field, env, false);
  if (typeof raw !== 'string') return fail(env, 'wrong-type');
  const text = raw.length > 40 ? raw : raw.trim();
  if (text === '') return missing(field, env, false);
  const match = TIME.exec(text);
  if (!match) return fail(env, 'invalid-time');
  return { ok: true, value: `${(match[1] ?? '').padStart(2, '0')}:${match[2]}` } as const;
}

function checkNumber(field: FieldOfKind<'number'>, raw: unknown, env: FieldCheckEnv) {
  if (raw === undefined || raw === null) return missing(field, env, false);
  // Strictly a JSON number: "12" is the web form's job to convert, not something to guess here.
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail(env, 'wrong-type');
  if (field.integer && !Number.isInteger(raw)) return fail(env, 'not-an-integer');
  const min = field.min ?? -NUMBER_LIMIT;
  const max = field.max ?? NUMBER_LIMIT;
  if (raw < min) return fail(env, 'too-small', { limit: min });
  if (raw > max) return fail(env, 'too-large', { limit: max });
  // -0 would survive JSON as 0 anyway; store it as 0 so equal answers are equal.
  return { ok: true, value: raw === 0 ? 0 : raw } as const;
}

function checkYesNo(field: FieldOfKind<'yes-no'>, raw: unknown, env: FieldCheckEnv) {
  if (raw === undefined || raw === null) return missing(field, env, true);
  if (typeof raw !== 'boolean') return fail(env, 'wrong-type');
  return { ok: true, value: raw } as const;
}

function checkPhone(field: FieldOfKind<'phone'>, raw: unknown, env: FieldCheckEnv) {
  if (raw === undefined || raw === null) return missing(field, env, false);
  if (typeof raw !== 'string') return fail(env, 'wrong-type');
  if (raw.length <= 200 && raw.trim() === '') return missing(field, env, false);
  const normalized = normalizePhoneNumber(raw);
  return normalized === undefined ? fail(env, 'invalid-phone') : ({ ok: true, value: normalized } as const);
}

export function checkInputFieldValue(field: InputField, raw: unknown, env: FieldCheckEnv): FieldCheckOutcome {
  switch (field.kind) {
    case 'short-text':
    case 'long-text':
      return checkText(field, raw, env);
    case 'single-choice':
      return checkSingleChoice(field, raw, env);
    case 'multiple-choice':
      return checkMultipleChoice(field, raw, env);
    case 'date':
      return checkDate(field, raw, env);
    case 'date-list':
      return checkDateList(field, raw, env);
    case 'weekdays':
      return checkWeekdays(field, raw, env);
    case 'time':
      return checkTime(field, raw, env);
    case 'number':
      return checkNumber(field, raw, env);
    case 'yes-no':
      return checkYesNo(field, raw, env);
    case 'phone':
      return checkPhone(field, raw, env);
  }
}
