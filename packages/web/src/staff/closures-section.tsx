import type { UnitClosureBody } from '@kontakta/contract';
import { type FormEvent, useState } from 'react';
import { useAdminErrandTypes, useChangeUnitClosures, useUnitClosures } from '../api/admin-queries.ts';
import { useLanguage } from '../i18n/i18n-provider.tsx';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { closureRange } from '../ui/closure-dates.ts';
import { ErrorSummary, type SummaryError } from '../ui/error-summary.tsx';
import { focusLater } from '../ui/focus-later.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { TextField } from '../ui/text-field.tsx';
import { fieldErrorsOf, isSchemaRefusal } from './admin-field-errors.ts';
import styles from './unit-settings-page.module.css';

// "Stängda perioder" (issue 18, beyond 1177): the unit schedules closures, keeps some errand types
// open during them, writes a short note, and may name a cover unit of its region.

type Draft = Readonly<{
  startsOn: string;
  endsOn: string;
  keepsOpen: readonly string[];
  messageSv: string;
  messageEn: string;
  cover: string;
}>;
const EMPTY: Draft = { startsOn: '', endsOn: '', keepsOpen: [], messageSv: '', messageEn: '', cover: '' };

type Field = 'startsOn' | 'endsOn' | 'keepsOpen' | 'messageSv' | 'messageEn' | 'cover';
const FIELDS: readonly Field[] = ['startsOn', 'endsOn', 'keepsOpen', 'messageSv', 'messageEn', 'cover'];
const LABELS: Readonly<Record<Field, MessageId>> = {
  startsOn: 'closures.startsOn',
  endsOn: 'closures.endsOn',
  keepsOpen: 'closures.keepsOpen',
  messageSv: 'closures.messageSv',
  messageEn: 'closures.messageEn',
  cover: 'closures.cover',
};
const inputId = (field: Field) => (field === 'keepsOpen' ? 'closure-keeps-open' : `closure-${field}`);

function fieldOfPath(path: string): Field | undefined {
  if (path.startsWith('body.startsOn')) return 'startsOn';
  if (path.startsWith('body.endsOn')) return 'endsOn';
  if (path.startsWith('body.keepsOpen')) return 'keepsOpen';
  if (path.startsWith('body.message.sv') || path === 'body.message') return 'messageSv';
  if (path.startsWith('body.message.en')) return 'messageEn';
  if (path.startsWith('body.coverUnitHsaId')) return 'cover';
  return undefined;
}

function bodyOf(draft: Draft): UnitClosureBody {
  const sv = draft.messageSv.trim();
  return {
    startsOn: draft.startsOn.trim(),
    endsOn: draft.endsOn.trim(),
    keepsOpen: [...draft.keepsOpen],
    message: sv ? { sv, en: draft.messageEn.trim() || null } : null,
    coverUnitHsaId: draft.cover.trim() || null,
  };
}

/** The unit's scheduled closures: the list with removal, and a form to add one. */
export function ClosuresSection({ unitHsaId }: Readonly<{ unitHsaId: string }>) {
  const t = useText();
  const localized = useLocalized();
  const { locale } = useLanguage();
  const closures = useUnitClosures(unitHsaId);
  const types = useAdminErrandTypes(unitHsaId);
  const change = useChangeUnitClosures(unitHsaId);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [summary, setSummary] = useState<readonly SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | undefined>();
  const typeName = new Map((types.data?.items ?? []).map((type) => [type.id, localized(type.name)]));

  const refuse = (found: Partial<Record<Field, string>>, other: readonly string[] = []) => {
    setErrors(found);
    setSummary([
      ...FIELDS.flatMap((field) => {
        const message = found[field];
        return message ? [{ message, targetId: inputId(field) }] : [];
      }),
      ...other.map((message) => ({ message })),
    ]);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const blank: Partial<Record<Field, string>> = {};
    if (draft.startsOn.trim() === '') blank.startsOn = t('closures.error.date', { field: t(LABELS.startsOn) });
    if (draft.endsOn.trim() === '') blank.endsOn = t('closures.error.date', { field: t(LABELS.endsOn) });
    if (Object.keys(blank).length > 0) {
      refuse(blank);
      return;
    }
    try {
      await change.mutateAsync({ kind: 'add', closure: bodyOf(draft) });
      setErrors({});
      setSummary([]);
      setNotice({
        text: t('closures.added', { dates: closureRange(draft.startsOn, draft.endsOn, locale) }),
        error: false,
      });
      setDraft(EMPTY);
    } catch (error) {
      const found: Partial<Record<Field, string>> = {};
      const other: string[] = [];
      for (const fieldError of fieldErrorsOf(error)) {
        const field = fieldOfPath(fieldError.path);
        const message = isSchemaRefusal(fieldError)
          ? t('closures.error.invalid', { field: field ? t(LABELS[field]) : fieldError.path })
          : fieldError.message;
        if (field && !found[field]) found[field] = message;
        else if (!field) other.push(message);
      }
      if (Object.keys(found).length === 0 && other.length === 0) other.push(t('admin.saveFailed'));
      refuse(found, other);
    }
  };

  const text = (
    field: Field,
    value: string,
    onChange: (value: string) => void,
    extra: Record<string, unknown> = {},
  ) => (
    <TextField
      id={inputId(field)}
      label={t(LABELS[field])}
      error={errors[field]}
      errorPrefix={t('form.errorPrefix')}
      value={value}
      onChange={onChange}
      {...extra}
    />
  );

  const items = closures.data?.items ?? [];
  return (
    <section aria-labelledby="closures-heading" className={styles.section}>
      <h2 id="closures-heading" tabIndex={-1}>
        {t('closures.heading')}
      </h2>
      <p>{t('closures.lead')}</p>
      <div role="status">{notice && !notice.error ? <p className="notice notice-success">{notice.text}</p> : null}</div>
      <div role="alert">{notice?.error ? <p className="notice notice-error">{notice.text}</p> : null}</div>
      {closures.isPending ? <Loading /> : null}
      {closures.isError ? <LoadError error={closures.error} onRetry={() => void closures.refetch()} /> : null}
      {closures.data && items.length === 0 ? <p className="muted">{t('closures.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className={styles.templates} aria-label={t('closures.list')}>
          {items.map((closure) => {
            const dates = closureRange(closure.startsOn, closure.endsOn, locale);
            return (
              <li key={closure.id}>
                <h3>{dates}</h3>
                <p>
                  {closure.keepsOpen.length > 0
                    ? t('closures.keepsOpenList', {
                        types: closure.keepsOpen.map((id) => typeName.get(id) ?? id).join(', '),
                      })
                    : t('closures.nothingOpen')}
                </p>
                {closure.coverUnit ? (
                  <p>{t('closures.coverUnit', { unit: closure.coverUnit.name, hsaId: closure.coverUnit.hsaId })}</p>
                ) : null}
                {closure.message ? <p>{closure.message.sv}</p> : null}
                <button
                  type="button"
                  className="button button-danger"
                  disabled={change.isPending}
                  onClick={async () => {
                    try {
                      await change.mutateAsync({ kind: 'remove', id: closure.id });
                      setNotice({ text: t('closures.removed', { dates }), error: false });
                      focusLater('closures-heading');
                    } catch {
                      setNotice({ text: t('admin.saveFailed'), error: true });
                    }
                  }}
                >
                  {t('closures.remove', { dates })}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <form noValidate aria-labelledby="closures-form-heading" onSubmit={(event) => void submit(event)}>
        <h3 id="closures-form-heading">{t('closures.add.heading')}</h3>
        <ErrorSummary errors={summary} focusKey={attempt} />
        <div className={styles.pair}>
          {text('startsOn', draft.startsOn, (v) => setDraft({ ...draft, startsOn: v }), { type: 'date' })}
          {text('endsOn', draft.endsOn, (v) => setDraft({ ...draft, endsOn: v }), { type: 'date' })}
        </div>
        <fieldset
          className={`plain-fieldset ${errors.keepsOpen ? 'has-error' : ''}`}
          id={inputId('keepsOpen')}
          tabIndex={-1}
        >
          <legend>{t(LABELS.keepsOpen)}</legend>
          {errors.keepsOpen ? (
            <p className="field-error">
              <span className="visually-hidden">{t('form.errorPrefix')} </span>
              {errors.keepsOpen}
            </p>
          ) : null}
          {(types.data?.items ?? [])
            .filter((type) => type.enabled && type.retiredAt === null)
            .map((type) => (
              <div key={type.id} className="checkbox-row">
                <input
                  id={`closure-open-${type.id}`}
                  type="checkbox"
                  checked={draft.keepsOpen.includes(type.id)}
                  onChange={(event) =>
                    setDraft({
                      ...draft,
                      keepsOpen: event.target.checked
                        ? [...draft.keepsOpen, type.id]
                        : draft.keepsOpen.filter((id) => id !== type.id),
                    })
                  }
                />
                <label htmlFor={`closure-open-${type.id}`}>{localized(type.name)}</label>
              </div>
            ))}
        </fieldset>
        {text('messageSv', draft.messageSv, (v) => setDraft({ ...draft, messageSv: v }), { maxLength: 300 })}
        {text('messageEn', draft.messageEn, (v) => setDraft({ ...draft, messageEn: v }), { maxLength: 300 })}
        {text('cover', draft.cover, (v) => setDraft({ ...draft, cover: v }), {
          hint: t('closures.coverHint'),
          autoComplete: 'off',
        })}
        <div className="actions">
          <button type="submit" className="button" disabled={change.isPending}>
            {t('closures.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
