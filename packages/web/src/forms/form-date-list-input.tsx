import { DEFAULT_DATE_LIST_MAX_ITEMS, exampleDate, type FieldOfKind } from '@kontakta/domain';
import { focusLater } from '../ui/focus-later.ts';
import { swedishToday } from '../ui/format.ts';
import styles from './form.module.css';
import { type FieldProps, fieldClass, RequiredMark, useFieldFrame, useRender } from './form-render-context.tsx';

// The form renderer's list of dates, one input each, with add and remove.

export function DateListInput({ field, value, location }: FieldProps<FieldOfKind<'date-list'>>) {
  const { state, t, announce } = useRender();
  const frame = useFieldFrame(field, location);
  const stored = Array.isArray(value) ? (value as readonly string[]) : [];
  // An empty list shows one empty input: nothing is sent for it.
  const entries = stored.length > 0 ? stored : [''];
  const max = field.maxItems ?? DEFAULT_DATE_LIST_MAX_ITEMS;
  const set = (next: readonly string[]) => state.setValue(location, next);
  const entryId = (index: number) => (index === 0 ? frame.id : `${frame.id}-${index}`);
  return (
    <fieldset
      className={fieldClass(frame.error, styles.choices)}
      aria-describedby={frame.describedBy.join(' ') || undefined}
    >
      <legend className="field-label">
        {frame.label}
        <RequiredMark required={frame.required} />
      </legend>
      {frame.hint}
      <p className="hint">{t('form.date.format', { example: exampleDate(field, swedishToday()) })}</p>
      {frame.errorText}
      {entries.map((entry, index) => (
        // Dates can repeat while typing; the position is the identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity beyond their place.
        <div key={index} className={styles.dateEntry}>
          <label htmlFor={entryId(index)} className={styles.entryLabel}>
            {t('form.dateList.entry', { number: index + 1 })}
          </label>
          <input
            id={entryId(index)}
            className="input input-short"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={entry}
            onChange={(event) => set(entries.map((old, position) => (position === index ? event.target.value : old)))}
            onBlur={() => state.touch(frame.path)}
            aria-invalid={frame.error ? true : undefined}
          />
          {entries.length > 1 ? (
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                set(entries.filter((_, position) => position !== index));
                announce(t('form.dateList.removed', { number: index + 1 }));
                focusLater(`${frame.id}-add`, frame.id);
              }}
            >
              {t('form.dateList.remove', { number: index + 1 })}
            </button>
          ) : null}
        </div>
      ))}
      {entries.length < max ? (
        <button
          id={`${frame.id}-add`}
          type="button"
          className="button button-secondary"
          onClick={() => {
            set([...entries, '']);
            focusLater(`${frame.id}-${entries.length}`);
          }}
        >
          {t('form.dateList.add')}
        </button>
      ) : (
        <p className="hint">{t('form.dateList.max', { max })}</p>
      )}
    </fieldset>
  );
}
