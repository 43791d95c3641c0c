import type { Language } from '@kontakta/domain';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { focusLater } from '../ui/focus-later.ts';
import { newRowKey, type OptionControl, optionInputId, type TextRow } from './base-type-options-model.ts';
import styles from './base-type-options-page.module.css';

// The inputs of the options page: a group of values to choose from, and a list of texts in
// Swedish and English with add, remove and move; each shows its own errors.

export function InputErrors({ id, messages }: Readonly<{ id: string; messages: readonly string[] | undefined }>) {
  const t = useText();
  if (!messages || messages.length === 0) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {messages.join(' ')}
    </p>
  );
}

export function describedBy(...ids: readonly (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

export function ChooseValues({
  id,
  legend,
  hint,
  values,
  names,
  chosen,
  errors,
  onChange,
}: Readonly<{
  id: string;
  legend: string;
  hint: string | undefined;
  values: readonly string[];
  names: Readonly<Record<string, { sv: string; en: string }>> | undefined;
  chosen: readonly string[];
  errors: readonly string[] | undefined;
  onChange: (chosen: string[]) => void;
}>) {
  const localized = useLocalized();
  const hasError = errors !== undefined && errors.length > 0;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`plain-fieldset ${styles.option} ${hasError ? 'has-error' : ''}`}
      aria-describedby={describedBy(hint && `${id}-hint`, hasError && `${id}-error`)}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <InputErrors id={id} messages={errors} />
      {values.map((value) => {
        const inputId = `${id}-${value}`;
        const name = names?.[value];
        return (
          <div key={value} className="checkbox-row">
            <input
              id={inputId}
              type="checkbox"
              checked={chosen.includes(value)}
              onChange={(event) =>
                // Kept in the catalogue's order, which is also the order on the form.
                onChange(values.filter((v) => (v === value ? event.target.checked : chosen.includes(v))))
              }
            />
            <label htmlFor={inputId}>{name ? localized(name) : value}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function TextList({
  control,
  legend,
  hint,
  addText,
  itemOf,
  rows,
  inputErrors,
  onChange,
}: Readonly<{
  control: Extract<OptionControl, { kind: 'text-list' }>;
  legend: string;
  hint: string | undefined;
  addText: string;
  itemOf: (index: number) => string;
  rows: readonly TextRow[];
  inputErrors: ReadonlyMap<string, string[]>;
  onChange: (rows: TextRow[]) => void;
}>) {
  const t = useText();
  const id = optionInputId(control.key);
  const listErrors = inputErrors.get(id);
  const hasError = listErrors !== undefined && listErrors.length > 0;
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (!row) return;
    next.splice(index + by, 0, row);
    onChange(next);
    focusLater(`${id}-${row.rowKey}-${by < 0 ? 'up' : 'down'}`, `${id}-${row.rowKey}-${by < 0 ? 'down' : 'up'}`);
  };
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`plain-fieldset ${styles.option} ${hasError ? 'has-error' : ''}`}
      aria-describedby={describedBy(`${id}-hint`, hasError && `${id}-error`)}
    >
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="hint">
        {hint ? `${hint} ` : ''}
        {t('admin.options.listLimits', { min: control.minItems, max: control.maxItems })}
      </p>
      <InputErrors id={id} messages={listErrors} />
      <ol className={styles.rows}>
        {rows.map((row, index) => {
          const legendId = `${id}-${row.rowKey}-legend`;
          const update = (language: Language, text: string) =>
            onChange(rows.map((old) => (old === row ? { ...old, label: { ...old.label, [language]: text } } : old)));
          return (
            <li key={row.rowKey}>
              <fieldset className={styles.row}>
                <legend id={legendId}>{itemOf(index)}</legend>
                <div className={styles.pair}>
                  {(['sv', 'en'] as const).map((language) => {
                    const inputId = optionInputId(control.key, index, 'label', language);
                    const messages = inputErrors.get(inputId);
                    const invalid = messages !== undefined && messages.length > 0;
                    return (
                      <div key={language} className={`field ${invalid ? 'has-error' : ''}`}>
                        <label htmlFor={inputId}>
                          {t(language === 'sv' ? 'admin.options.textSv' : 'admin.options.textEn')}
                        </label>
                        <InputErrors id={inputId} messages={messages} />
                        <input
                          id={inputId}
                          className="input"
                          type="text"
                          lang={language}
                          maxLength={control.maxLength}
                          value={row.label[language]}
                          aria-invalid={invalid || undefined}
                          aria-describedby={invalid ? `${inputId}-error` : undefined}
                          onChange={(event) => update(language, event.target.value)}
                        />
                      </div>
                    );
                  })}
                </div>
                <div className={styles.rowActions}>
                  {(
                    [
                      ['up', 'admin.options.up', index > 0, () => move(index, -1)],
                      ['down', 'admin.options.down', index < rows.length - 1, () => move(index, 1)],
                    ] as const
                  ).map(([what, text, possible, act]) =>
                    possible ? (
                      <button
                        key={what}
                        id={`${id}-${row.rowKey}-${what}`}
                        type="button"
                        className="button button-secondary"
                        aria-labelledby={`${id}-${row.rowKey}-${what} ${legendId}`}
                        onClick={act}
                      >
                        {t(text)}
                      </button>
                    ) : null,
                  )}
                  {rows.length > control.minItems ? (
                    <button
                      id={`${id}-${row.rowKey}-remove`}
                      type="button"
                      className="button button-danger"
                      aria-labelledby={`${id}-${row.rowKey}-remove ${legendId}`}
                      onClick={() => {
                        onChange(rows.filter((old) => old !== row));
                        focusLater(`${id}-add`);
                      }}
                    >
                      {t('admin.options.remove')}
                    </button>
                  ) : null}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {rows.length < control.maxItems ? (
        <button
          id={`${id}-add`}
          type="button"
          className="button button-secondary"
          onClick={() => {
            onChange([...rows, { rowKey: newRowKey(), value: undefined, label: { sv: '', en: '' } }]);
            focusLater(optionInputId(control.key, rows.length, 'label', 'sv'));
          }}
        >
          {addText}
        </button>
      ) : null}
    </fieldset>
  );
}
