import type { LocalizedText } from '@kontakta/domain';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import {
  type BuilderField,
  type BuilderKind,
  isChoiceKind,
  isConditionSource,
  newBuilderOption,
  takesAnswer,
} from './form-builder-model.ts';
import styles from './form-builder-page.module.css';

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
};

type Props = Readonly<{
  field: BuilderField;
  index: number;
  count: number;
  /** The questions before this one: what a condition may depend on. */
  earlier: readonly BuilderField[];
  problems: readonly string[];
  onChange: (field: BuilderField) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}>;

/** One question in the builder: its texts in both languages, whether it is required, options, condition. */
export function BuilderFieldEditor({ field, index, count, earlier, problems, onChange, onMove, onRemove }: Props) {
  const t = useText();
  const localized = useLocalized();
  const id = `builder-${field.key}`;
  const number = index + 1;
  const set = (change: Partial<BuilderField>) => onChange({ ...field, ...change });
  const sources = earlier.filter((candidate) => isConditionSource(candidate.kind));
  const conditionValue = field.condition ? `${field.condition.field}=${field.condition.value}` : '';

  return (
    <fieldset id={id} tabIndex={-1} className={`${styles.field} ${problems.length ? 'has-error' : ''}`}>
      <legend className={styles.fieldLegend}>
        {t('builder.field.legend', { number, kind: t(KIND_NAMES[field.kind]) })}
      </legend>
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
        <TextPair
          id={`${id}-label`}
          label={t(field.kind === 'heading' ? 'builder.field.headingText' : 'builder.field.label')}
          value={field.label}
          onChange={(label) => set({ label })}
        />
      )}
      {takesAnswer(field.kind) ? (
        <>
          <TextPair
            id={`${id}-help`}
            label={t('builder.field.help')}
            value={field.help}
            multiline
            onChange={(help) => set({ help })}
          />
          <div className="checkbox-row">
            <input
              id={`${id}-required`}
              type="checkbox"
              checked={field.required}
              onChange={(event) => set({ required: event.target.checked })}
            />
            <label htmlFor={`${id}-required`}>{t('builder.field.required')}</label>
          </div>
        </>
      ) : null}
      {isChoiceKind(field.kind) ? (
        <fieldset className={styles.options}>
          <legend className="field-label">{t('builder.options.legend')}</legend>
          {field.options.map((option, optionIndex) => (
            <div key={option.value} className={styles.option}>
              <TextPair
                id={`${id}-${option.value}`}
                label={t('builder.options.option', { number: optionIndex + 1 })}
                value={option.label}
                onChange={(label) =>
                  set({ options: field.options.map((old) => (old.value === option.value ? { ...old, label } : old)) })
                }
              />
              {field.options.length > 1 ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => set({ options: field.options.filter((old) => old.value !== option.value) })}
                >
                  {t('builder.options.remove', { number: optionIndex + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => set({ options: [...field.options, newBuilderOption(field.options)] })}
          >
            {t('builder.options.add')}
          </button>
        </fieldset>
      ) : null}
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
      {sources.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-condition`}>{t('builder.field.condition')}</label>
          <select
            id={`${id}-condition`}
            className="input"
            value={conditionValue}
            onChange={(event) => {
              const [source, value] = event.target.value.split('=');
              set({ condition: source && value ? { field: source, value } : null });
            }}
          >
            <option value="">{t('builder.condition.always')}</option>
            {sources.flatMap((source) => {
              const question = localized(source.label) || source.key;
              const values =
                source.kind === 'yes-no'
                  ? [
                      { value: 'yes', label: t('form.yes') },
                      { value: 'no', label: t('form.no') },
                    ]
                  : source.options.map((option) => ({ value: option.value, label: localized(option.label) }));
              return values.map((value) => (
                <option key={`${source.key}=${value.value}`} value={`${source.key}=${value.value}`}>
                  {t('builder.condition.when', { question, answer: value.label })}
                </option>
              ));
            })}
          </select>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="button button-secondary" disabled={index === 0} onClick={() => onMove(-1)}>
          {t('builder.field.up', { number })}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          {t('builder.field.down', { number })}
        </button>
        <button type="button" className="button button-danger" onClick={onRemove}>
          {t('builder.field.remove', { number })}
        </button>
      </div>
    </fieldset>
  );
}

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
