import { rewordForStaff } from '@kontakta/domain';
import type { ReactNode } from 'react';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { GroupSettings } from './form-builder-group.tsx';
import { LimitsEditor } from './form-builder-limits.tsx';
import {
  type BuilderField,
  type BuilderKind,
  isChoiceKind,
  type LimitName,
  newBuilderOption,
  takesAnswer,
  withSwedishFallback,
} from './form-builder-model.ts';
import styles from './form-builder-page.module.css';
import { TextPair } from './form-builder-text.tsx';
import { type ConditionChoice, sameCondition } from './form-builder-tree.ts';

export const KIND_NAMES: Readonly<Record<BuilderKind, MessageId>> = {
  'short-text': 'builder.kind.shortText',
  'long-text': 'builder.kind.longText',
  'single-choice': 'builder.kind.singleChoice',
  'multiple-choice': 'builder.kind.multipleChoice',
  'yes-no': 'builder.kind.yesNo',
  date: 'builder.kind.date',
  'date-list': 'builder.kind.dateList',
  weekdays: 'builder.kind.weekdays',
  time: 'builder.kind.time',
  number: 'builder.kind.number',
  phone: 'builder.kind.phone',
  heading: 'builder.kind.heading',
  info: 'builder.kind.info',
  group: 'builder.kind.group',
};

/** How the builder names what it edits: the citizen's questions, or the caregiver's answer fields. */
export type BuilderNoun = Readonly<{
  legend: MessageId;
  short: MessageId;
  label: MessageId;
  up: MessageId;
  down: MessageId;
  remove: MessageId;
  addKind: MessageId;
  addSubmit: MessageId;
  addKindIn: MessageId;
  addSubmitIn: MessageId;
}>;

export const QUESTION_NOUN: BuilderNoun = {
  legend: 'builder.field.legend',
  short: 'builder.field.short',
  label: 'builder.field.label',
  up: 'builder.field.up',
  down: 'builder.field.down',
  remove: 'builder.field.remove',
  addKind: 'builder.add.kind',
  addSubmit: 'builder.add.submit',
  addKindIn: 'builder.add.kindIn',
  addSubmitIn: 'builder.add.submitIn',
};

export const ANSWER_NOUN: BuilderNoun = {
  legend: 'builder.answer.legend',
  short: 'builder.answer.short',
  label: 'builder.answer.label',
  up: 'builder.answer.up',
  down: 'builder.answer.down',
  remove: 'builder.answer.remove',
  addKind: 'builder.answer.kind',
  addSubmit: 'builder.answer.submit',
  addKindIn: 'builder.answer.kindIn',
  addSubmitIn: 'builder.answer.submitIn',
};

type Props = Readonly<{
  field: BuilderField;
  /** The DOM id of the question's fieldset; its inputs' ids start with it. */
  id: string;
  noun: BuilderNoun;
  /** "2" or, inside a group, "2.1". */
  number: string;
  first: boolean;
  last: boolean;
  removable: boolean;
  /** What the question may be shown on: earlier questions' answers. */
  choices: readonly ConditionChoice[];
  /** The problems with the question, in the reader's language: its own (no limit) or one limit's. */
  problemsFor: (limit: LimitName | undefined) => readonly string[];
  onChange: (field: BuilderField) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  /** A group's own questions. */
  children?: ReactNode;
}>;

/** One question in the builder: texts in both languages, required, options, limits, condition, a group's questions. */
export function BuilderFieldEditor(props: Props) {
  const { field, id, noun, number, choices, problemsFor, onChange, children } = props;
  const t = useText();
  const localized = useLocalized();
  const set = (change: Partial<BuilderField>) => onChange({ ...field, ...change });
  const problems = problemsFor(undefined);
  const current = choices.findIndex((choice) => sameCondition(choice.condition, field.condition));
  const labelText: MessageId =
    field.kind === 'heading'
      ? 'builder.field.headingText'
      : field.kind === 'group'
        ? 'builder.field.groupLabel'
        : noun.label;

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`${styles.field} ${field.kind === 'group' ? styles.groupField : ''} ${problems.length ? 'has-error' : ''}`}
    >
      <legend className={styles.fieldLegend}>{t(noun.legend, { number, kind: t(KIND_NAMES[field.kind]) })}</legend>
      {problems.length > 0 ? (
        <ul id={`${id}-problems`} className="field-error">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {field.kind === 'info' ? (
        <TextPair
          id={`${id}-text`}
          label={t('builder.field.text')}
          value={field.text}
          multiline
          onChange={(text) => set({ text })}
        />
      ) : (
        <TextPair id={`${id}-label`} label={t(labelText)} value={field.label} onChange={(label) => set({ label })} />
      )}
      {noun === QUESTION_NOUN && (takesAnswer(field.kind) || field.kind === 'group') ? (
        // The citizen's question as staff read it beside the answer; empty, the label is reworded.
        <TextPair
          id={`${id}-staff-label`}
          label={t('builder.field.staffLabel')}
          value={field.staffLabel}
          hint={
            field.label.sv.trim()
              ? t('builder.field.staffLabelDefault', {
                  label: localized(rewordForStaff(withSwedishFallback(field.label))),
                })
              : t('builder.field.staffLabelHint')
          }
          onChange={(staffLabel) => set({ staffLabel })}
        />
      ) : null}
      {takesAnswer(field.kind) || field.kind === 'group' ? (
        <TextPair
          id={`${id}-help`}
          label={t('builder.field.help')}
          value={field.help}
          multiline
          onChange={(help) => set({ help })}
        />
      ) : null}
      {takesAnswer(field.kind) ? (
        <div className="checkbox-row">
          <input
            id={`${id}-required`}
            type="checkbox"
            checked={field.required}
            onChange={(event) => set({ required: event.target.checked })}
          />
          <label htmlFor={`${id}-required`}>{t('builder.field.required')}</label>
        </div>
      ) : null}
      {isChoiceKind(field.kind) ? <OptionsEditor field={field} id={id} onChange={set} /> : null}
      {field.kind === 'single-choice' ? (
        <div className="field">
          <label htmlFor={`${id}-display`}>{t('builder.field.display')}</label>
          <select
            id={`${id}-display`}
            className="input"
            value={field.display}
            onChange={(event) => set({ display: event.target.value === 'dropdown' ? 'dropdown' : 'radio' })}
          >
            <option value="radio">{t('builder.display.radio')}</option>
            <option value="dropdown">{t('builder.display.dropdown')}</option>
          </select>
        </div>
      ) : null}
      {field.kind === 'group' ? (
        <GroupSettings id={id} itemNoun={field.itemNoun} onChange={(itemNoun) => set({ itemNoun })} />
      ) : null}
      <LimitsEditor field={field} id={id} problemsFor={problemsFor} onChange={(limits) => set({ limits })} />
      {choices.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-condition`}>{t('builder.field.condition')}</label>
          <select
            id={`${id}-condition`}
            className="input"
            value={current < 0 ? '' : String(current)}
            onChange={(event) => {
              const choice = event.target.value === '' ? undefined : choices[Number(event.target.value)];
              set({ condition: choice ? choice.condition : null });
            }}
          >
            <option value="">{t('builder.condition.always')}</option>
            {choices.map((choice, index) => {
              const { field: source, value, group } = choice.condition;
              const question = localized(choice.question) || choice.condition.field;
              const answer =
                choice.answer === 'yes'
                  ? t('form.yes')
                  : choice.answer === 'no'
                    ? t('form.no')
                    : localized(choice.answer);
              const text = choice.group
                ? t('builder.condition.whenAny', { group: localized(choice.group), question, answer })
                : t('builder.condition.when', { question, answer });
              return (
                <option key={`${group ?? ''}/${source}=${value}`} value={String(index)}>
                  {text}
                </option>
              );
            })}
          </select>
        </div>
      ) : null}
      {children}
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={props.first}
          onClick={() => props.onMove(-1)}
        >
          {t(noun.up, { number })}
        </button>
        <button type="button" className="button button-secondary" disabled={props.last} onClick={() => props.onMove(1)}>
          {t(noun.down, { number })}
        </button>
        <button type="button" className="button button-danger" disabled={!props.removable} onClick={props.onRemove}>
          {t(noun.remove, { number })}
        </button>
      </div>
    </fieldset>
  );
}

function OptionsEditor({
  field,
  id,
  onChange,
}: Readonly<{ field: BuilderField; id: string; onChange: (change: Partial<BuilderField>) => void }>) {
  const t = useText();
  return (
    <fieldset className={styles.options}>
      <legend className="field-label">{t('builder.options.legend')}</legend>
      {field.options.map((option, optionIndex) => (
        <div key={option.value} className={styles.option}>
          <TextPair
            id={`${id}-${option.value}`}
            label={t('builder.options.option', { number: optionIndex + 1 })}
            value={option.label}
            onChange={(label) =>
              onChange({ options: field.options.map((old) => (old.value === option.value ? { ...old, label } : old)) })
            }
          />
          {field.options.length > 1 ? (
            <button
              type="button"
              className="link-button"
              onClick={() => onChange({ options: field.options.filter((old) => old.value !== option.value) })}
            >
              {t('builder.options.remove', { number: optionIndex + 1 })}
            </button>
          ) : null}
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => onChange({ options: [...field.options, newBuilderOption(field.options)] })}
      >
        {t('builder.options.add')}
      </button>
    </fieldset>
  );
}
