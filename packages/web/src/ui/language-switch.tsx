import { useIntl } from 'react-intl';
import { useLanguage } from '../i18n/i18n-provider.tsx';
import { LOCALES } from '../i18n/locale.ts';
import styles from './language-switch.module.css';

/**
 * Svenska / English. Each name is written in its own language and marked with `lang`, so that a
 * reader who does not understand the current language still recognises, and hears, their own.
 */
export function LanguageSwitch() {
  const intl = useIntl();
  const { locale, setLocale } = useLanguage();
  return (
    <fieldset className={styles.switch}>
      <legend className="visually-hidden">{intl.formatMessage({ id: 'shell.languageSwitch.label' })}</legend>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className={styles.option}
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {intl.formatMessage({ id: `language.${option}` })}
        </button>
      ))}
    </fieldset>
  );
}
