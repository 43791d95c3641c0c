import { RETURN_PATH_MAX_LENGTH, safeReturnPath } from '@kontakta/contract';
import { describe, expect, it } from 'vitest';
import { afterLoginPath } from './after-login.ts';

describe('afterLoginPath', () => {
  it('marks the page the login lands on, keeping its own query', () => {
    expect(afterLoginPath(undefined)).toBe('/?inloggad');
    expect(afterLoginPath('/arenden/42')).toBe('/arenden/42?inloggad');
    expect(afterLoginPath('/mottagningar?q=solgl%C3%A4ntan')).toBe('/mottagningar?q=solgl%C3%A4ntan&inloggad');
  });

  it('marks once, and stays a safe return path (unmarked when marking would make it too long)', () => {
    expect(afterLoginPath('/arenden/42?inloggad')).toBe('/arenden/42?inloggad');
    const long = `/${'a'.repeat(RETURN_PATH_MAX_LENGTH - 2)}`;
    expect(afterLoginPath(long)).toBe(long);
    expect(safeReturnPath(afterLoginPath('/arenden/42'))).toBe('/arenden/42?inloggad');
  });
});
