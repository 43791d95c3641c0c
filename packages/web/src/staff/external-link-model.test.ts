import { describe, expect, it } from 'vitest';
import { blankLinkFields, linkBody, linkFieldOfPath, movedIds } from './external-link-model.ts';

describe('the link form', () => {
  it('names the empty fields in the form’s order', () => {
    expect(blankLinkFields({ titleSv: ' ', titleEn: 'Booking', url: '' })).toEqual(['titleSv', 'url']);
    expect(blankLinkFields({ titleSv: 'Boka', titleEn: 'Book', url: 'https://boka.example.se' })).toEqual([]);
  });

  it('sends trimmed texts', () => {
    expect(linkBody({ titleSv: ' Boka ', titleEn: 'Book ', url: ' https://boka.example.se ' })).toEqual({
      title: { sv: 'Boka', en: 'Book' },
      url: 'https://boka.example.se',
    });
  });

  it('finds the field a server problem is about', () => {
    expect(linkFieldOfPath('body.url')).toBe('url');
    expect(linkFieldOfPath('body.title.sv')).toBe('titleSv');
    expect(linkFieldOfPath('body.title.en')).toBe('titleEn');
    expect(linkFieldOfPath('body.title')).toBe('titleSv');
    expect(linkFieldOfPath('body')).toBeUndefined();
    expect(linkFieldOfPath('params.linkId')).toBeUndefined();
  });
});

describe('movedIds', () => {
  it('moves one step and leaves the ends alone', () => {
    expect(movedIds(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(movedIds(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(movedIds(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(movedIds(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(movedIds([], 0, 1)).toEqual([]);
  });
});
