import {
  addDaysToIsoDate,
  type ConditionScope,
  type DateLimit,
  DEFAULT_WEEKDAYS,
  type FormAnswers,
  type FormDefinition,
  type FormField,
  isDisplayOnlyField,
  isFieldShown,
  validateAnswers,
} from '@kontakta/domain';
import type { Random } from '../../packages/server/src/registers/demo/seeded-random.ts';
import { aid, citizenText, medicine, SHORT_TEXTS, staffSentences, staffText } from './text-banks.ts';

// Fills in any form definition the way a person would: every required field, about half of the
// optional ones, conditions respected (a renewal gets its issuer and date, an incontinence aid its
// delivery details), values from Swedish text banks. The result is checked with the same validator
// the server uses, so every generated errand is one the server would have accepted.

type Values = Record<string, unknown>;

export type FillOptions = {
  /** `YYYY-MM-DD` in Sweden on the day the form is filled in. */
  today: string;
  /** Who writes: citizens write questions, caregivers write answers. */
  writer: 'citizen' | 'staff';
  /** For answer forms: whether the caregiver lets the citizen reply. */
  citizenMayReply?: boolean;
  /** For answer forms: one answer item per submitted item (each medicine, each aid), by group. */
  itemsFrom?: Readonly<Record<string, readonly string[]>>;
};

export function fillAnswers(definition: FormDefinition, random: Random, options: FillOptions): FormAnswers {
  const answers = fillLevel(definition.fields, [], random, options);
  const checked = validateAnswers(definition, answers, { today: options.today });
  if (!checked.ok) {
    throw new Error(
      `generated answers were refused: ${checked.errors.map((e) => `${e.path}:${e.code}`).join(', ')} in ${JSON.stringify(answers)}`,
    );
  }
  return checked.value;
}

function fillLevel(
  fields: readonly FormField[],
  outer: readonly ConditionScope[],
  random: Random,
  options: FillOptions,
  item?: Values,
): Values {
  const values: Values = item ?? {};
  const scopes = [{ fields, values }, ...outer];
  for (const field of fields) {
    if (isDisplayOnlyField(field) || !isFieldShown(field, scopes)) continue;
    if (field.kind === 'group') {
      const submitted = options.itemsFrom?.[field.key];
      const count = submitted?.length ?? groupSize(field.key, field.maxItems, field.minItems ?? 1, random);
      const items: Values[] = [];
      for (let i = 0; i < count; i++) {
        const seed = submitted ? { item: submitted[i] } : itemSeed(field.key, random);
        const known = Object.fromEntries(
          Object.entries(seed).filter(([key]) => field.fields.some((f) => f.key === key)),
        );
        items.push(fillLevel(field.fields, scopes, random, options, known));
      }
      values[field.key] = items;
      continue;
    }
    const required = 'required' in field && field.required === true;
    if (!required && field.key !== 'citizenMayReply' && random.next() >= optionalChance(field)) continue;
    const value = valueFor(field, random, options, values);
    if (value !== undefined) values[field.key] = value;
  }
  return values;
}

/** Medicines and aids come as consistent sets (name, strength and dosage belong together). */
function itemSeed(groupKey: string, random: Random): Values {
  if (groupKey === 'medicines') return { ...medicine(random) };
  if (groupKey === 'aids') {
    const picked = aid(random);
    return {
      productName: picked.productName,
      ...(picked.size ? { size: picked.size } : {}),
      usePerDay: picked.usePerDay,
      isIncontinenceAid: picked.incontinence,
    };
  }
  return {};
}

function groupSize(key: string, max: number, min: number, random: Random): number {
  // Most prescriptions renew one to three medicines; a few renew the whole list.
  const r = random.next();
  const typical = r < 0.5 ? 1 : r < 0.8 ? 2 : r < 0.93 ? 3 : 4 + random.below(Math.max(1, max - 3));
  return Math.max(min, Math.min(max, key === 'aids' ? Math.min(typical, 4) : typical));
}

function optionalChance(field: FormField): number {
  return field.kind === 'long-text' ? 0.35 : 0.5;
}

function valueFor(field: FormField, random: Random, options: FillOptions, siblings: Values): unknown {
  if (siblings[field.key] !== undefined) return siblings[field.key];
  switch (field.kind) {
    case 'short-text': {
      const bank = SHORT_TEXTS[field.key];
      const text = bank ? random.pick(bank) : citizenText(random, 1).slice(0, 60);
      return text.slice(0, field.maxLength ?? 200);
    }
    case 'long-text': {
      const sentences =
        field.key === 'message' || field.key === 'question' || field.key === 'reason'
          ? 2 + random.below(6)
          : 1 + random.below(3);
      const text =
        options.writer === 'citizen'
          ? citizenText(random, sentences)
          : field.key === 'message'
            ? staffText(random, sentences)
            : staffSentences(random, 1 + random.below(2));
      return text.slice(0, field.maxLength ?? 2000);
    }
    case 'single-choice':
      // The first option is usually the common case (renewed, booked, cancel).
      return (random.next() < 0.5 ? field.options[0] : random.pick(field.options))?.value;
    case 'multiple-choice': {
      const chosen = field.options.filter(() => random.next() < 0.5).map((o) => o.value);
      const min = field.minSelected ?? 1;
      const max = field.maxSelected ?? field.options.length;
      const picked = chosen.length >= min ? chosen.slice(0, max) : field.options.slice(0, min).map((o) => o.value);
      return picked;
    }
    case 'date':
      return dateWithin(field.key, field.earliest, field.latest, options.today, random);
    case 'date-list': {
      const first = dateWithin(field.key, field.earliest, field.latest, options.today, random);
      return [first];
    }
    case 'weekdays':
      return (field.days ?? DEFAULT_WEEKDAYS).filter(() => random.next() < 0.6).slice(0, 5);
    case 'time':
      return `${String(8 + random.below(9)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`;
    case 'number': {
      const min = field.min ?? 0;
      const max = field.max ?? min + 10;
      const preferred = field.key === 'temperature' ? 38.4 + random.below(16) / 10 : min + random.next() * (max - min);
      const value = Math.min(max, Math.max(min, preferred));
      return field.integer ? Math.max(min, Math.min(max, Math.round(value))) : Math.round(value * 10) / 10;
    }
    case 'yes-no':
      return field.key === 'citizenMayReply' ? options.citizenMayReply === true : random.next() < 0.35;
    case 'phone':
      return `070-${100 + random.below(900)} ${10 + random.below(90)} ${10 + random.below(90)}`;
    default:
      return undefined;
  }
}

function dateWithin(
  key: string,
  earliest: DateLimit | undefined,
  latest: DateLimit | undefined,
  today: string,
  random: Random,
): string {
  const resolve = (limit: DateLimit | undefined) =>
    limit === undefined ? undefined : 'date' in limit ? limit.date : addDaysToIsoDate(today, limit.daysFromToday);
  const low = resolve(earliest);
  const high = resolve(latest);
  // Past dates for periods and sick leave already running, near-future dates for appointments.
  const offset =
    key === 'periodFrom' ? -400 - random.below(300) : key === 'periodTo' ? -random.below(60) : 1 + random.below(30);
  let date = addDaysToIsoDate(today, offset) ?? today;
  if (low !== undefined && date < low) date = low;
  if (high !== undefined && date > high) date = high;
  return date;
}
