import { describe, expect, it } from 'vitest';
import { answersHaveContent } from './unsaved-changes.ts';

describe('answersHaveContent: whether leaving the form would lose something', () => {
  it('a fresh form has nothing, even with an empty item of a repeating group', () => {
    expect(answersHaveContent({})).toBe(false);
    expect(answersHaveContent({ medicines: [{}] })).toBe(false);
    expect(answersHaveContent({ medicines: [{ name: '  ' }], days: [] })).toBe(false);
  });

  it('any text, number, yes/no or choice counts', () => {
    expect(answersHaveContent({ medicines: [{}, { name: 'Levaxin' }] })).toBe(true);
    expect(answersHaveContent({ count: 0 })).toBe(true);
    expect(answersHaveContent({ renewal: false })).toBe(true);
    expect(answersHaveContent({ weekdays: ['mon'] })).toBe(true);
  });
});
