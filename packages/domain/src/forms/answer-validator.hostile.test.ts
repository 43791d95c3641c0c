import { describe, expect, it } from 'vitest';
import { validateAnswers } from './answer-validator.ts';
import { codes, errorsOf, form, minimal, today, validate } from './sample-form.test-support.ts';

// Answers come from the network: anything at all may arrive, and none of it may throw or slip through.

describe('validateAnswers: hostile input', () => {
  it.each([null, undefined, 'text', 42, true, [], [minimal]])('refuses %j as the answers', (answers) => {
    expect(errorsOf(answers)).toEqual([
      {
        path: '',
        code: 'not-an-object',
        message: { sv: 'Svaren har fel format.', en: 'The answers are in the wrong format.' },
      },
    ]);
  });

  it('refuses unknown keys, including __proto__, without polluting anything', () => {
    const answers = JSON.parse('{"name":"Anna","kind":"a","__proto__":{"polluted":true},"intro":"x","x.y":1}');
    expect(codes(answers)).toEqual(['__proto__:unknown-field', 'intro:unknown-field', '["x.y"]:unknown-field']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const items = JSON.parse('[{"title":"A","special":false,"constructor":{"prototype":{"bad":1}}}]');
    expect(codes({ ...minimal, items })).toEqual(['items[0].constructor:unknown-field']);
  });

  it('refuses NUL, other control characters and broken UTF-16', () => {
    expect(codes({ ...minimal, name: 'An\u0000na' })).toEqual(['name:invalid-characters']);
    expect(codes({ ...minimal, name: 'An\nna' })).toEqual(['name:invalid-characters']);
    expect(codes({ ...minimal, story: 'ab\u001bcd' })).toEqual(['story:invalid-characters']);
    expect(codes({ ...minimal, story: 'ab\ud800cd' })).toEqual(['story:invalid-characters']);
    expect(validate({ ...minimal, story: 'rad\nrad\ttab' }).ok).toBe(true);
  });

  it('refuses huge strings quickly', () => {
    const huge = 'x'.repeat(5_000_000);
    const started = performance.now();
    expect(codes({ ...minimal, name: huge, story: huge, phone: huge, when: huge, at: huge })).toEqual([
      'name:too-long',
      'story:too-long',
      'when:invalid-date',
      'at:invalid-time',
      'phone:invalid-phone',
    ]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses deeply nested values without recursing into them', () => {
    let deep: unknown = 'x';
    for (let depth = 0; depth < 100_000; depth++) deep = [deep];
    expect(codes({ ...minimal, name: deep, items: [deep] })).toEqual(['name:wrong-type', 'items[0]:not-an-object']);
  });

  it('stops after maxErrors', () => {
    const answers = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`extra${index}`, index]));
    const errors = errorsOf({ ...minimal, ...answers });
    expect(errors).toHaveLength(101);
    expect(errors.at(-1)?.code).toBe('too-many-errors');
    expect(validateAnswers(form, answers, { today, maxErrors: 5 })).toMatchObject({ ok: false, errors: { length: 6 } });
  });

  it('throws only for a caller who passes no valid today', () => {
    expect(() => validateAnswers(form, minimal, { today: '2025-02-30' })).toThrow(RangeError);
    expect(() => validateAnswers(form, minimal, { today: '' })).toThrow(RangeError);
  });

  it('never runs getters', () => {
    let called = false;
    const answers = {
      ...minimal,
      get story() {
        called = true;
        return 'text';
      },
    };
    expect(codes(answers)).toEqual(['story:wrong-type']);
    expect(called).toBe(false);
  });
});
