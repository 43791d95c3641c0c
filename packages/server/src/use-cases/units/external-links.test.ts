import { describe, expect, it } from 'vitest';
import { safeHttpsUrl } from './external-links.ts';

describe('safeHttpsUrl', () => {
  it.each([
    ['https://boka.example.se/', 'https://boka.example.se/'],
    ['  HTTPS://Boka.Example.se/Tid?x=1#a ', 'https://boka.example.se/Tid?x=1#a'],
    ['https://xn--vrd-yla.example.se/', 'https://xn--vrd-yla.example.se/'],
  ])('accepts %j', (input, expected) => {
    expect(safeHttpsUrl(input)).toBe(expected);
  });

  it.each([
    'http://boka.example.se/',
    'javascript:alert(1)',
    'data:text/html,<p>x</p>',
    '//boka.example.se/',
    'https://user:secret@boka.example.se/',
    'https://localhost/',
    'https://boka.example.se/a b',
    'https://boka.example.se/\u0007',
    'https://',
    'boka.example.se',
  ])('refuses %j', (input) => {
    expect(safeHttpsUrl(input)).toBeUndefined();
  });
});
