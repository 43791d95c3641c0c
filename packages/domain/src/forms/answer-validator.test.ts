import { describe, expect, it } from 'vitest';
import type { FormDefinition } from './form-definition.schema.ts';
import { codes, errorsOf, minimal, rawErrorsOf, t, validate } from './sample-form.test-support.ts';

describe('validateAnswers: accepted and cleaned answers', () => {
  it('accepts the required fields alone', () => {
    expect(validate(minimal)).toEqual({ ok: true, value: { name: 'Anna', kind: 'a' } });
  });

  it('trims, normalises and orders every kind of answer', () => {
    const result = validate({
      name: '  Åsa  '.replace('Å', 'A\u030A'),
      story: 'rad ett\r\nrad två ',
      kind: 'b',
      onlyForB: ' ja ',
      colours: ['blue', 'red'],
      when: '2025-05-12',
      dates: ['2025-06-02', '2025-05-20'],
      days: ['friday', 'monday'],
      at: '9.05',
      count: 3,
      agree: false,
      phone: '070-123 45 67',
      items: [
        { title: 'Ett', special: false, bNote: 'not' },
        { title: 'Två', special: true, why: 'därför' },
      ],
      specialNote: 'Anteckning',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Åsa',
        story: 'rad ett\nrad två',
        kind: 'b',
        onlyForB: 'ja',
        colours: ['red', 'blue'],
        when: '2025-05-12',
        dates: ['2025-05-20', '2025-06-02'],
        days: ['monday', 'friday'],
        at: '09:05',
        count: 3,
        agree: false,
        phone: '+46701234567',
        items: [
          { title: 'Ett', special: false, bNote: 'not' },
          { title: 'Två', special: true, why: 'därför' },
        ],
        specialNote: 'Anteckning',
      },
    });
    expect(result.ok && result.value.name).toBe('\u00C5sa');
  });

  it('treats null, empty strings and empty lists as not answered', () => {
    expect(validate({ ...minimal, story: '   ', colours: [], when: null, dates: [], items: [], phone: '' })).toEqual({
      ok: true,
      value: minimal,
    });
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(validate({ ...minimal, name: '🙂'.repeat(10) }).ok).toBe(true);
    expect(codes({ ...minimal, name: '🙂'.repeat(11) })).toEqual(['name:too-long']);
    // Two emoji are four UTF-16 units but still too short for a minimum of three.
    expect(codes({ ...minimal, story: '🙂🙂' })).toEqual(['story:too-short']);
  });

  it('does not change the answers it was given', () => {
    const answers = { ...minimal, name: ' Anna ', colours: ['blue', 'red'] };
    const copy = structuredClone(answers);
    validate(answers);
    expect(answers).toEqual(copy);
  });
});

describe('validateAnswers: one error per wrong field, in both languages', () => {
  it('asks for missing required answers by name', () => {
    expect(errorsOf({})).toEqual([
      { path: 'name', code: 'required', message: { sv: 'Fyll i namn.', en: 'Fill in name.' } },
      { path: 'kind', code: 'required', message: { sv: 'Välj typ.', en: 'Choose a kind.' } },
    ]);
  });

  it('refuses every kind of wrong value', () => {
    expect(
      codes({
        name: 'x'.repeat(11),
        story: 'ab',
        kind: 'c',
        colours: ['red', 'green', 'blue'],
        when: '2025-05-11',
        dates: ['2025-02-30'],
        days: ['sunday'],
        at: '24:00',
        count: 2.5,
        agree: 'yes',
        phone: '12345',
      }),
    ).toEqual([
      'name:too-long',
      'story:too-short',
      'kind:not-an-option',
      'colours:too-many-selected',
      'when:date-too-early',
      'dates:invalid-date',
      'days:not-an-option',
      'at:invalid-time',
      'count:not-an-integer',
      'agree:wrong-type',
      'phone:invalid-phone',
    ]);
  });

  it('explains date limits relative to today', () => {
    const [early] = errorsOf({ ...minimal, when: '2025-05-11' });
    expect(early?.message).toEqual({
      sv: 'Datum kan inte vara ett datum som redan har passerat.',
      en: 'Date cannot be a date that has already passed.',
    });
    const [late] = errorsOf({ ...minimal, when: '2025-06-12' });
    expect(late).toMatchObject({ code: 'date-too-late', message: { sv: 'Datum kan senast vara 2025-06-11.' } });
  });

  it('refuses numbers outside the limits and numbers sent as text', () => {
    expect(codes({ ...minimal, count: 0 })).toEqual(['count:too-small']);
    expect(codes({ ...minimal, count: 6 })).toEqual(['count:too-large']);
    expect(codes({ ...minimal, count: '3' })).toEqual(['count:wrong-type']);
    expect(codes({ ...minimal, count: Number.NaN })).toEqual(['count:wrong-type']);
    expect(codes({ ...minimal, count: Number.POSITIVE_INFINITY })).toEqual(['count:wrong-type']);
  });

  it('refuses repeated choices', () => {
    expect(codes({ ...minimal, colours: ['red', 'red'] })).toEqual(['colours:duplicate-value']);
    expect(codes({ ...minimal, days: ['monday', 'monday'] })).toEqual(['days:duplicate-value']);
    expect(codes({ ...minimal, dates: ['2025-06-01', '2025-06-01'] })).toEqual(['dates:duplicate-value']);
  });

  it('refuses too many dates in a date list', () => {
    const dates = ['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04'];
    expect(errorsOf({ ...minimal, dates })).toEqual([
      {
        path: 'dates',
        code: 'too-many-items',
        message: { sv: 'Du kan ange högst 3 datum.', en: 'You can enter at most 3 dates.' },
      },
    ]);
  });
});

describe('validateAnswers: conditions', () => {
  it('accepts a hidden required field that is missing, and refuses one that is filled', () => {
    expect(validate({ ...minimal }).ok).toBe(true);
    expect(errorsOf({ ...minimal, onlyForB: 'något' })).toEqual([
      {
        path: 'onlyForB',
        code: 'not-applicable',
        message: {
          sv: 'Ta bort svaret på ”Bara för B”. Frågan gäller inte utifrån dina andra svar.',
          en: 'Remove the answer to “Only for B”. The question does not apply given your other answers.',
        },
      },
    ]);
  });

  it('requires a shown required field', () => {
    expect(codes({ ...minimal, kind: 'b' })).toEqual(['onlyForB:required']);
  });

  it('lets a hidden field be sent empty, as a form that keeps all its inputs does', () => {
    expect(validate({ ...minimal, onlyForB: '  ' })).toEqual({ ok: true, value: minimal });
  });

  it('resolves a condition inside a group against the same item first', () => {
    const items = [
      { title: 'A', special: true },
      { title: 'B', special: false, why: 'nej' },
    ];
    expect(codes({ ...minimal, items, specialNote: 'x' })).toEqual([
      'items[0].why:required',
      'items[1].why:not-applicable',
    ]);
  });

  it('resolves a condition inside a group against the top level when the item has no such field', () => {
    expect(codes({ ...minimal, items: [{ title: 'A', special: false, bNote: 'x' }] })).toEqual([
      'items[0].bNote:not-applicable',
    ]);
    expect(
      validate({ ...minimal, kind: 'b', onlyForB: 'y', items: [{ title: 'A', special: false, bNote: 'x' }] }).ok,
    ).toBe(true);
  });

  it('shows a field when any item of a group has a value', () => {
    const ordinary = { title: 'A', special: false };
    const special = { title: 'B', special: true, why: 'för att' };
    expect(codes({ ...minimal, items: [ordinary, special] })).toEqual(['specialNote:required']);
    expect(codes({ ...minimal, items: [ordinary], specialNote: 'x' })).toEqual(['specialNote:not-applicable']);
    expect(validate({ ...minimal, items: [ordinary, special], specialNote: 'x' }).ok).toBe(true);
  });

  it('does not guess about a field whose condition depends on a wrong answer', () => {
    // "kind" is wrong, so whether onlyForB applies is unknown: only kind is reported.
    expect(codes({ name: 'Anna', kind: 'zzz', onlyForB: 'x' })).toEqual(['kind:not-an-option']);
    expect(codes({ name: 'Anna', kind: 42 })).toEqual(['kind:wrong-type']);
  });

  it('still decides an any-item condition when another item has a wrong answer', () => {
    const items = [
      { title: 'A', special: 'maybe' },
      { title: 'B', special: true, why: 'x' },
    ];
    expect(codes({ ...minimal, items })).toEqual(['items[0].special:wrong-type', 'specialNote:required']);
    expect(codes({ ...minimal, items: [{ title: 'A', special: 'maybe' }] })).toEqual(['items[0].special:wrong-type']);
  });
});

describe('validateAnswers: repeating groups', () => {
  it('refuses too many items as a whole, with a natural message', () => {
    const items = Array.from({ length: 4 }, () => ({ title: 'x', special: false }));
    expect(errorsOf({ ...minimal, items })).toEqual([
      {
        path: 'items',
        code: 'too-many-items',
        message: { sv: 'Du kan ange högst 3 saker.', en: 'You can enter at most 3 things.' },
      },
    ]);
  });

  it('names the item in messages about its fields', () => {
    const [error] = errorsOf({ ...minimal, items: [{ title: 'A', special: false }, { special: false }] });
    expect(error).toEqual({
      path: 'items[1].title',
      code: 'required',
      message: { sv: 'Sak 2: fyll i titel.', en: 'Thing 2: fill in title.' },
    });
  });

  it('refuses items that are not objects, and a list that is not a list', () => {
    expect(codes({ ...minimal, items: ['x', null, []] })).toEqual([
      'items[0]:not-an-object',
      'items[1]:not-an-object',
      'items[2]:not-an-object',
    ]);
    expect(codes({ ...minimal, items: { 0: { title: 'x', special: false } } })).toEqual(['items:wrong-type']);
  });

  it('requires the minimum number of items while the group is shown', () => {
    const definition: FormDefinition = {
      formatVersion: 1,
      fields: [
        {
          kind: 'group',
          key: 'medicines',
          label: t('Läkemedel', 'Medicines'),
          itemNoun: { one: t('läkemedel', 'medicine'), other: t('läkemedel', 'medicines') },
          minItems: 1,
          maxItems: 10,
          fields: [{ kind: 'short-text', key: 'name', label: t('Namn', 'Name'), required: true }],
        },
      ],
    };
    expect(errorsOf({}, definition)).toEqual([
      {
        path: 'medicines',
        code: 'too-few-items',
        message: { sv: 'Ange minst 1 läkemedel.', en: 'Enter at least 1 medicine.' },
      },
    ]);
  });
});

describe('validateAnswers: messages as catalogue ids with values', () => {
  it('returns an id and values, with the unit’s words as data in both languages', () => {
    expect(rawErrorsOf({ kind: 'a' })).toEqual([
      { path: 'name', code: 'required', message: { id: 'answer.required', values: { name: t('namn', 'name') } } },
    ]);
    expect(rawErrorsOf({ ...minimal, name: 'x'.repeat(11) })[0]?.message).toEqual({
      id: 'answer.too-long',
      values: { name: t('namn', 'name'), limit: 10 },
    });
  });

  it('counts through ICU plurals: one character, one row', () => {
    const definition: FormDefinition = {
      formatVersion: 1,
      fields: [
        { kind: 'short-text', key: 'code', label: t('Kod', 'Code'), minLength: 1, maxLength: 1 },
        {
          kind: 'group',
          key: 'rows',
          label: t('Rader', 'Rows'),
          minItems: 2,
          maxItems: 3,
          fields: [{ kind: 'short-text', key: 'note', label: t('Notering', 'Note') }],
        },
      ],
    };
    expect(errorsOf({ code: 'ab', rows: [{}] }, definition).map((error) => error.message)).toEqual([
      {
        sv: 'Texten är för lång. Skriv kod med högst 1 tecken.',
        en: 'The text is too long. Write code in at most 1 character.',
      },
      { sv: 'Ange minst 2 rader i rader.', en: 'Enter at least 2 entries in rows.' },
    ]);
    expect(errorsOf({ rows: [{}, {}, {}, {}] }, { ...definition, fields: definition.fields.slice(1) })).toEqual([
      {
        path: 'rows',
        code: 'too-many-items',
        message: { sv: 'Du kan ange högst 3 rader i rader.', en: 'You can enter at most 3 entries in rows.' },
      },
    ]);
  });

  it('names each level of nested groups, and quotes a question used as a name', () => {
    const definition: FormDefinition = {
      formatVersion: 1,
      fields: [
        {
          kind: 'group',
          key: 'trips',
          label: t('Resor', 'Trips'),
          maxItems: 2,
          fields: [
            {
              kind: 'group',
              key: 'stops',
              label: t('Stopp', 'Stops'),
              itemNoun: { one: t('stopp', 'stop'), other: t('stopp', 'stops') },
              maxItems: 2,
              fields: [{ kind: 'yes-no', key: 'ok', label: t('Gick det bra?', 'Did it go well?'), required: true }],
            },
          ],
        },
      ],
    };
    expect(errorsOf({ trips: [{ stops: [{}] }] }, definition)[0]?.message).toEqual({
      sv: 'Resor, rad 1, Stopp 1: välj ”Gick det bra?”.',
      en: 'Trips, entry 1, Stop 1: choose “Did it go well?”.',
    });
  });

  it('writes numbers as the language does', () => {
    const definition: FormDefinition = {
      formatVersion: 1,
      fields: [{ kind: 'number', key: 'dose', label: t('Dos', 'Dose'), min: 0.5, max: 2500 }],
    };
    expect(errorsOf({ dose: 0.25 }, definition)[0]?.message).toEqual({
      sv: 'Dos måste vara minst 0,5.',
      en: 'Dose must be at least 0.5.',
    });
    expect(errorsOf({ dose: 3000 }, definition)[0]?.message).toEqual({
      sv: 'Dos kan vara högst 2\u00a0500.',
      en: 'Dose can be at most 2,500.',
    });
  });
});
