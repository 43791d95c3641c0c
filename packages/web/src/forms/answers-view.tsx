import {
  type ConditionScope,
  type FormDefinition,
  type FormField,
  isDisplayOnlyField,
  isFieldShown,
  staffLabelOf,
} from '@kontakta/domain';
import { useLanguage } from '../i18n/i18n-provider.tsx';
import type { Locale } from '../i18n/locale.ts';
import { useText } from '../i18n/use-text.ts';
import { formatNumber } from '../ui/format.ts';
import { UserText } from '../ui/user-text.tsx';
import styles from './form.module.css';

/** A stored definition as it comes from the server (typed `unknown` in the contract), or undefined. */
export function asFormDefinition(value: unknown): FormDefinition | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const fields = (value as { fields?: unknown }).fields;
  return Array.isArray(fields) ? (value as FormDefinition) : undefined;
}

type Answers = Readonly<Record<string, unknown>>;

function asAnswers(value: unknown): Answers {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Answers) : {};
}

/**
 * Answers read back, drawn from the definition they were written on: what was sent, an errand's
 * thread, the answer from the unit. Only questions that were shown and answered are listed.
 */
export function AnswersView({
  definition,
  answers,
  hiddenKeys = [],
  labels = {},
  forStaff = false,
}: Readonly<{
  definition: unknown;
  answers: unknown;
  hiddenKeys?: readonly string[];
  /** Labels that read better for this reader than the form's own, by top-level field key. */
  labels?: Readonly<Record<string, string>>;
  /** Staff read a citizen's answers: each question's staff label, in the third person. */
  forStaff?: boolean;
}>) {
  const t = useText();
  const form = asFormDefinition(definition);
  if (!form) return <p className="muted">{t('answers.unreadable')}</p>;
  const fields = form.fields.filter((field) => !hiddenKeys.includes(field.key));
  return <AnswerList fields={fields} answers={asAnswers(answers)} outer={[]} labels={labels} forStaff={forStaff} />;
}

function AnswerList({
  fields,
  answers,
  outer,
  labels = {},
  forStaff,
}: Readonly<{
  fields: readonly FormField[];
  answers: Answers;
  outer: readonly ConditionScope[];
  labels?: Readonly<Record<string, string>>;
  forStaff: boolean;
}>) {
  const { locale } = useLanguage();
  const t = useText();
  const scopes = [{ fields, values: answers }, ...outer];
  const rows = fields.filter(
    (field) => !isDisplayOnlyField(field) && isFieldShown(field, scopes) && isAnswered(answers[field.key]),
  );
  if (rows.length === 0) return <p className="muted">{t('answers.none')}</p>;
  return (
    <dl className={styles.answers}>
      {rows.map((field) => (
        <div key={field.key} className={styles.answer}>
          <dt>{labels[field.key] ?? labelOf(field, forStaff)?.[locale] ?? field.key}</dt>
          <dd>
            {field.kind === 'group' ? (
              <ol className={styles.answerItems}>
                {(answers[field.key] as unknown[]).map((item, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: stored items have no other identity.
                  <li key={index}>
                    <p className={styles.answerItemTitle}>
                      {field.itemNoun
                        ? `${upperFirst(field.itemNoun.one[locale])} ${index + 1}`
                        : t('form.group.entry', { label: field.label[locale], number: index + 1 })}
                    </p>
                    <AnswerList fields={field.fields} answers={asAnswers(item)} outer={scopes} forStaff={forStaff} />
                  </li>
                ))}
              </ol>
            ) : (
              <AnswerValue field={field} value={answers[field.key]} locale={locale} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function labelOf(field: FormField, forStaff: boolean) {
  if (!('label' in field)) return undefined;
  return forStaff ? staffLabelOf(field) : field.label;
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

function AnswerValue({ field, value, locale }: Readonly<{ field: FormField; value: unknown; locale: Locale }>) {
  const t = useText();
  switch (field.kind) {
    case 'single-choice':
      return <UserText text={field.options.find((option) => option.value === value)?.label[locale] ?? String(value)} />;
    case 'multiple-choice':
      return (
        <>
          {(value as unknown[])
            .map((chosen) => field.options.find((option) => option.value === chosen)?.label[locale] ?? String(chosen))
            .join(', ')}
        </>
      );
    case 'weekdays':
      return <>{(value as string[]).map((day) => weekdayName(day, t)).join(', ')}</>;
    case 'date-list':
      return <>{(value as string[]).join(', ')}</>;
    case 'yes-no':
      return <>{value === true ? t('form.yes') : t('form.no')}</>;
    case 'number':
      return (
        <>
          {typeof value === 'number' ? formatNumber(value, locale) : String(value)}
          {field.unit ? ` ${field.unit[locale]}` : ''}
        </>
      );
    case 'long-text':
      return <UserText className={styles.preLine} text={String(value)} />;
    default:
      return <UserText text={String(value)} />;
  }
}

const WEEKDAY_IDS = {
  monday: 'weekday.monday',
  tuesday: 'weekday.tuesday',
  wednesday: 'weekday.wednesday',
  thursday: 'weekday.thursday',
  friday: 'weekday.friday',
  saturday: 'weekday.saturday',
  sunday: 'weekday.sunday',
} as const;

function weekdayName(day: string, t: ReturnType<typeof useText>): string {
  return day in WEEKDAY_IDS ? t(WEEKDAY_IDS[day as keyof typeof WEEKDAY_IDS]) : day;
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
