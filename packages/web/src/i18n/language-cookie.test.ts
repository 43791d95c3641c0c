import { describe, expect, it } from 'vitest';
import { LANGUAGE_COOKIE, languageCookie, localeFromCookies } from './language-cookie.ts';

describe('localeFromCookies', () => {
  it('is Swedish when there is no cookie', () => {
    expect(localeFromCookies('')).toBe('sv');
  });

  it('reads the language among other cookies', () => {
    expect(localeFromCookies(`a=1; ${LANGUAGE_COOKIE}=en; b=2`)).toBe('en');
  });

  it('ignores unknown languages and look-alike names', () => {
    expect(localeFromCookies(`${LANGUAGE_COOKIE}=de`)).toBe('sv');
    expect(localeFromCookies(`x${LANGUAGE_COOKIE}=en`)).toBe('sv');
  });
});

describe('languageCookie', () => {
  it('is site-wide, long-lived and Secure over https', () => {
    expect(languageCookie('en', true)).toBe(`${LANGUAGE_COOKIE}=en; Path=/; Max-Age=31536000; SameSite=Lax; Secure`);
    expect(languageCookie('sv', false)).not.toContain('Secure');
  });
});
