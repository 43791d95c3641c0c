import {
  DEFAULT_DATE_LIST_MAX_ITEMS,
  DEFAULT_LONG_TEXT_MAX_LENGTH,
  DEFAULT_SHORT_TEXT_MAX_LENGTH,
  WEEKDAYS,
} from '@kontakta/domain';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import {
  type BuilderField,
  type BuilderLimits,
  type CountLimitName,
  type DateBound,
  KIND_LIMITS,
  type LimitName,
} from './form-builder-model.ts';
import styles from './form-builder-page.module.css';
import { TextPair } from './form-builder-text.tsx';

// The limits of one question, as its kind has them (form-builder-model.ts: KIND_LIMITS): lengths,
// numbers, how many choices, dates or group items, which dates and weekdays. Each box shows its own
// problem, so the error summary can link straight to it.

const LIMIT_LABELS: Readonly<Record<Exclude<LimitName, 'earliest' | 'latest'>, MessageId>> = {
  minLength: 'builder.limit.minLength',
  maxLength: 'builder.limit.maxLength',
  min: 'builder.limit.min',
  max: 'builder.limit.max',
  minSelected: 'builder.limit.minSelected',
  maxSelected: 'builder.limit.maxSelected',
  minItems: 'builder.limit.minItems',
  maxItems: 'builder.limit.maxItems',
};

const GROUP_LABELS: Readonly<Partial<Record<CountLimitName, MessageId>>> = {
  minItems: 'builder.group.minItems',
  maxItems: 'builder.group.maxItems',
};

/** The default a kind applies when its highest count is left empty, to say so beside the box. */
function defaultMaximum(field: BuilderField, name: LimitName): number | undefined {
  if (name === 'maxLength') {
    return field.kind === 'long-text' ? DEFAULT_LONG_TEXT_MAX_LENGTH : DEFAULT_SHORT_TEXT_MAX_LENGTH;
  }
  if (name === 'maxItems' && field.kind === 'date-list') return DEFAULT_DATE_LIST_MAX_ITEMS;
  return undefined;
}

export function limitInputId(fieldId: string, name: LimitName): string {
  return `${fieldId}-${name}`;
}

type Props = Readonly<{
  field: BuilderField;
  id: string;
  /** The problems with one limit, in the reader's language. */
  problemsFor: (name: LimitName) => readonly string[];
  onChange: (limits: BuilderLimits) => void;
}>;

export function LimitsEditor({ field, id, problemsFor, onChange }: Props) {
  const t = useText();
  const names = KIND_LIMITS[field.kind];
  const limits = field.limits;
  const set = (change: Partial<BuilderLimits>) => onChange({ ...limits, ...change });
  const hasNumbers = names.some((name) => name !== 'earliest' && name !== 'latest');
  if (names.length === 0 && field.kind !== 'weekdays') return null;
  return (
    <fieldset className={styles.limits}>
      <legend className="field-label">
        {t(field.kind === 'group' ? 'builder.group.items' : 'builder.limits.legend')}
      </legend>
      {hasNumbers ? (
        <p className="hint">{t(field.kind === 'group' ? 'builder.group.itemsHint' : 'builder.limits.hint')}</p>
      ) : null}
      <div className={styles.limitRow}>
        {names.map((name) =>
          name === 'earliest' || name === 'latest' ? null : (
            <NumberBox
              key={name}
              id={limitInputId(id, name)}
              label={t(
                (field.kind === 'group' ? GROUP_LABELS[name as CountLimitName] : undefined) ?? LIMIT_LABELS[name],
              )}
              value={limits[name]}
              decimal={name === 'min' || name === 'max'}
              defaultMax={defaultMaximum(field, name)}
              problems={problemsFor(name)}
              onChange={(value) => set({ [name]: value })}
            />
          ),
        )}
      </div>
      {field.kind === 'number' ? (
        <>
          <div className="checkbox-row">
            <input
              id={`${id}-integer`}
              type="checkbox"
              checked={limits.integer}
              onChange={(event) => set({ integer: event.target.checked })}
            />
            <label htmlFor={`${id}-integer`}>{t('builder.limit.integer')}</label>
          </div>
          <TextPair
            id={`${id}-unit`}
            label={t('builder.limit.unit')}
            value={limits.unit}
            onChange={(unit) => set({ unit })}
          />
        </>
      ) : null}
      {names.includes('earliest') ? (
        <div className={styles.limitRow}>
          {(['earliest', 'latest'] as const).map((name) => (
            <DateBoundBox
              key={name}
              id={limitInputId(id, name)}
              legend={t(`builder.limit.${name}`)}
              bound={limits[name]}
              problems={problemsFor(name)}
              onChange={(bound) => set({ [name]: bound })}
            />
          ))}
        </div>
      ) : null}
      {field.kind === 'weekdays' ? (
        <fieldset id={`${id}-days`} tabIndex={-1} className={styles.options}>
          <legend className="field-label">{t('builder.limit.days')}</legend>
          <div className={styles.days}>
            {WEEKDAYS.map((day) => (
              <div key={day} className="checkbox-row">
                <input
                  id={`${id}-day-${day}`}
                  type="checkbox"
                  checked={limits.days.includes(day)}
                  onChange={(event) =>
                    set({
                      days: WEEKDAYS.filter((other) =>
                        other === day ? event.target.checked : limits.days.includes(other),
                      ),
                    })
                  }
                />
                <label htmlFor={`${id}-day-${day}`}>{t(`weekday.${day}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
    </fieldset>
  );
}

function Problems({ id, problems }: Readonly<{ id: string; problems: readonly string[] }>) {
  const t = useText();
  if (problems.length === 0) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {problems.join(' ')}
    </p>
  );
}

function NumberBox({
  id,
  label,
  value,
  decimal,
  defaultMax,
  problems,
  onChange,
}: Readonly<{
  id: string;
  label: string;
  value: string;
  decimal: boolean;
  defaultMax: number | undefined;
  problems: readonly string[];
  onChange: (value: string) => void;
}>) {
  const t = useText();
  const describedBy = [defaultMax ? `${id}-hint` : '', problems.length ? `${id}-error` : ''].filter(Boolean);
  return (
    <div className={`field ${problems.length ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {defaultMax ? (
        <p id={`${id}-hint`} className="hint">
          {t('builder.limit.defaultMax', { max: defaultMax })}
        </p>
      ) : null}
      <Problems id={`${id}-error`} problems={problems} />
      <input
        id={id}
        className="input input-short"
        type="text"
        inputMode={decimal ? 'decimal' : 'numeric'}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy.join(' ') || undefined}
        aria-invalid={problems.length ? true : undefined}
      />
    </div>
  );
}

function DateBoundBox({
  id,
  legend,
  bound,
  problems,
  onChange,
}: Readonly<{
  id: string;
  legend: string;
  bound: DateBound;
  problems: readonly string[];
  onChange: (bound: DateBound) => void;
}>) {
  const t = useText();
  const valueId = `${id}-value`;
  return (
    <fieldset className={`${styles.bound} ${problems.length ? 'has-error' : ''}`}>
      <legend className="field-label">{legend}</legend>
      <Problems id={`${id}-error`} problems={problems} />
      <div className="field">
        <label htmlFor={id}>{t('builder.limit.boundKind')}</label>
        <select
          id={id}
          className="input"
          value={bound.mode}
          onChange={(event) => onChange({ mode: event.target.value as DateBound['mode'], value: '' })}
          aria-describedby={problems.length ? `${id}-error` : undefined}
        >
          <option value="none">{t('builder.limit.bound.none')}</option>
          <option value="date">{t('builder.limit.bound.date')}</option>
          <option value="days">{t('builder.limit.bound.days')}</option>
        </select>
      </div>
      {bound.mode === 'none' ? null : (
        <div className="field">
          <label htmlFor={valueId}>
            {t(bound.mode === 'date' ? 'builder.limit.boundDate' : 'builder.limit.boundDays')}
          </label>
          {bound.mode === 'days' ? (
            <p id={`${valueId}-hint`} className="hint">
              {t('builder.limit.boundDaysHint')}
            </p>
          ) : null}
          <input
            id={valueId}
            className="input input-short"
            type="text"
            inputMode={bound.mode === 'date' ? 'numeric' : 'text'}
            autoComplete="off"
            value={bound.value}
            onChange={(event) => onChange({ ...bound, value: event.target.value })}
            aria-describedby={
              [bound.mode === 'days' ? `${valueId}-hint` : '', problems.length ? `${id}-error` : '']
                .filter(Boolean)
                .join(' ') || undefined
            }
            aria-invalid={problems.length ? true : undefined}
          />
        </div>
      )}
    </fieldset>
  );
}
