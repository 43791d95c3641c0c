import {
  type ConditionScope,
  type FieldOfKind,
  type FormField,
  type GroupField,
  isFieldShown,
  type LocalizedText,
} from '@kontakta/domain';
import { useState } from 'react';
import { useLanguage } from '../i18n/i18n-provider.tsx';
import type { Locale } from '../i18n/locale.ts';
import { useText } from '../i18n/use-text.ts';
import { focusLater } from '../ui/focus-later.ts';
import styles from './form.module.css';
import { CheckboxChoice, DropdownChoice, RadioChoice, WeekdayChoice, YesNoChoice } from './form-choice-inputs.tsx';
import { DateListInput } from './form-date-list-input.tsx';
import { type DraftItem, type DraftLevel, draftToAnswers, type FieldLocation, newDraftItem } from './form-draft.ts';
import { Context, type FieldProps, type RenderContext, useFieldFrame, useRender } from './form-render-context.tsx';
import { LineInput, LongTextInput } from './form-text-inputs.tsx';
import type { FormState } from './use-form-state.ts';

// The one form renderer: every form in Kontakta (a citizen's errand, a caregiver's answer, the
// form builder's preview) is a definition drawn here, field kind by field kind, with the
// definition's conditions applied as the server applies them.

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
            ? t('form.group.max', { max: field.maxItems, nounOne: noun.one[locale], nounOther: noun.other[locale] })
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
