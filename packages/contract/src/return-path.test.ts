import { describe, expect, it } from 'vitest';
import { RETURN_PATH_MAX_LENGTH, safeReturnPath } from './return-path.ts';

describe('safeReturnPath', () => {
  it('keeps paths of this site, with their query', () => {
    for (const path of [
      '/',
      '/arenden/01JEXAMPLE0000000000000000',
      '/mottagningar/SE2321000016-1001',
      '/mottagningar?q=solgl%C3%A4ntan',
      '/arenden?status=open&sida=2',
    ]) {
      expect(safeReturnPath(path)).toBe(path);
    }
  });

  it('refuses anything that could leave the site or is not a page', () => {
    for (const path of [
      '//evil.example',
      '//evil.example/arenden',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      'arenden/1',
      '',
      ' /arenden',
      '/arenden/1#x',
      '/arenden//x',
      '/a b',
      '/arenden/\u0000',
      '/ärenden',
      '/api/auth/eid/start',
      '/api',
      '/api?x=1',
      `/${'a'.repeat(RETURN_PATH_MAX_LENGTH)}`,
      undefined,
      null,
      42,
      ['/arenden'],
    ]) {
      expect(safeReturnPath(path)).toBeUndefined();
    }
  });

  it('keeps a path of exactly the maximum length', () => {
    const path = `/${'a'.repeat(RETURN_PATH_MAX_LENGTH - 1)}`;
    expect(safeReturnPath(path)).toBe(path);
  });
});
