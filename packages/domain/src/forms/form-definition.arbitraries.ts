import fc from 'fast-check';
import type {
  ChoiceField,
  FieldCondition,
  FormDefinition,
  FormField,
  LocalizedText,
} from './form-definition.schema.ts';
import { WEEKDAYS } from './form-limits.ts';

// fast-check generators for property tests: well-formed form definitions (random kinds, limits,
// nesting and conditions, repaired so they follow every rule), answers that satisfy them, and
// hostile variations of those answers. Used only by tests.

const labels: LocalizedText[] = [
  { sv: 'Namn', en: 'Name' },
  { sv: 'Har du feber?', en: 'Do you have a fever?' },
  { sv: 'HSA-id', en: 'HSA id' },
  { sv: 'Övrig information om din situation', en: 'Other information about your situation' },
  { sv: 'Ålder:', en: 'Age:' },
  { sv: 'Ärende 🙂', en: 'Errand 🙂' },
];

const labelArb = fc.constantFrom(...labels);
const requiredArb = fc.boolean();
const conditionSeedArb = fc.option(fc.record({ pick: fc.nat(), value: fc.nat(), anyItem: fc.boolean() }), {
  freq: 2,
  nil: undefined,
});

type Seeded = {
  field: FormField;
  seed: { pick: number; value: number; anyItem: boolean } | undefined;
  children?: Seeded[];
};

const optionsArb = fc.integer({ min: 1, max: 5 }).map((count) =>
  Array.from({ length: count }, (_, index) => ({
    value: `option-${index}`,
    label: labels[index % labels.length] as LocalizedText,
  })),
);

const lengthsArb = (cap: number) =>
  fc
    .record({
      min: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      max: fc.option(fc.integer({ min: 3, max: cap }), { nil: undefined }),
    })
    .map(({ min, max }) => ({
      ...(min === undefined ? {} : { minLength: min }),
      ...(max === undefined ? {} : { maxLength: max }),
    }));

// Relative limits around the day the answers are checked, far absolute ones, and always at least
// ten days between earliest and latest, so a date list can be filled.
const dateLimitsArb = fc
  .record({
    earliest: fc.option(
      fc.oneof(
        fc.integer({ min: -10, max: 5 }).map((days) => ({ daysFromToday: days })),
        fc.constant({ date: '2020-01-01' }),
      ),
      { nil: undefined },
    ),
    span: fc.integer({ min: 10, max: 40 }),
    latest: fc.boolean(),
  })
  .map(({ earliest, span, latest }) => {
    const latestLimit = latest
      ? earliest && 'daysFromToday' in earliest
        ? { daysFromToday: earliest.daysFromToday + span }
        : { daysFromToday: span }
      : undefined;
    return { ...(earliest ? { earliest } : {}), ...(latestLimit ? { latest: latestLimit } : {}) };
  });

const numberLimitsArb = fc
  .record({
    min: fc.option(fc.integer({ min: -100, max: 100 }), { nil: undefined }),
    span: fc.integer({ min: 0, max: 100 }),
    max: fc.boolean(),
    integer: fc.boolean(),
  })
  .map(({ min, span, max, integer }) => ({
    ...(min === undefined ? {} : { min }),
    ...(max ? { max: (min ?? 0) + span } : {}),
    integer,
  }));

function leafArb(): fc.Arbitrary<Omit<FormField, 'key'>> {
  const base = fc.record({ label: labelArb, required: requiredArb });
  return fc.oneof(
    fc.tuple(base, lengthsArb(40)).map(([b, l]) => ({ kind: 'short-text', ...b, ...l }) as const),
    fc.tuple(base, lengthsArb(200)).map(([b, l]) => ({ kind: 'long-text', ...b, ...l }) as const),
    fc.tuple(base, optionsArb).map(([b, options]) => ({ kind: 'single-choice', ...b, options }) as const),
    fc.tuple(base, optionsArb, fc.nat(), fc.nat()).map(([b, options, a, c]) => {
      const lo = a % (options.length + 1);
      const hi = lo + (c % (options.length - lo + 1));
      return {
        kind: 'multiple-choice',
        ...b,
        options,
        ...(lo > 0 ? { minSelected: lo } : {}),
        ...(hi > 0 ? { maxSelected: hi } : {}),
      } as const;
    }),
    fc.tuple(base, dateLimitsArb).map(([b, limits]) => ({ kind: 'date', ...b, ...limits }) as const),
    fc.tuple(base, dateLimitsArb, fc.integer({ min: 1, max: 5 }), fc.nat()).map(
      ([b, limits, max, min]) =>
        ({
          kind: 'date-list',
          ...b,
          ...limits,
          maxItems: max,
          ...(min % 3 === 0 ? {} : { minItems: 1 + (min % max) }),
        }) as const,
    ),
    fc
      .tuple(base, fc.subarray([...WEEKDAYS], { minLength: 1 }))
      .map(([b, days]) => ({ kind: 'weekdays', ...b, days }) as const),
    base.map((b) => ({ kind: 'time', ...b }) as const),
    fc.tuple(base, numberLimitsArb).map(([b, limits]) => ({ kind: 'number', ...b, ...limits }) as const),
    base.map((b) => ({ kind: 'yes-no', ...b }) as const),
    base.map((b) => ({ kind: 'phone', ...b }) as const),
    labelArb.map((label) => ({ kind: 'heading', label }) as const),
    labelArb.map((text) => ({ kind: 'info', text }) as const),
  ) as fc.Arbitrary<Omit<FormField, 'key'>>;
}

type RawSpec = { field: Omit<FormField, 'key'>; seed: Seeded['seed']; children?: RawSpec[] };

const rawSpecs = fc.letrec<{ level0: RawSpec[]; level1: RawSpec[]; level2: RawSpec[] }>((tie) => {
  const group = (childLevel: 'level1' | 'level2') =>
    fc
      .record({
        label: labelArb,
        minItems: fc.integer({ min: 0, max: 2 }),
        extra: fc.integer({ min: 0, max: 3 }),
        children: tie(childLevel),
      })
      .map(({ label, minItems, extra, children }) => ({
        field: { kind: 'group', label, minItems, maxItems: Math.max(1, minItems + extra), fields: [] } as Omit<
          FormField,
          'key'
        >,
        children,
      }));
  const spec = (children?: 'level1' | 'level2') =>
    fc
      .tuple(
        children
          ? fc.oneof(
              { arbitrary: leafArb().map((field) => ({ field })), weight: 4 },
              { arbitrary: group(children), weight: 1 },
            )
          : leafArb().map((field) => ({ field })),
        conditionSeedArb,
      )
      .map(([partial, seed]) => ({ ...partial, seed }) as RawSpec);
  return {
    level0: fc.array(spec('level1'), { minLength: 1, maxLength: 7 }),
    level1: fc.array(spec('level2'), { minLength: 1, maxLength: 4 }),
    level2: fc.array(spec(), { minLength: 1, maxLength: 3 }),
  };
}).level0;

interface OuterLevel {
  fields: FormField[];
  keys: Set<string>;
}

const isTarget = (field: FormField): field is ChoiceField | Extract<FormField, { kind: 'yes-no' }> =>
  field.kind === 'single-choice' || field.kind === 'multiple-choice' || field.kind === 'yes-no';

function targetValue(field: FormField, pick: number): string | boolean {
  return field.kind === 'yes-no'
    ? pick % 2 === 0
    : ((field as ChoiceField).options[pick % (field as ChoiceField).options.length]?.value ?? '');
}

/** A condition pointing at an earlier, reachable choice field (or group of them), if there is one. */
function pickCondition(
  seed: NonNullable<Seeded['seed']>,
  own: FormField[],
  ownKeys: Set<string>,
  outer: OuterLevel[],
): FieldCondition | undefined {
  // Reachable: not shadowed by the same key at a level nearer the field.
  const levels = [{ fields: own, keys: ownKeys }, ...outer];
  const reachable = levels.flatMap((level, index) =>
    level.fields.filter((field) => levels.slice(0, index).every((inner) => !inner.keys.has(field.key))),
  );
  if (seed.anyItem) {
    const groups = reachable.flatMap((field) =>
      field.kind === 'group' ? field.fields.filter(isTarget).map((child) => ({ group: field, child })) : [],
    );
    const chosen = groups[seed.pick % Math.max(groups.length, 1)];
    if (chosen)
      return {
        kind: 'any-item-has-value',
        group: chosen.group.key,
        field: chosen.child.key,
        value: targetValue(chosen.child, seed.value),
      };
  }
  const targets = reachable.filter(isTarget);
  const target = targets[seed.pick % Math.max(targets.length, 1)];
  return target ? { kind: 'has-value', field: target.key, value: targetValue(target, seed.value) } : undefined;
}

function buildLevel(specs: RawSpec[], outer: OuterLevel[], keyOffset: number): FormField[] {
  // Overlapping key ranges between levels make inner keys shadow outer ones now and then.
  const keys = specs.map((_, index) => `f${index + keyOffset}`);
  const keySet = new Set(keys);
  const fields: FormField[] = [];
  specs.forEach((spec, index) => {
    const key = keys[index] as string;
    let field = { ...spec.field, key } as FormField;
    if (field.kind === 'group') {
      let children = buildLevel(spec.children ?? [], [{ fields, keys: keySet }, ...outer], index % 3);
      if (children.every((child) => child.kind === 'heading' || child.kind === 'info')) {
        children = [...children, { kind: 'short-text', key: 'fill', label: labels[0] as LocalizedText }];
      }
      field = { ...field, fields: children };
    }
    const condition = spec.seed ? pickCondition(spec.seed, fields, keySet, outer) : undefined;
    fields.push(condition ? { ...field, condition } : field);
  });
  return fields;
}

export const formDefinitionArb: fc.Arbitrary<FormDefinition> = rawSpecs.map((specs) => {
  const fields = buildLevel(specs, [], 0);
  const hasInput = JSON.stringify(fields).match(/"kind":"(?!heading|info|group)/);
  return {
    formatVersion: 1,
    fields: hasInput ? fields : [...fields, { kind: 'yes-no', key: 'last', label: labels[1] as LocalizedText }],
  };
});
