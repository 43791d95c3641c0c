import { exampleDate, type FieldOfKind } from '@kontakta/domain';
import type { ReactNode } from 'react';
import type { Locale } from '../i18n/locale.ts';
import { formatNumber, swedishToday } from '../ui/format.ts';
import styles from './form.module.css';
import {
  type FieldProps,
  fieldClass,
  type RenderContext,
  RequiredMark,
  useFieldFrame,
  useRender,
} from './form-render-context.tsx';

// The form renderer's text inputs.

// ---- One-line inputs: short text, date, time, number, phone ----

type LineField = FieldOfKind<'short-text' | 'date' | 'time' | 'number' | 'phone'>;

export function LineInput({ field, value, location }: FieldProps<LineField>) {
  const { state, t, locale } = useRender();
  const frame = useFieldFrame(field, location);
  const formatHints: ReactNode[] = [];
  let inputMode: 'text' | 'numeric' | 'decimal' | 'tel' = 'text';
  let width = '';
  if (field.kind === 'date') {
    // The example is a date this field accepts today, so the hint never contradicts the check.
    formatHints.push(t('form.date.format', { example: exampleDate(field, swedishToday()) }));
    inputMode = 'numeric';
    width = 'input-short';
  } else if (field.kind === 'time') {
    formatHints.push(t('form.time.format'));
    width = 'input-short';
  } else if (field.kind === 'number') {
    inputMode = field.integer ? 'numeric' : 'decimal';
    width = 'input-short';
    const range = numberRangeHint(field, locale, t);
    if (range) formatHints.push(range);
  } else if (field.kind === 'phone') {
    inputMode = 'tel';
    formatHints.push(t('form.phone.format'));
  }
  const formatId = `${frame.id}-format`;
  const describedBy = [...(formatHints.length ? [formatId] : []), ...frame.describedBy];
  const input = (
    <input
      id={frame.id}
      className={`input ${width}`}
      type={field.kind === 'phone' ? 'tel' : 'text'}
      inputMode={inputMode}
      autoComplete={field.kind === 'phone' ? 'tel' : 'off'}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => state.setValue(location, event.target.value)}
      onBlur={() => state.touch(frame.path)}
      aria-describedby={describedBy.join(' ') || undefined}
      aria-invalid={frame.error ? true : undefined}
      aria-required={frame.required || undefined}
    />
  );
  return (
    <div className={fieldClass(frame.error)}>
      <label htmlFor={frame.id}>
        {frame.label}
        <RequiredMark required={frame.required} />
      </label>
      {frame.hint}
      {formatHints.length ? (
        <p id={formatId} className="hint">
          {formatHints.join(' ')}
        </p>
      ) : null}
      {frame.errorText}
      {field.kind === 'number' && field.unit ? (
        <div className={styles.withUnit}>
          {input}
          <span>{field.unit[locale]}</span>
        </div>
      ) : (
        input
      )}
    </div>
  );
}

function numberRangeHint(field: FieldOfKind<'number'>, locale: Locale, t: RenderContext['t']): string | undefined {
  const kind = field.integer ? 'whole' : 'any';
  if (field.min !== undefined && field.max !== undefined) {
    return t(`form.number.between.${kind}`, {
      min: formatNumber(field.min, locale),
      max: formatNumber(field.max, locale),
    });
  }
  if (field.min !== undefined) return t(`form.number.atLeast.${kind}`, { min: formatNumber(field.min, locale) });
  if (field.max !== undefined) return t(`form.number.atMost.${kind}`, { max: formatNumber(field.max, locale) });
  return field.integer ? t('form.number.whole') : undefined;
}

// ---- Long text, with a count of characters against the limit ----

export function LongTextInput({ field, value, location }: FieldProps<FieldOfKind<'long-text'>>) {
  const { state, t } = useRender();
  const frame = useFieldFrame(field, location);
  const text = typeof value === 'string' ? value : '';
  const max = field.maxLength;
  const countId = `${frame.id}-count`;
  return (
    <div className={fieldClass(frame.error)}>
      <label htmlFor={frame.id}>
        {frame.label}
        <RequiredMark required={frame.required} />
      </label>
      {frame.hint}
      {frame.errorText}
      <textarea
        id={frame.id}
        className="input"
        rows={6}
        value={text}
        onChange={(event) => state.setValue(location, event.target.value)}
        onBlur={() => state.touch(frame.path)}
        aria-describedby={[...frame.describedBy, ...(max ? [countId] : [])].join(' ') || undefined}
        aria-invalid={frame.error ? true : undefined}
        aria-required={frame.required || undefined}
      />
      {max ? (
        <p id={countId} className="hint">
          {t('form.longText.count', { count: [...text].length, max })}
        </p>
      ) : null}
    </div>
  );
}
