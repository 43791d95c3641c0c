import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { languageCookie } from './language-cookie.ts';
import { DEFAULT_LOCALE, type Locale } from './locale.ts';
import { CATALOGUES } from './messages.ts';

type LanguageState = Readonly<{ locale: Locale; setLocale: (locale: Locale) => void }>;

const LanguageContext = createContext<LanguageState | null>(null);

/**
 * Holds the UI language: gives react-intl its catalogue, keeps `<html lang>` in step (screen
 * readers pick their voice from it) and remembers the choice in the language cookie.
 */
export function I18nProvider({ initialLocale, children }: { initialLocale: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState(initialLocale);

  const setLocale = useCallback((next: Locale) => {
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is too new for the browsers citizens use.
    document.cookie = languageCookie(next, window.location.protocol === 'https:');
    setLocaleState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const state = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);

  return (
    <LanguageContext value={state}>
      <IntlProvider locale={locale} defaultLocale={DEFAULT_LOCALE} messages={CATALOGUES[locale]}>
        {children}
      </IntlProvider>
    </LanguageContext>
  );
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage() must be used inside <I18nProvider>');
  return state;
}
