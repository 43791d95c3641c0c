import { describe, expect, it } from 'vitest';
import { careUnitSearchText, foldForSearch, searchWords } from './search-text.ts';

describe('foldForSearch', () => {
  it('lower-cases and removes diacritics', () => {
    expect(foldForSearch('Vårdcentralen Solgläntan')).toBe('vardcentralen solglantan');
    expect(foldForSearch('SOLGLÄNTAN')).toBe('solglantan');
    expect(foldForSearch('Örebro Läns Sjukhus')).toBe('orebro lans sjukhus');
    expect(foldForSearch('Café Élan')).toBe('cafe elan');
  });

  it('folds composed and decomposed spellings alike', () => {
    expect(foldForSearch('a\u030Angen')).toBe(foldForSearch('\u00E5ngen'));
    expect(foldForSearch('\u00E5ngen')).toBe('angen');
  });

  it('leaves text without diacritics as lower case', () => {
    expect(foldForSearch('BVC 123 45')).toBe('bvc 123 45');
  });
});

describe('searchWords', () => {
  it('splits a query into folded words, at most five', () => {
    expect(searchWords('  Vårdcentral   SÖDER ')).toEqual(['vardcentral', 'soder']);
    expect(searchWords('a b c d e f g')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(searchWords('   ')).toEqual([]);
  });
});

describe('careUnitSearchText', () => {
  it('holds name, municipality, city and the postcode with and without its space', () => {
    const text = careUnitSearchText({
      name: 'Vårdcentralen Solgläntan',
      municipalityName: 'Stockholm',
      city: 'Farsta',
      postalCode: '123 45',
    });
    expect(text).toBe('vardcentralen solglantan stockholm farsta 123 45 12345');
    for (const word of searchWords('solglantan SOLGLÄNTAN stockholm 12345 123')) expect(text).toContain(word);
  });

  it('writes a postcode without a space once', () => {
    expect(careUnitSearchText({ name: 'BVC', municipalityName: 'Umeå', city: 'Umeå', postalCode: '90326' })).toBe(
      'bvc umea umea 90326',
    );
  });
});
