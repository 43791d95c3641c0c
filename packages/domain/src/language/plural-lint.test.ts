import { describe, expect, it } from 'vitest';
import { numbersBeforeNouns } from './plural-lint.ts';

describe('numbers before nouns', () => {
  it('finds a plain placeholder before a counted noun, not a plural', () => {
    expect(numbersBeforeNouns('Skriv in den inom {validMinutes} minuter.')).toEqual(['{validMinutes} minuter']);
    expect(numbersBeforeNouns('At most {max} characters and {n} Days')).toEqual(['{max} characters', '{n} Days']);
    expect(numbersBeforeNouns('inom {m, plural, one {# minut} other {# minuter}}')).toEqual([]);
    expect(numbersBeforeNouns('{name} har svarat')).toEqual([]);
  });
});
