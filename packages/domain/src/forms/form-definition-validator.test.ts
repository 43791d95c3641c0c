import { describe, expect, it } from 'vitest';
import { withDefinitionTexts } from './answer-text.test-support.ts';
import type { FormDefinition, FormField, LocalizedText } from './form-definition.schema.ts';
import { parseFormDefinition, validateFormDefinition } from './form-definition-validator.ts';

const t = (sv: string, en: string): LocalizedText => ({ sv, en });
const label = t('Etikett', 'Label');

const choice: FormField = {
  kind: 'single-choice',
  key: 'choice',
  label,
  options: [
    { value: 'a', label: t('A', 'A') },
    { value: 'b', label: t('B', 'B') },
  ],
};
const yesNo: FormField = { kind: 'yes-no', key: 'flag', label };
const text = (key: string, extra: Partial<FormField> = {}) =>
  ({ kind: 'short-text', key, label, ...extra }) as FormField;

function formOf(...fields: FormField[]): FormDefinition {
  return { formatVersion: 1, fields };
}

function problemsOf(input: unknown) {
  return validateFormDefinition(input).map((problem) => `${problem.path}:${problem.code}`);
}

describe('validateFormDefinition: a well-formed definition', () => {
  it('has no problems, and parses to itself', () => {
    const definition = formOf(
      { kind: 'heading', key: 'top', label },
      choice,
      yesNo,
      text('forB', { condition: { kind: 'has-value', field: 'choice', value: 'b' } }),
      text('ifFlag', { condition: { kind: 'has-value', field: 'flag', value: true } }),
      {
        kind: 'group',
        key: 'rows',
        label,
        maxItems: 4,
        fields: [
          yesNo,
          text('sibling', { condition: { kind: 'has-value', field: 'flag', value: false } }),
          text('outer', { condition: { kind: 'has-value', field: 'choice', value: 'a' } }),
          {
            kind: 'group',
            key: 'inner',
            label,
            maxItems: 2,
            fields: [text('deep', { condition: { kind: 'has-value', field: 'flag', value: true } })],
          },
        ],
      },
      text('anyRow', { condition: { kind: 'any-item-has-value', group: 'rows', field: 'flag', value: true } }),
    );
    expect(validateFormDefinition(definition)).toEqual([]);
    expect(parseFormDefinition(definition)).toEqual({ ok: true, value: definition });
  });
});

describe('validateFormDefinition: conditions', () => {
  it('refuses a condition on a field that does not exist', () => {
    expect(problemsOf(formOf(text('x', { condition: { kind: 'has-value', field: 'nope', value: 'a' } })))).toEqual([
      'fields[0].condition.field:condition-target-missing',
    ]);
  });

  it('refuses a condition on a field that comes later, or on the field itself', () => {
    expect(
      problemsOf(formOf(text('x', { condition: { kind: 'has-value', field: 'choice', value: 'a' } }), choice)),
    ).toEqual(['fields[0].condition.field:condition-target-after-field']);
    const selfReferring = { ...yesNo, condition: { kind: 'has-value', field: 'flag', value: true } } as FormField;
    expect(problemsOf(formOf(selfReferring))).toEqual(['fields[0].condition.field:condition-target-after-field']);
  });

  it('refuses a condition on a field that is not a choice or yes/no', () => {
    expect(
      problemsOf(formOf(text('a'), text('b', { condition: { kind: 'has-value', field: 'a', value: 'x' } }))),
    ).toEqual(['fields[1].condition.field:condition-target-not-choice']);
  });

  it('refuses a value that is not one of the options', () => {
    const problems = validateFormDefinition(
      formOf(choice, yesNo, text('c', { condition: { kind: 'has-value', field: 'choice', value: 'zzz' } })),
    );
    expect(problems[0]?.message).toEqual({
      id: 'definition.condition-value-not-an-option',
      values: { key: 'choice', value: 'zzz' },
    });
    expect(withDefinitionTexts(problems)).toEqual([
      {
        path: 'fields[2].condition.value',
        code: 'condition-value-not-an-option',
        message: {
          sv: 'Värdet ”zzz” är inget av svarsalternativen för ”choice”.',
          en: 'The value “zzz” is not one of the options of “choice”.',
        },
      },
    ]);
    expect(
      problemsOf(formOf(yesNo, text('c', { condition: { kind: 'has-value', field: 'flag', value: 'yes' } }))),
    ).toEqual(['fields[1].condition.value:condition-value-not-an-option']);
    expect(
      problemsOf(formOf(choice, text('c', { condition: { kind: 'has-value', field: 'choice', value: true } }))),
    ).toEqual(['fields[1].condition.value:condition-value-not-an-option']);
  });

  it('does not let a top-level field look into a group', () => {
    const group: FormField = { kind: 'group', key: 'rows', label, maxItems: 2, fields: [yesNo] };
    expect(
      problemsOf(formOf(group, text('x', { condition: { kind: 'has-value', field: 'flag', value: true } }))),
    ).toEqual(['fields[1].condition.field:condition-target-missing']);
  });

  it('checks any-item conditions: the group, its field and the value', () => {
    const group: FormField = { kind: 'group', key: 'rows', label, maxItems: 2, fields: [yesNo, text('name')] };
    const anyItem = (groupKey: string, field: string, value: string | boolean) =>
      text('x', { condition: { kind: 'any-item-has-value', group: groupKey, field, value } });
    expect(problemsOf(formOf(group, anyItem('rows', 'flag', true)))).toEqual([]);
    expect(problemsOf(formOf(group, anyItem('nope', 'flag', true)))).toEqual([
      'fields[1].condition.group:condition-target-missing',
    ]);
    expect(problemsOf(formOf(group, choice, anyItem('choice', 'flag', true)))).toEqual([
      'fields[2].condition.group:condition-target-not-group',
    ]);
    expect(problemsOf(formOf(group, anyItem('rows', 'nope', true)))).toEqual([
      'fields[1].condition.field:condition-target-missing',
    ]);
    expect(problemsOf(formOf(group, anyItem('rows', 'name', true)))).toEqual([
      'fields[1].condition.field:condition-target-not-choice',
    ]);
    expect(problemsOf(formOf(group, anyItem('rows', 'flag', 'a')))).toEqual([
      'fields[1].condition.value:condition-value-not-an-option',
    ]);
  });

  it('refuses an any-item condition inside the group it looks at', () => {
    const group: FormField = {
      kind: 'group',
      key: 'rows',
      label,
      maxItems: 2,
      fields: [
        yesNo,
        text('x', { condition: { kind: 'any-item-has-value', group: 'rows', field: 'flag', value: true } }),
      ],
    };
    expect(problemsOf(formOf(group))).toEqual(['fields[0].fields[1].condition.group:condition-target-after-field']);
  });
});

describe('validateFormDefinition: keys, limits and texts', () => {
  it('refuses duplicate keys at one level but allows them at different levels', () => {
    expect(problemsOf(formOf(text('a'), { kind: 'info', key: 'a', text: label }))).toEqual([
      'fields[1].key:duplicate-key',
    ]);
    expect(problemsOf(formOf(text('a'), { kind: 'group', key: 'g', label, maxItems: 1, fields: [text('a')] }))).toEqual(
      [],
    );
  });

  it('refuses keys that every object already has', () => {
    expect(problemsOf(formOf(text('constructor'), text('toString')))).toEqual([
      'fields[0].key:reserved-key',
      'fields[1].key:reserved-key',
    ]);
  });

  it('refuses keys and option values in other formats', () => {
    expect(problemsOf(formOf(text('__proto__'), text('a.b'), text('Name'), text('x'.repeat(41))))).toEqual([
      'fields[0].key:invalid-format',
      'fields[1].key:invalid-format',
      'fields[2].key:invalid-format',
      'fields[3].key:invalid-format',
    ]);
    const badOption = { ...choice, options: [{ value: 'Big Value', label }] } as FormField;
    expect(problemsOf(formOf(badOption))).toEqual(['fields[0].options[0].value:invalid-format']);
  });

  it('refuses limits that cannot be met', () => {
    expect(
      problemsOf(
        formOf(
          text('a', { minLength: 10, maxLength: 5 } as Partial<FormField>),
          text('b', { minLength: 300 } as Partial<FormField>),
          { kind: 'number', key: 'n', label, min: 5, max: 1 },
          { ...choice, kind: 'multiple-choice', key: 'm', minSelected: 2, maxSelected: 3 } as FormField,
          { kind: 'group', key: 'g', label, minItems: 5, maxItems: 2, fields: [text('x')] },
          { kind: 'date-list', key: 'd', label, minItems: 11 },
          { kind: 'date', key: 'e', label, earliest: { daysFromToday: 10 }, latest: { daysFromToday: 0 } },
          { kind: 'date', key: 'f', label, earliest: { date: '2025-02-01' }, latest: { date: '2025-01-01' } },
        ),
      ),
    ).toEqual([
      'fields[0].minLength:min-greater-than-max',
      'fields[1].minLength:min-greater-than-max',
      'fields[2].min:min-greater-than-max',
      'fields[3].maxSelected:limit-exceeds-options',
      'fields[4].minItems:min-greater-than-max',
      'fields[5].minItems:min-greater-than-max',
      'fields[6].earliest:min-greater-than-max',
      'fields[7].earliest:min-greater-than-max',
    ]);
  });

  it('refuses limits beyond what the format allows', () => {
    expect(
      problemsOf(
        formOf(
          text('a', { maxLength: 100_000 } as Partial<FormField>),
          { kind: 'group', key: 'g', label, maxItems: 1000, fields: [text('x')] },
          { kind: 'number', key: 'n', label, max: 1e300 },
        ),
      ),
    ).toEqual(['fields[0].maxLength:out-of-range', 'fields[1].maxItems:out-of-range', 'fields[2].max:out-of-range']);
  });

  it('refuses duplicate options and weekdays, and dates that do not exist', () => {
    const duplicated = { ...choice, options: [...(choice as { options: object[] }).options, { value: 'a', label }] };
    expect(
      problemsOf(
        formOf(
          duplicated as FormField,
          { kind: 'weekdays', key: 'w', label, days: ['monday', 'monday'] },
          {
            kind: 'date',
            key: 'd',
            label,
            earliest: { date: '2025-02-30' },
          },
        ),
      ),
    ).toEqual([
      'fields[0].options[2].value:duplicate-option-value',
      'fields[1].days[1]:duplicate-weekday',
      'fields[2].earliest.date:invalid-date',
    ]);
  });

  it('refuses blank texts and control characters in texts', () => {
    expect(
      problemsOf(
        formOf(
          text('a', { label: t('  ', 'Label') }),
          text('b', { help: t('Hjälp\u0000', 'Help') } as Partial<FormField>),
        ),
      ),
    ).toEqual(['fields[0].label.sv:blank-text', 'fields[1].help.sv:invalid-characters']);
  });

  it('refuses groups nested deeper than two levels', () => {
    const level3: FormField = { kind: 'group', key: 'c', label, maxItems: 1, fields: [text('x')] };
    const level2: FormField = { kind: 'group', key: 'b', label, maxItems: 1, fields: [level3] };
    const level1: FormField = { kind: 'group', key: 'a', label, maxItems: 1, fields: [level2] };
    expect(problemsOf(formOf(level1))).toEqual(['fields[0].fields[0].fields[0].fields:nesting-too-deep']);
    expect(withDefinitionTexts(validateFormDefinition(formOf(level1)))[0]?.message).toEqual({
      sv: 'Grupper kan bara ligga i högst 2 nivåer.',
      en: 'Groups can only be nested 2 levels deep.',
    });
  });

  it('says which format a key, an option value or a date must have', () => {
    const badKey = parseFormDefinition(formOf(text('Bad key')));
    expect(badKey.ok).toBe(false);
    if (badKey.ok) return;
    expect(withDefinitionTexts(badKey.problems)).toContainEqual({
      path: 'fields[0].key',
      code: 'invalid-format',
      message: {
        sv: 'En nyckel ska börja med en liten bokstav a–z och sedan bara innehålla bokstäverna a–z, A–Z och siffror (högst 40 tecken).',
        en: 'A key must start with a lowercase letter a–z followed only by the letters a–z, A–Z and digits (at most 40 characters).',
      },
    });
  });

  it('refuses a form or group with nothing to fill in', () => {
    expect(problemsOf(formOf({ kind: 'heading', key: 'h', label }, { kind: 'info', key: 'i', text: label }))).toEqual([
      'fields:no-input-fields',
    ]);
    expect(
      problemsOf(
        formOf(text('a'), {
          kind: 'group',
          key: 'g',
          label,
          maxItems: 1,
          fields: [{ kind: 'heading', key: 'h', label }],
        }),
      ),
    ).toEqual(['fields[1].fields:group-without-input-fields']);
  });
});

describe('validateFormDefinition: shape', () => {
  it.each([null, 'form', 42, [], [formOf(text('a'))]])('refuses %j', (input) => {
    expect(problemsOf(input)).toEqual([':wrong-type']);
  });

  it('reports each problem at the field it belongs to', () => {
    expect(
      problemsOf({
        formatVersion: 2,
        fields: [
          { kind: 'short-text', key: 'a', label: { sv: 'A' }, extra: 1 },
          { kind: 'telepathy', key: 'b' },
          { key: 'c' },
          'text',
          { kind: 'yes-no', key: 'd', label, condition: { kind: 'has-value', field: 'a' } },
        ],
      }),
    ).toEqual([
      'formatVersion:invalid-value',
      'fields[0].extra:unknown-property',
      'fields[0].label.en:missing-property',
      'fields[1].kind:unknown-field-kind',
      'fields[2].kind:missing-property',
      'fields[3]:wrong-type',
      'fields[4].condition:invalid-value',
    ]);
  });

  it('refuses __proto__ and other unknown properties', () => {
    const input = JSON.parse(
      '{"formatVersion":1,"__proto__":{"x":1},"fields":[{"kind":"yes-no","key":"a","label":{"sv":"A","en":"A","__proto__":{}}}]}',
    );
    expect(problemsOf(input)).toEqual(['__proto__:unknown-property', 'fields[0].label.__proto__:unknown-property']);
  });

  it('refuses an empty form and too many fields', () => {
    expect(problemsOf({ formatVersion: 1, fields: [] })).toEqual(['fields:too-few']);
    const many = Array.from({ length: 101 }, (_, index) => text(`f${index}`));
    expect(problemsOf({ formatVersion: 1, fields: many })).toEqual(['fields:too-many']);
    const wide = Array.from({ length: 4 }, (_, group) => ({
      kind: 'group',
      key: `g${group}`,
      label,
      maxItems: 1,
      fields: Array.from({ length: 80 }, (_, index) => text(`f${index}`)),
    }));
    expect(problemsOf({ formatVersion: 1, fields: wide })).toEqual(['fields:too-many-fields']);
  });

  it('refuses input too deep or too large to be a form, without overflowing the stack', () => {
    let deep: unknown = {};
    for (let depth = 0; depth < 100_000; depth++) deep = { fields: [deep] };
    expect(problemsOf(deep)).toEqual([':too-large']);
    expect(problemsOf({ formatVersion: 1, fields: Array.from({ length: 60_000 }, () => 1) })).toEqual([':too-large']);
  });
});
