import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale.ts';
import { CATALOGUES } from './messages.ts';

describe('message catalogues', () => {
  const swedishIds = Object.keys(CATALOGUES.sv).sort();

  it.each(LOCALES)('%s has exactly the Swedish ids', (locale) => {
    expect(Object.keys(CATALOGUES[locale]).sort()).toEqual(swedishIds);
  });

  it.each(LOCALES)('%s has no empty or untrimmed text', (locale) => {
    for (const [id, text] of Object.entries(CATALOGUES[locale])) {
      expect(text.trim(), id).not.toBe('');
      expect(text, id).toBe(text.trim());
    }
  });
});
