import {
  type ChoiceOption,
  type ConditionScope,
  DEFAULT_DATE_LIST_MAX_ITEMS,
  DEFAULT_WEEKDAYS,
  type FieldOfKind,
  type FormField,
  type GroupField,
  isFieldShown,
  type LocalizedText,
} from '@kontakta/domain';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { useLanguage } from '../i18n/i18n-provider.tsx';
import type { Locale } from '../i18n/locale.ts';
import { type TextValues, useText } from '../i18n/use-text.ts';
import { formatNumber } from '../ui/format.ts';
import styles from './form.module.css';
import {
  answerPath,
  type DraftItem,
  type DraftLevel,
  type DraftValue,
  draftToAnswers,
  type FieldLocation,
  fieldDomId,
  newDraftItem,
} from './form-draft.ts';
import type { FormState } from './use-form-state.ts';

// The one form renderer: every form in Kontakta (a citizen's errand, a caregiver's answer, the
// form builder's preview) is a definition drawn here, field kind by field kind, with the
// definition's conditions applied as the server applies them.

type RenderContext = Readonly<{
  state: FormState;
  locale: Locale;
  t: (id: Parameters<ReturnType<typeof useText>>[0], values?: TextValues) => string;
  announce: (text: string) => void;
}>;

const Context = createContext<RenderContext | null>(null);

function useRender(): RenderContext {
  const context = useContext(Context);
  if (!context) throw new Error('form fields must be inside <FormFields>');
  return context;
}

/** All fields of `state.definition`, bound to `state`. Put it inside a `<form noValidate>`. */
export function FormFields({ state }: Readonly<{ state: FormState }>) {
  const { locale } = useLanguage();
  const t = useText();
  const [announcement, setAnnouncement] = useState('');
  const context: RenderContext = { state, locale, t, announce: setAnnouncement };
  return (
    <Context value={context}>
      <LevelFields fields={state.definition.fields} level={state.draft} location={[]} outer={[]} depth={0} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </Context>
  );
}

type LevelProps = Readonly<{
  fields: readonly FormField[];
  level: DraftLevel;
  location: FieldLocation;
  outer: readonly ConditionScope[];
  depth: number;
}>;

function LevelFields({ fields, level, location, outer, depth }: LevelProps) {
  const scopes = [{ fields, values: draftToAnswers(fields, level, outer) }, ...outer];
  return (
    <>
      {fields.map((field) =>
        isFieldShown(field, scopes) ? (
          <FieldView
            key={field.key}
            field={field}
            value={level[field.key]}
            location={[...location, field.key]}
            scopes={scopes}
            depth={depth}
          />
        ) : null,
      )}
    </>
  );
}

type FieldProps<F extends FormField = FormField> = Readonly<{
  field: F;
  value: DraftValue | undefined;
  location: FieldLocation;
  scopes: readonly ConditionScope[];
  depth: number;
}>;

function FieldView(props: FieldProps) {
  const { field } = props;
  switch (field.kind) {
    case 'heading':
      return <SectionHeading field={field} depth={props.depth} />;
    case 'info':
      return <InformationText text={field.text} />;
    case 'group':
      return <GroupView {...props} field={field} />;
    case 'single-choice':
      return field.display === 'dropdown' ? (
        <DropdownChoice {...props} field={field} />
      ) : (
        <RadioChoice {...props} field={field} options={field.options} />
      );
    case 'yes-no':
      return <YesNoChoice {...props} field={field} />;
    case 'multiple-choice':
      return <CheckboxChoice {...props} field={field} options={field.options} />;
    case 'weekdays':
      return <WeekdayChoice {...props} field={field} />;
    case 'date-list':
      return <DateListInput {...props} field={field} />;
    case 'long-text':
      return <LongTextInput {...props} field={field} />;
    default:
      return <LineInput {...props} field={field} />;
  }
}

// ---- Shared pieces: ids, label, hint and error for one field ----

type InputLike = Exclude<FormField, GroupField | FieldOfKind<'heading'> | FieldOfKind<'info'>>;

function useFieldFrame(field: InputLike | GroupField, location: FieldLocation) {
  const { state, locale, t } = useRender();
  const id = fieldDomId(state.idPrefix, location);
  const path = answerPath(location);
  const error = state.fieldErrors.get(path);
  const help = field.help?.[locale];
  const describedBy = [help ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return {
    id,
    path,
    error,
    label: field.label[locale],
    help,
    required: 'required' in field && field.required === true,
    describedBy,
    hint: help ? (
      <p id={`${id}-hint`} className="hint">
        {help}
      </p>
    ) : null,
    errorText: error ? (
      <p id={`${id}-error`} className="field-error">
        <span className="visually-hidden">{t('form.errorPrefix')} </span>
        {error}
      </p>
    ) : null,
  };
}

function RequiredMark({ required }: Readonly<{ required: boolean }>) {
  const { t } = useRender();
  return required ? <span className={styles.required}> {t('form.required')}</span> : null;
}

function fieldClass(error: string | undefined, extra = ''): string {
  return ['field', error ? 'has-error' : '', extra].filter(Boolean).join(' ');
}

// ---- Display-only fields ----

function SectionHeading({ field, depth }: Readonly<{ field: FieldOfKind<'heading'>; depth: number }>) {
  const { locale } = useRender();
  const text = field.label[locale];
  if (depth === 0) return <h2 className={styles.heading}>{text}</h2>;
  if (depth === 1) return <h3 className={styles.heading}>{text}</h3>;
  return <h4 className={styles.heading}>{text}</h4>;
}

function InformationText({ text }: Readonly<{ text: LocalizedText }>) {
  const { locale } = useRender();
  return (
    <div className="notice">
      {text[locale].split(/\n{2,}/).map((paragraph) => (
        <p key={paragraph} className={styles.preLine}>
          {paragraph}
        </p>
      ))}
    </div>
  );
}

// ---- One-line inputs: short text, date, time, number, phone ----

type LineField = FieldOfKind<'short-text' | 'date' | 'time' | 'number' | 'phone'>;

function LineInput({ field, value, location }: FieldProps<LineField>) {
  const { state, t, locale } = useRender();
  const frame = useFieldFrame(field, location);
  const formatHints: ReactNode[] = [];
  let inputMode: 'text' | 'numeric' | 'decimal' | 'tel' = 'text';
  let width = '';
  if (field.kind === 'date') {
    formatHints.push(t('form.date.format'));
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

function LongTextInput({ field, value, location }: FieldProps<FieldOfKind<'long-text'>>) {
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

// ---- Choices ----

type ChoiceFrameProps = Readonly<{
  frame: ReturnType<typeof useFieldFrame>;
  children: ReactNode;
}>;

/** Radio buttons and checkboxes sit in a fieldset whose legend is the question. */
function ChoiceFieldset({ frame, children }: ChoiceFrameProps) {
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
      {frame.errorText}
      {children}
    </fieldset>
  );
}

function optionId(fieldId: string, index: number): string {
  // The first option carries the field's own id, so the error summary's link lands on it.
  return index === 0 ? fieldId : `${fieldId}-option-${index}`;
}

function RadioChoice({
  field,
  value,
  location,
  options,
}: FieldProps<FieldOfKind<'single-choice'>> & Readonly<{ options: readonly ChoiceOption[] }>) {
  const { state, locale } = useRender();
  const frame = useFieldFrame(field, location);
  return (
    <ChoiceFieldset frame={frame}>
      {options.map((option, index) => (
        <div key={option.value} className={styles.option}>
          <input
            type="radio"
            id={optionId(frame.id, index)}
            name={frame.id}
            value={option.value}
            checked={value === option.value}
            onChange={() => {
              state.setValue(location, option.value);
              state.touch(frame.path);
            }}
          />
          <label htmlFor={optionId(frame.id, index)}>{option.label[locale]}</label>
        </div>
      ))}
    </ChoiceFieldset>
  );
}

function YesNoChoice({ field, value, location }: FieldProps<FieldOfKind<'yes-no'>>) {
  const { state, t } = useRender();
  const frame = useFieldFrame(field, location);
  const choices = [
    { value: 'yes', label: t('form.yes') },
    { value: 'no', label: t('form.no') },
  ];
  return (
    <ChoiceFieldset frame={frame}>
      <div className={styles.inline}>
        {choices.map((choice, index) => (
          <div key={choice.value} className={styles.option}>
            <input
              type="radio"
              id={optionId(frame.id, index)}
              name={frame.id}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => {
                state.setValue(location, choice.value);
                state.touch(frame.path);
              }}
            />
            <label htmlFor={optionId(frame.id, index)}>{choice.label}</label>
          </div>
        ))}
      </div>
    </ChoiceFieldset>
  );
}

function DropdownChoice({ field, value, location }: FieldProps<FieldOfKind<'single-choice'>>) {
  const { state, locale, t } = useRender();
  const frame = useFieldFrame(field, location);
  return (
    <div className={fieldClass(frame.error)}>
      <label htmlFor={frame.id}>
        {frame.label}
        <RequiredMark required={frame.required} />
      </label>
      {frame.hint}
      {frame.errorText}
      <select
        id={frame.id}
        className="input"
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => state.setValue(location, event.target.value)}
        onBlur={() => state.touch(frame.path)}
        aria-describedby={frame.describedBy.join(' ') || undefined}
        aria-invalid={frame.error ? true : undefined}
        aria-required={frame.required || undefined}
      >
        <option value="">{t('form.choose')}</option>
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}

function CheckboxList({
  frame,
  location,
  value,
  options,
}: Readonly<{
  frame: ReturnType<typeof useFieldFrame>;
  location: FieldLocation;
  value: DraftValue | undefined;
  options: readonly { value: string; label: string }[];
}>) {
  const { state } = useRender();
  const chosen = new Set(Array.isArray(value) ? (value as readonly string[]) : []);
  const toggle = (option: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(option);
    else next.delete(option);
    // Kept in the form's order, as the server stores it.
    state.setValue(
      location,
      options.map((candidate) => candidate.value).filter((candidate) => next.has(candidate)),
    );
    state.touch(frame.path);
  };
  return (
    <ChoiceFieldset frame={frame}>
      {options.map((option, index) => (
        <div key={option.value} className={styles.option}>
          <input
            type="checkbox"
            id={optionId(frame.id, index)}
            value={option.value}
            checked={chosen.has(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
          <label htmlFor={optionId(frame.id, index)}>{option.label}</label>
        </div>
      ))}
    </ChoiceFieldset>
  );
}

function CheckboxChoice({
  field,
  value,
  location,
  options,
}: FieldProps<FieldOfKind<'multiple-choice'>> & Readonly<{ options: readonly ChoiceOption[] }>) {
  const { locale } = useRender();
  const frame = useFieldFrame(field, location);
  return (
    <CheckboxList
      frame={frame}
      location={location}
      value={value}
      options={options.map((option) => ({ value: option.value, label: option.label[locale] }))}
    />
  );
}

function WeekdayChoice({ field, value, location }: FieldProps<FieldOfKind<'weekdays'>>) {
  const { t } = useRender();
  const frame = useFieldFrame(field, location);
  const days = field.days ?? DEFAULT_WEEKDAYS;
  return (
    <CheckboxList
      frame={frame}
      location={location}
      value={value}
      options={days.map((day) => ({ value: day, label: t(`weekday.${day}`) }))}
    />
  );
}

// ---- A list of dates, one input each ----

function DateListInput({ field, value, location }: FieldProps<FieldOfKind<'date-list'>>) {
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
      <p className="hint">{t('form.date.format')}</p>
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

// ---- Repeating groups: items with add and remove ----

function GroupView({ field, value, location, scopes, depth }: FieldProps<GroupField>) {
  const { state, t, locale, announce } = useRender();
  const frame = useFieldFrame(field, location);
  const items = Array.isArray(value) ? (value as readonly DraftItem[]) : [];
  const minItems = field.minItems ?? 0;
  const title = (index: number) => itemTitle(field, index, locale, t);
  const noun = field.itemNoun;
  return (
    <fieldset id={frame.id} tabIndex={-1} className={`${styles.group} ${frame.error ? 'has-error' : ''}`}>
      <legend className={styles.groupLegend}>{frame.label}</legend>
      {frame.hint}
      {frame.errorText}
      {items.map((item, index) => (
        <fieldset key={item.id} id={`${frame.id}-${index}`} tabIndex={-1} className={styles.item}>
          <legend className={styles.itemLegend}>{title(index)}</legend>
          <LevelFields
            fields={field.fields}
            level={item.values}
            location={[...location, index]}
            outer={scopes}
            depth={depth + 1}
          />
          {items.length > minItems ? (
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                state.setValue(
                  location,
                  items.filter((_, position) => position !== index),
                );
                announce(t('form.group.removed', { item: title(index) }));
                focusLater(`${frame.id}-add`, frame.id);
              }}
            >
              {t('form.group.remove', { item: lowerFirst(title(index)) })}
            </button>
          ) : null}
        </fieldset>
      ))}
      {items.length < field.maxItems ? (
        <button
          id={`${frame.id}-add`}
          type="button"
          className="button button-secondary"
          onClick={() => {
            state.setValue(location, [...items, newDraftItem(field.fields)]);
            announce(t('form.group.added', { item: title(items.length) }));
            focusLater(`${frame.id}-${items.length}`);
          }}
        >
          {noun ? t('form.group.add', { noun: noun.one[locale] }) : t('form.group.addEntry')}
        </button>
      ) : (
        <p className="hint">
          {noun
            ? t('form.group.max', { max: field.maxItems, noun: noun.other[locale] })
            : t('form.group.maxEntries', { max: field.maxItems })}
        </p>
      )}
    </fieldset>
  );
}

/** "Läkemedel 2", as the validator's messages name the item. */
function itemTitle(group: GroupField, index: number, locale: Locale, t: RenderContext['t']): string {
  if (group.itemNoun) return `${upperFirst(group.itemNoun.one[locale])} ${index + 1}`;
  return t('form.group.entry', { label: group.label[locale], number: index + 1 });
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** Moves focus once React has drawn the change: to the new item, or where a removed one was. */
function focusLater(id: string, fallbackId?: string): void {
  window.setTimeout(() => {
    const target = document.getElementById(id) ?? (fallbackId ? document.getElementById(fallbackId) : null);
    target?.focus();
  }, 0);
}
