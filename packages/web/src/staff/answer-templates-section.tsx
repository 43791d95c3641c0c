import type { AnswerTemplate } from '@kontakta/contract';
import { type FormEvent, useState } from 'react';
import { useAdminErrandTypes, useAnswerTemplates, useChangeAnswerTemplates } from '../api/admin-queries.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrorSummary, type SummaryError } from '../ui/error-summary.tsx';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { UserText } from '../ui/user-text.tsx';
import { fieldErrorsOf } from './admin-field-errors.ts';
import styles from './unit-settings-page.module.css';

const EMPTY = { titleSv: '', titleEn: '', textSv: '', textEn: '', types: [] as string[] };
type Draft = typeof EMPTY;

const FIELD_IDS: Readonly<Record<string, string>> = {
  'body.title.sv': 'template-title-sv',
  'body.title.en': 'template-title-en',
  'body.text.sv': 'template-text-sv',
  'body.text.en': 'template-text-en',
};

/** The unit's standard answers: caregivers insert one into an answer and edit it there. */
export function AnswerTemplatesSection({ unitHsaId }: Readonly<{ unitHsaId: string }>) {
  const t = useText();
  const localized = useLocalized();
  const templates = useAnswerTemplates(unitHsaId);
  const types = useAdminErrandTypes(unitHsaId);
  const change = useChangeAnswerTemplates(unitHsaId);
  const [editing, setEditing] = useState<string | undefined>();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [summary, setSummary] = useState<readonly SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | undefined>();
  const typeName = (id: string) => {
    const type = types.data?.items.find((item) => item.id === id);
    return type ? localized(type.name) : id;
  };

  const edit = (template: AnswerTemplate) => {
    setEditing(template.id);
    setDraft({
      titleSv: template.title.sv,
      titleEn: template.title.en ?? '',
      textSv: template.text.sv,
      textEn: template.text.en ?? '',
      types: [...template.errandTypes],
    });
    setSummary([]);
    document.getElementById('template-title-sv')?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const missing: SummaryError[] = [];
    if (!draft.titleSv.trim()) missing.push({ message: t('templates.error.title'), targetId: 'template-title-sv' });
    if (!draft.textSv.trim()) missing.push({ message: t('templates.error.text'), targetId: 'template-text-sv' });
    if (missing.length > 0) {
      setSummary(missing);
      setAttempt((n) => n + 1);
      return;
    }
    try {
      await change.mutateAsync({
        kind: 'save',
        ...(editing ? { id: editing } : {}),
        template: {
          title: { sv: draft.titleSv, ...(draft.titleEn.trim() ? { en: draft.titleEn } : {}) },
          text: { sv: draft.textSv, ...(draft.textEn.trim() ? { en: draft.textEn } : {}) },
          errandTypes: draft.types,
        },
      });
      setNotice(t(editing ? 'templates.changed' : 'templates.added'));
      setEditing(undefined);
      setDraft(EMPTY);
      setSummary([]);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      setSummary(
        errors.length > 0
          ? errors.map((e) => ({ message: e.message, targetId: FIELD_IDS[e.path] }))
          : [{ message: t('admin.saveFailed') }],
      );
      setAttempt((n) => n + 1);
    }
  };

  const remove = async (template: AnswerTemplate) => {
    await change.mutateAsync({ kind: 'remove', id: template.id });
    setNotice(t('templates.removed', { title: template.title.sv }));
  };

  const text = (id: string, label: string, value: string, set: (v: string) => void, multiline = false) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          className="input"
          rows={5}
          maxLength={5000}
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      ) : (
        <input id={id} className="input" maxLength={120} value={value} onChange={(e) => set(e.target.value)} />
      )}
    </div>
  );

  return (
    <section aria-labelledby="templates-heading" className={styles.section}>
      <h2 id="templates-heading">{t('templates.heading')}</h2>
      <p>{t('templates.lead')}</p>
      <div role="status">{notice ? <p className="notice notice-success">{notice}</p> : null}</div>
      {templates.isPending ? <Loading /> : null}
      {templates.isError ? <LoadError error={templates.error} onRetry={() => void templates.refetch()} /> : null}
      {templates.data && templates.data.items.length === 0 ? <p>{t('templates.empty')}</p> : null}
      {templates.data && templates.data.items.length > 0 ? (
        <ul className={styles.templates}>
          {templates.data.items.map((template) => (
            <li key={template.id}>
              <h3>{template.title.sv}</h3>
              <p className="muted">
                {template.errandTypes.length === 0
                  ? t('templates.allTypes')
                  : template.errandTypes.map(typeName).join(', ')}
              </p>
              <p>
                <UserText text={template.text.sv} />
              </p>
              <div className="actions">
                <button type="button" className="button button-secondary" onClick={() => edit(template)}>
                  {t('templates.edit', { title: template.title.sv })}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={change.isPending}
                  onClick={() => void remove(template)}
                >
                  {t('templates.remove', { title: template.title.sv })}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <form noValidate aria-labelledby="templates-form-heading" onSubmit={(event) => void submit(event)}>
        <h3 id="templates-form-heading">{t(editing ? 'templates.form.change' : 'templates.form.add')}</h3>
        <ErrorSummary errors={summary} focusKey={attempt} />
        {text('template-title-sv', t('templates.titleSv'), draft.titleSv, (v) => setDraft({ ...draft, titleSv: v }))}
        {text('template-title-en', t('templates.titleEn'), draft.titleEn, (v) => setDraft({ ...draft, titleEn: v }))}
        {text('template-text-sv', t('templates.textSv'), draft.textSv, (v) => setDraft({ ...draft, textSv: v }), true)}
        {text('template-text-en', t('templates.textEn'), draft.textEn, (v) => setDraft({ ...draft, textEn: v }), true)}
        <fieldset className="plain-fieldset">
          <legend>{t('templates.types')}</legend>
          {(types.data?.items ?? [])
            .filter((type) => type.enabled && type.retiredAt === null)
            .map((type) => (
              <div key={type.id} className="checkbox-row">
                <input
                  id={`template-type-${type.id}`}
                  type="checkbox"
                  checked={draft.types.includes(type.id)}
                  onChange={(event) =>
                    setDraft({
                      ...draft,
                      types: event.target.checked
                        ? [...draft.types, type.id]
                        : draft.types.filter((id) => id !== type.id),
                    })
                  }
                />
                <label htmlFor={`template-type-${type.id}`}>{localized(type.name)}</label>
              </div>
            ))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={change.isPending}>
            {t(editing ? 'templates.save' : 'templates.add')}
          </button>
          {editing ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setEditing(undefined);
                setDraft(EMPTY);
              }}
            >
              {t('templates.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
