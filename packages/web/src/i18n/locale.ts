import { isLanguage, LANGUAGES, type Language } from '@kontakta/domain';

// The product's languages are the domain's (LANGUAGES, Swedish first); the i18n layer calls one a locale.
export const LOCALES = LANGUAGES;
export type Locale = Language;
export const DEFAULT_LOCALE: Locale = 'sv';

export const isLocale: (value: unknown) => value is Locale = isLanguage;
