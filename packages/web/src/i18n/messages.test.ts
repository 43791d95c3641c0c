import { numbersBeforeNouns } from '@kontakta/domain';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from './locale.ts';
import { CATALOGUES, type MessageId } from './messages.ts';

/** The names of the ICU arguments a message uses ({name}, {count, plural, …}), sorted; throws on bad syntax. */
function argumentsOf(message: string, locale: Locale): string[] {
  type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural; 0 literal, 7 '#', 8 tag.
      if (element.type >= 1 && element.type <= 6 && element.value) names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(createIntl({ locale }).formatters.getMessageFormat(message, locale).getAst() as Element[]);
  return [...names].sort();
}

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

  it.each(LOCALES)('every %s message parses and uses the Swedish placeholders', (locale) => {
    for (const [id, text] of Object.entries(CATALOGUES[locale])) {
      expect(argumentsOf(text, locale), id).toEqual(argumentsOf(CATALOGUES.sv[id as MessageId], 'sv'));
    }
  });

  // "1 minuter": a count goes through ICU plural syntax, never straight before its noun.
  it.each(LOCALES)('%s puts no number straight before a noun', (locale) => {
    const offending = Object.entries(CATALOGUES[locale]).flatMap(([id, text]) =>
      numbersBeforeNouns(text).map((place) => `${id}: ${place}`),
    );
    expect(offending).toEqual([]);
  });

  // "Tilldelat Tilldelat dig": no word said twice in a row, placeholders read as gaps.
  it.each(LOCALES)('%s says no word twice in a row', (locale) => {
    const doubled = /(?<!\p{L})(\p{L}+)\s+\1(?!\p{L})/iu;
    const offending = Object.entries(CATALOGUES[locale]).flatMap(([id, text]) => {
      const found = doubled.exec(text.replace(/\{[^{}]*\}/g, ' – '));
      return found ? [`${id}: ${found[0]}`] : [];
    });
    expect(offending).toEqual([]);
  });
});
