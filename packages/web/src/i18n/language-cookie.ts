import { DEFAULT_LOCALE, isLocale, type Locale } from './locale.ts';

/**
 * The chosen language lives in a cookie, not in localStorage: the product keeps nothing in the
 * browser's storage, and a cookie also reaches the server, which answers errors and e-mails in the
 * same language. The server reads this exact name.
 */
export const LANGUAGE_COOKIE = 'kontakta_lang';

// A year: the choice is a preference, not personal data, and should survive until changed.
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The locale stored in a `document.cookie`-style string, or Swedish when absent or unknown. */
export function localeFromCookies(cookies: string): Locale {
  for (const pair of cookies.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() !== LANGUAGE_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    if (isLocale(value)) return value;
  }
  return DEFAULT_LOCALE;
}

/** The string to assign to `document.cookie` to remember `locale`. */
export function languageCookie(locale: Locale, secure: boolean): string {
  // Lax: the cookie must come along when a citizen follows a link from an e-mail or SMS.
  const attributes = [`${LANGUAGE_COOKIE}=${locale}`, 'Path=/', `Max-Age=${ONE_YEAR_SECONDS}`, 'SameSite=Lax'];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}
