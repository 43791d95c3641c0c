import { type ChoiceOption, DEFAULT_WEEKDAYS, type FieldOfKind } from '@kontakta/domain';
import type { ReactNode } from 'react';
import styles from './form.module.css';
import type { DraftValue, FieldLocation } from './form-draft.ts';
import { type FieldProps, fieldClass, RequiredMark, useFieldFrame, useRender } from './form-render-context.tsx';

// The form renderer's choices: radio buttons, yes/no, a dropdown, checkboxes, weekdays.

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

export function RadioChoice({
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

export function YesNoChoice({ field, value, location }: FieldProps<FieldOfKind<'yes-no'>>) {
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

export function DropdownChoice({ field, value, location }: FieldProps<FieldOfKind<'single-choice'>>) {
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

export function CheckboxChoice({
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

export function WeekdayChoice({ field, value, location }: FieldProps<FieldOfKind<'weekdays'>>) {
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
