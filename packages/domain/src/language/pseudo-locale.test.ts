import { describe, expect, it } from 'vitest';
import { pseudoCatalogue, pseudoLocalize } from './pseudo-locale.ts';

describe('pseudo-locale', () => {
  it('accents and brackets the words', () => {
    expect(pseudoLocalize('Skicka')).toBe('[Šķíčķâ]');
  });

  it('leaves placeholders, plural syntax, quoted braces and tags alone', () => {
    expect(pseudoLocalize('Hej {name}!')).toBe('[Ĥéĵ {name}!]');
    expect(pseudoLocalize('{count, plural, one {# minut} other {# minuter}}')).toBe(
      '[{count, plural, one {# ɱíñûţ} other {# ɱíñûţéŕ}}]',
    );
    expect(pseudoLocalize("Skriv '{'kod'}' <b>nu</b>")).toBe("[Šķŕív '{'ķôđ'}' <b>ñû</b>]");
    expect(pseudoLocalize("it''s")).toBe("[íţ''š]");
  });

  it('keeps the keys of a catalogue', () => {
    expect(pseudoCatalogue({ a: 'Ja', b: 'Nej' })).toEqual({ a: '[Ĵâ]', b: '[Ñéĵ]' });
  });
});
