import type { LocalizedText } from '@kontakta/domain';
import { useText } from '../i18n/use-text.ts';
import styles from './form-builder-page.module.css';

/**
 * Swedish and English side by side. Swedish must be written; English is optional, and where it is
 * left empty English readers see the Swedish (form-builder-model.ts `withSwedishFallback`).
 */
export function TextPair({
  id,
  label,
  value,
  multiline,
  hint,
  onChange,
}: Readonly<{
  id: string;
  label: string;
  value: LocalizedText;
  multiline?: boolean;
  /** Said under both boxes and read with each. */
  hint?: string;
  onChange: (value: LocalizedText) => void;
}>) {
  const t = useText();
  const hintId = hint ? `${id}-hint` : undefined;
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
          'aria-describedby': hintId,
          onChange: (event: { target: { value: string } }) => onChange({ ...value, [language]: event.target.value }),
        };
        return (
          <div key={language} className="field">
            <label htmlFor={inputId}>{text}</label>
            {multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
          </div>
        );
      })}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
