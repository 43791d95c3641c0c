import type { LocalizedText } from '@kontakta/domain';
import { useText } from '../i18n/use-text.ts';
import styles from './form-builder-page.module.css';

/** Swedish and English side by side: every text a citizen reads exists in both. */
export function TextPair({
  id,
  label,
  value,
  multiline,
  onChange,
}: Readonly<{
  id: string;
  label: string;
  value: LocalizedText;
  multiline?: boolean;
  onChange: (value: LocalizedText) => void;
}>) {
  const t = useText();
  return (
    <div className={styles.pair}>
      {(['sv', 'en'] as const).map((language) => {
        const inputId = `${id}-${language}`;
        const text = `${label} (${t(`builder.language.${language}`)})`;
        const common = {
          id: inputId,
          className: 'input',
          value: value[language],
          lang: language,
          onChange: (event: { target: { value: string } }) => onChange({ ...value, [language]: event.target.value }),
        };
        return (
          <div key={language} className="field">
            <label htmlFor={inputId}>{text}</label>
            {multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
          </div>
        );
      })}
    </div>
  );
}
