import type { AnswerTemplate } from '@kontakta/contract';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useAdminErrandTypes, useAnswerTemplates, useChangeAnswerTemplates } from '../api/admin-queries.ts';
import { useStaffProfile } from '../api/staff-queries.ts';
import { LeavePageBlockerDialog, LeavePageDialog } from '../forms/leave-page-dialog.tsx';
import { useItemEditor } from '../forms/use-item-editor.ts';
import { type Refusal, useRefusal } from '../forms/use-refusal.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { focusLater } from '../ui/focus-later.ts';
import { LoadError, Loading, PageLoadError } from '../ui/page-state.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { UserText } from '../ui/user-text.tsx';
import { fieldErrorsOf } from './admin-field-errors.ts';
import styles from './unit-settings-page.module.css';

// The unit's standard answers, a page of its own: caregivers insert one into an answer and edit
// it there. One form (a new standard answer, or the one being changed) with one save; leaving it
// with changes not saved asks first. Removing one is asked about, then done.

const EMPTY = { titleSv: '', titleEn: '', textSv: '', textEn: '', types: [] as string[] };
type Draft = typeof EMPTY;

const FIELD_IDS: Readonly<Record<string, string>> = {
  'body.title.sv': 'template-title-sv',
  'body.title.en': 'template-title-en',
  'body.text.sv': 'template-text-sv',
  'body.text.en': 'template-text-en',
  'body.errandTypes': 'template-types',
};
const RESULT_ID = 'templates-result';

const draftOf = (template: AnswerTemplate): Draft => ({
  titleSv: template.title.sv,
  titleEn: template.title.en ?? '',
  textSv: template.text.sv,
  textEn: template.text.en ?? '',
  types: [...template.errandTypes],
});

/** `/personal/administration/standardsvar`: the unit's standard answers. */
export function AnswerTemplatesPage() {
  const t = useText();
  const profile = useStaffProfile();
  useDocumentTitle(t('common.documentTitle', { page: t('templates.heading') }));
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <PageLoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/personal/administration">{t('admin.back')}</Link>
      </p>
      <AnswerTemplates unitHsaId={profile.data.unit?.hsaId ?? ''} />
    </>
  );
}

function AnswerTemplates({ unitHsaId }: Readonly<{ unitHsaId: string }>) {
  const t = useText();
  const localized = useLocalized();
  const templates = useAnswerTemplates(unitHsaId);
  const types = useAdminErrandTypes(unitHsaId);
  const change = useChangeAnswerTemplates(unitHsaId);
  const { errorAt, summary, attempt, refuse, clear } = useRefusal();
  const [notice, setNotice] = useState<{ text: string; error: boolean } | undefined>();
  const editor = useItemEditor<AnswerTemplate, Draft>({
    empty: EMPTY,
    draftOf,
    idPrefix: 'template',
    formHeadingId: 'templates-form-heading',
    onEdit: () => {
      clear();
      setNotice(undefined);
    },
  });
  const { editing, draft, set, dirty, removing } = editor;
  const typeName = (id: string) => {
    const type = types.data?.items.find((item) => item.id === id);
    return type ? localized(type.name) : id;
  };

  const stopEditing = () => {
    clear();
    editor.stopEditing();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const missing: Refusal[] = [];
    if (!draft.titleSv.trim()) missing.push({ message: t('templates.error.title'), targetId: 'template-title-sv' });
    if (!draft.textSv.trim()) missing.push({ message: t('templates.error.text'), targetId: 'template-text-sv' });
    if (missing.length > 0) {
      refuse(missing);
      return;
    }
    try {
      await change.mutateAsync({
        kind: 'save',
        ...(editing ? { id: editing.id } : {}),
        template: {
          title: { sv: draft.titleSv, ...(draft.titleEn.trim() ? { en: draft.titleEn } : {}) },
          text: { sv: draft.textSv, ...(draft.textEn.trim() ? { en: draft.textEn } : {}) },
          errandTypes: draft.types,
        },
      });
      setNotice({ text: t(editing ? 'templates.changed' : 'templates.added'), error: false });
      editor.reset();
      clear();
      focusLater(RESULT_ID);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      refuse(
        errors.length > 0
          ? errors.map((e) => ({ message: e.message, targetId: FIELD_IDS[e.path] }))
          : [{ message: t('admin.saveFailed') }],
      );
    }
  };

  const remove = async (template: AnswerTemplate) => {
    try {
      await change.mutateAsync({ kind: 'remove', id: template.id });
      if (editing?.id === template.id) editor.reset();
      setNotice({ text: t('templates.removed', { title: template.title.sv }), error: false });
    } catch {
      setNotice({ text: t('admin.saveFailed'), error: true });
    }
    editor.removalDone();
    focusLater(RESULT_ID);
  };

  const text = (id: string, label: string, value: string, onChange: (v: string) => void, multiline = false) => (
    <TextField
      id={id}
      label={label}
      error={errorAt(id)}
      errorPrefix={t('form.errorPrefix')}
      multiline={multiline}
      maxLength={multiline ? 5000 : 120}
      value={value}
      onChange={onChange}
    />
  );

  const items = templates.data?.items ?? [];
  return (
    <>
      <h1>{t('templates.heading')}</h1>
      <p>{t('templates.lead')}</p>
      <div role="status">
        {notice && !notice.error ? (
          <p id={RESULT_ID} tabIndex={-1} className="notice notice-success">
            {notice.text}
          </p>
        ) : null}
      </div>
      <div role="alert">{notice?.error ? <p className="notice notice-error">{notice.text}</p> : null}</div>
      <section aria-labelledby="templates-list-heading" className={styles.section}>
        <h2 id="templates-list-heading">{t('templates.list')}</h2>
        {templates.isPending ? <Loading /> : null}
        {templates.isError ? <LoadError error={templates.error} onRetry={() => void templates.refetch()} /> : null}
        {templates.data && items.length === 0 ? <p>{t('templates.empty')}</p> : null}
        {items.length > 0 ? (
          <ul className={styles.templates}>
            {items.map((template) => (
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
                  <button
                    id={`template-${template.id}-edit`}
                    type="button"
                    className="button button-secondary"
                    onClick={() => editor.edit(template)}
                  >
                    {t('templates.edit', { title: template.title.sv })}
                  </button>
                  <button
                    id={`template-${template.id}-remove`}
                    type="button"
                    className="button button-secondary"
                    disabled={change.isPending}
                    onClick={() => editor.askToRemove(template)}
                  >
                    {t('templates.remove', { title: template.title.sv })}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="templates-form-heading" className={styles.section}>
        <form noValidate aria-labelledby="templates-form-heading" onSubmit={(event) => void submit(event)}>
          <h2 id="templates-form-heading" tabIndex={-1}>
            {t(editing ? 'templates.form.change' : 'templates.form.add')}
          </h2>
          <ErrorSummary errors={summary} focusKey={attempt} />
          {text('template-title-sv', t('templates.titleSv'), draft.titleSv, (v) => set({ titleSv: v }))}
          {text('template-title-en', t('templates.titleEn'), draft.titleEn, (v) => set({ titleEn: v }))}
          {text('template-text-sv', t('templates.textSv'), draft.textSv, (v) => set({ textSv: v }), true)}
          {text('template-text-en', t('templates.textEn'), draft.textEn, (v) => set({ textEn: v }), true)}
          <fieldset id="template-types" tabIndex={-1} className="plain-fieldset">
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
                      set({
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
              <button type="button" className="button button-secondary" onClick={stopEditing}>
                {t('templates.cancel')}
              </button>
            ) : null}
            {dirty ? <span className="muted">{t('admin.unsaved')}</span> : null}
          </div>
        </form>
      </section>
      <ConfirmDialog
        isOpen={removing !== undefined}
        heading={t('templates.remove.confirm', { title: removing?.title.sv ?? '' })}
        pending={change.isPending}
        safe={{
          label: t('templates.cancel'),
          className: 'button',
          onPress: editor.keep,
        }}
        act={{
          label: t('templates.remove.yes'),
          className: 'button button-danger',
          onPress: () => {
            if (removing) void remove(removing);
          },
        }}
      >
        <p>{t('templates.remove.text')}</p>
      </ConfirmDialog>
      <LeavePageDialog
        isOpen={editor.switchingTo !== undefined}
        heading={t('templates.switch.heading')}
        onStay={editor.stay}
        onLeave={editor.leave}
      />
      <LeavePageBlockerDialog blocker={editor.leaving.blocker} />
    </>
  );
}
