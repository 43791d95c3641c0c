import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { useLanguage } from './i18n-provider.tsx';
import type { MessageId } from './messages.ts';

export type TextValues = Readonly<Record<string, string | number>>;

/** `t('inbox.heading')`: a string from the catalogue in the reader's language, with ICU values. */
export function useText(): (id: MessageId, values?: TextValues) => string {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: TextValues) => intl.formatMessage({ id }, values), [intl]);
}

/** Picks the reader's language from text that comes as data (`{ sv, en }`: forms, errand type names). */
export function useLocalized(): (text: Readonly<{ sv: string; en: string }>) => string {
  const { locale } = useLanguage();
  return useCallback((text) => text[locale], [locale]);
}
