import fc from 'fast-check';
import type { FieldCondition, FormDefinition, FormField } from './form-definition.schema.ts';
import { DEFAULT_WEEKDAYS, WEEKDAYS } from './form-limits.ts';
import { addDaysToIsoDate, resolveDateLimit } from './iso-date.ts';

// Answers for property tests: ones that satisfy a definition, and hostile variations of them.
// Visibility is worked out here independently of field-condition.ts, so the tests check the
// validator against a second, simpler reading of the rules.

type Values = Record<string, unknown>;
export interface OracleScope {
  fields: readonly FormField[];
  values: Values;
}

const own = (values: unknown, key: string): unknown =>
  typeof values === 'object' && values !== null && Object.hasOwn(values, key) ? (values as Values)[key] : undefined;

function matches(field: FormField, value: unknown, expected: string | boolean): boolean {
  if (field.kind === 'multiple-choice') return Array.isArray(value) && value.includes(expected);
  return (field.kind === 'single-choice' || field.kind === 'yes-no') && value === expected;
}

/** Whether a condition holds for answers that are already clean (innermost scope first). */
export function oracleConditionHolds(condition: FieldCondition | undefined, chain: readonly OracleScope[]): boolean {
  if (!condition) return true;
  const key = condition.kind === 'has-value' ? condition.field : condition.group;
  const scope = chain.find((candidate) => candidate.fields.some((field) => field.key === key));
  const target = scope?.fields.find((field) => field.key === key);
  if (!scope || !target) return false;
  const value = own(scope.values, key);
  if (condition.kind === 'has-value') return matches(target, value, condition.value);
  const child = target.kind === 'group' ? target.fields.find((field) => field.key === condition.field) : undefined;
  return (
    !!child && Array.isArray(value) && value.some((item) => matches(child, own(item, condition.field), condition.value))
  );
}

const textUnit = fc.constantFrom('a', 'Z', 'å', 'Ö', 'é', 'ß', '7', '-', '🙂', '中', 'ﬁ');

function dateWindow(
  field: { earliest?: Parameters<typeof resolveDateLimit>[0]; latest?: Parameters<typeof resolveDateLimit>[0] },
  today: string,
) {
  const from = field.earliest ? resolveDateLimit(field.earliest, today) : undefined;
  const to = field.latest ? resolveDateLimit(field.latest, today) : undefined;
  const start = from ?? addDaysToIsoDate(to ?? today, -400) ?? today;
  const end = to ?? addDaysToIsoDate(start, 800) ?? today;
  const days = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);
  return { start, days };
}

function validValueArb(field: FormField, today: string): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'short-text':
    case 'long-text': {
      const maxLength = field.maxLength ?? (field.kind === 'short-text' ? 200 : 2000);
      return fc.string({ unit: textUnit, minLength: field.minLength ?? 1, maxLength: Math.min(maxLength, 60) });
    }
    case 'single-choice':
      return fc.constantFrom(...field.options.map((option) => option.value));
    case 'multiple-choice': {
      const values = field.options.map((option) => option.value);
      return fc.shuffledSubarray(values, {
        minLength: Math.max(field.minSelected ?? 1, 1),
        maxLength: field.maxSelected ?? values.length,
      });
    }
    case 'date': {
      const { start, days } = dateWindow(field, today);
      return fc.integer({ min: 0, max: days }).map((offset) => addDaysToIsoDate(start, offset));
    }
    case 'date-list': {
      const { start, days } = dateWindow(field, today);
      return fc
        .uniqueArray(fc.integer({ min: 0, max: days }), {
          minLength: field.minItems ?? 1,
          maxLength: field.maxItems ?? 10,
        })
        .map((offsets) => offsets.map((offset) => addDaysToIsoDate(start, offset)));
    }
    case 'weekdays':
      return fc.shuffledSubarray([...(field.days ?? DEFAULT_WEEKDAYS)], { minLength: 1 });
    case 'time':
      return fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.boolean())
        .map(
          ([hour, minute, pad]) => `${pad ? String(hour).padStart(2, '0') : hour}:${String(minute).padStart(2, '0')}`,
        );
    case 'number': {
      const min = field.min ?? -1_000_000;
      const max = field.max ?? 1_000_000;
      return field.integer
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'yes-no':
      return fc.boolean();
    case 'phone':
      return fc.constantFrom('070-123 45 67', '+46 8 123 456 78', '0046701234567', '+1 202 555 0143', '08-12 34 56');
    case 'group':
      return fc.array(levelArb(field.fields, today), { minLength: field.minItems ?? 0, maxLength: field.maxItems });
    default:
      return fc.constant(undefined);
  }
}

/** Values just outside (or exactly at) a field's limits, where an off-by-one would show. */
function edgeValueArb(field: FormField, today: string): fc.Arbitrary<unknown> {
  const around = (limit: number) => fc.constantFrom(limit - 1, limit - 0.5, limit, limit + 0.5, limit + 1);
  const day = (limit: Parameters<typeof resolveDateLimit>[0] | undefined, shift: number) =>
    limit ? addDaysToIsoDate(resolveDateLimit(limit, today) ?? today, shift) : today;
  switch (field.kind) {
    case 'short-text':
    case 'long-text': {
      const max = field.maxLength ?? (field.kind === 'short-text' ? 200 : 2000);
      const lengths = [max, max + 1, (field.minLength ?? 1) - 1, Math.max((field.minLength ?? 1) - 1, 0)];
      return fc
        .constantFrom(...lengths)
        .chain((length) =>
          fc.constantFrom(
            'x'.repeat(Math.max(length, 0)),
            ` ${'é'.repeat(Math.max(length, 0))} `,
            '🙂'.repeat(Math.max(length, 0)),
          ),
        );
    }
    case 'number':
      return fc.oneof(around(field.min ?? -1_000_000_000), around(field.max ?? 1_000_000_000));
    case 'date':
      return fc.constantFrom(
        day(field.earliest, -1),
        day(field.earliest, 0),
        day(field.latest, 0),
        day(field.latest, 1),
      );
    case 'date-list':
      return fc
        .constantFrom(-1, 0, 1)
        .map((shift) =>
          Array.from(
            { length: Math.max((shift < 0 ? (field.minItems ?? 1) : (field.maxItems ?? 10)) + shift, 0) },
            (_, index) => addDaysToIsoDate(day(field.earliest, 0) ?? today, index),
          ),
        )
        .chain((dates) => fc.constantFrom(dates, [day(field.earliest, -1)], [day(field.latest, 1)]));
    case 'multiple-choice': {
      const values = field.options.map((option) => option.value);
      const counts = [
        (field.minSelected ?? 1) - 1,
        field.maxSelected ?? values.length,
        (field.maxSelected ?? values.length) + 1,
      ];
      return fc
        .constantFrom(...counts)
        .map((count) => Array.from({ length: Math.max(count, 0) }, (_, index) => values[index % values.length]));
    }
    case 'weekdays':
      return fc.constantFrom(['saturday'], ['sunday'], ['monday', 'monday'], [...WEEKDAYS]);
    case 'time':
      return fc.constantFrom('23:59', '24:00', '0:00', '00:60', '7.5', '07.05');
    case 'group':
      return fc.constantFrom((field.minItems ?? 0) - 1, field.maxItems, field.maxItems + 1).chain((count) =>
        fc.array(levelArb(field.fields, today, true), {
          minLength: Math.max(count, 0),
          maxLength: Math.max(count, 0),
        }),
      );
    default:
      return validValueArb(field, today);
  }
}

function isRequired(field: FormField): boolean {
  return 'required' in field && field.required === true;
}

function levelArb(fields: readonly FormField[], today: string, edgy = false): fc.Arbitrary<Values> {
  const entries = fields
    .filter((field) => field.kind !== 'heading' && field.kind !== 'info')
    .map((field) => {
      const valid = validValueArb(field, today);
      const value = edgy
        ? fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: edgeValueArb(field, today), weight: 1 })
        : valid;
      return [
        field.key,
        isRequired(field) || field.kind === 'group' ? value : fc.option(value, { nil: undefined }),
      ] as const;
    });
  return fc.record(Object.fromEntries(entries));
}

/** Drops what is hidden (and not answered), field by field, as a citizen's browser would. */
function prune(fields: readonly FormField[], values: Values, outer: readonly OracleScope[]): Values {
  const kept: Values = {};
  const scope: OracleScope = { fields, values: kept };
  for (const field of fields) {
    const value = own(values, field.key);
    if (value === undefined || !oracleConditionHolds(field.condition, [scope, ...outer])) continue;
    if (field.kind === 'group') {
      const items = (value as Values[]).map((item) => prune(field.fields, item, [scope, ...outer]));
      if (items.length > 0) kept[field.key] = items;
    } else {
      kept[field.key] = value;
    }
  }
  return kept;
}

/** Answers that satisfy every rule of the definition on `today`. */
export function validAnswersArb(definition: FormDefinition, today: string): fc.Arbitrary<Values> {
  return levelArb(definition.fields, today).map((values) => prune(definition.fields, values, []));
}

const deeplyNested = (depth: number) => {
  let value: unknown = 'x';
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { a: value };
  return value;
};

export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '   ', '', 'x'.repeat(300_000), '2025-02-30', '24:00', 'yes', '1e3'),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308, 0.1, -1, 2 ** 53),
  fc.constantFrom([], {}, [{}], [[]], [null], null, true, false),
  fc.constant(deeplyNested(5000)),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
  fc.array(fc.constantFrom('option-0', 'option-0', 'monday', 'sunday', '2025-05-12', 'x'), { maxLength: 12 }),
  // Near the limits the generated definitions use, where an off-by-one would show.
  fc.integer({ min: 0, max: 45 }).map((length) => 'å'.repeat(length)),
  fc.integer({ min: 195, max: 205 }).map((length) => '🙂'.repeat(length)),
  fc.string({ unit: textUnit, maxLength: 60 }),
  fc.integer({ min: -150, max: 250 }),
  fc.double({ min: -150, max: 250, noNaN: true }),
  fc.integer({ min: -60, max: 60 }).map((days) => addDaysToIsoDate('2025-05-12', days)),
  fc.uniqueArray(fc.constantFrom('option-0', 'option-1', 'option-2', 'option-3', 'option-4', 'option-5'), {
    maxLength: 6,
  }),
  fc.uniqueArray(
    fc.integer({ min: -15, max: 60 }).map((days) => addDaysToIsoDate('2025-05-12', days)),
    { maxLength: 7 },
  ),
  fc.array(fc.record({ f0: fc.constant('x') }), { maxLength: 6 }),
);

export const hostileKeyArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '',
    ' ',
    'a.b',
    '\u0000',
    'f0',
    'fill',
  ),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

type Mutation = { kind: 'set' | 'add' | 'delete'; target: number; key: string; value: unknown; pick: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'add', 'delete'),
  target: fc.nat(),
  key: hostileKeyArb,
  value: hostileValueArb,
  pick: fc.nat(),
});

/** Every object in the answers (the top level and each group item), for mutations to land in. */
function containers(values: Values, seen = new Set<Values>()): Values[] {
  // Mutations can make the answers refer to themselves (an item set to a list that holds it):
  // each object once, or a cycle recurses until the stack runs out.
  if (seen.has(values)) return [];
  seen.add(values);
  const found: Values[] = [values];
  for (const value of Object.values(values)) {
    if (Array.isArray(value))
      for (const item of value)
        if (item && typeof item === 'object' && !Array.isArray(item)) found.push(...containers(item as Values, seen));
  }
  return found;
}

function applyMutation(values: Values, mutation: Mutation): void {
  const all = containers(values);
  const target = all[mutation.target % all.length] as Values;
  const keys = Object.keys(target);
  const existing = keys[mutation.pick % Math.max(keys.length, 1)];
  if (mutation.kind === 'delete') {
    if (existing !== undefined) delete target[existing];
    return;
  }
  const key = mutation.kind === 'set' && existing !== undefined ? existing : mutation.key;
  // defineProperty, as JSON.parse does: plain assignment to "__proto__" would change the prototype.
  Object.defineProperty(target, key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
}

/** Answers where some fields sit just inside or just outside their limits. */
export function edgeAnswersArb(definition: FormDefinition, today: string): fc.Arbitrary<Values> {
  return fc
    .tuple(levelArb(definition.fields, today, true), fc.boolean())
    .map(([values, pruned]) => (pruned ? prune(definition.fields, values, []) : values));
}

/** Valid answers with a few hostile changes: wrong types, huge or broken strings, odd keys. */
export function hostileAnswersArb(definition: FormDefinition, today: string): fc.Arbitrary<unknown> {
  return fc
    .tuple(validAnswersArb(definition, today), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
    .map(([values, mutations]) => {
      const copy = structuredClone(values);
      for (const mutation of mutations) applyMutation(copy, mutation);
      return copy;
    });
}
