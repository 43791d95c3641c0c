import type { UnitClosure, UnitClosureBody } from '@kontakta/contract';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useAdminErrandTypes, useChangeUnitClosures, useRegionUnits, useUnitClosures } from '../api/admin-queries.ts';
import { useStaffProfile } from '../api/staff-queries.ts';
import { LeavePageBlockerDialog, LeavePageDialog } from '../forms/leave-page-dialog.tsx';
import { useItemEditor } from '../forms/use-item-editor.ts';
import { refusalsOf, useRefusal } from '../forms/use-refusal.ts';
import { useLanguage } from '../i18n/i18n-provider.tsx';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { closureRange } from '../ui/closure-dates.ts';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { focusLater } from '../ui/focus-later.ts';
import { LoadError, Loading, PageLoadError } from '../ui/page-state.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { fieldErrorsOf, isSchemaRefusal, refusalDetail } from './admin-field-errors.ts';
import styles from './unit-settings-page.module.css';

// "Stängda perioder" (issue 18, beyond 1177), a page of its own: the unit schedules closures, keeps
// some errand types open during them, writes a short note, and may name a cover unit of its region.
// The page has one form (a new closure, or the one being changed) with one save; leaving it with
// changes not saved asks first. Removing a closure is asked about, then done.

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
  cover: 'closures.coverUnitLabel',
};
const inputId = (field: Field) => (field === 'keepsOpen' ? 'closure-keeps-open' : `closure-${field}`);
const RESULT_ID = 'closures-result';

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

const draftOf = (closure: UnitClosure): Draft => ({
  startsOn: closure.startsOn,
  endsOn: closure.endsOn,
  keepsOpen: [...closure.keepsOpen],
  messageSv: closure.message?.sv ?? '',
  messageEn: closure.message?.en ?? '',
  cover: closure.coverUnit?.hsaId ?? '',
});

/** Today's Swedish calendar date, as closures count days. */
const swedishToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/** `/personal/administration/stangda-perioder`: the unit's planned closures. */
export function UnitClosuresPage() {
  const t = useText();
  const profile = useStaffProfile();
  useDocumentTitle(t('common.documentTitle', { page: t('closures.heading') }));
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <PageLoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/personal/administration">{t('admin.back')}</Link>
      </p>
      <ClosuresSection unitHsaId={profile.data.unit?.hsaId ?? ''} />
    </>
  );
}

function ClosuresSection({ unitHsaId }: Readonly<{ unitHsaId: string }>) {
  const t = useText();
  const localized = useLocalized();
  const { locale } = useLanguage();
  const closures = useUnitClosures(unitHsaId);
  const types = useAdminErrandTypes(unitHsaId);
  const regionUnits = useRegionUnits(unitHsaId);
  const change = useChangeUnitClosures(unitHsaId);
  const { errorAt, summary, attempt, refuse, clear } = useRefusal();
  const [notice, setNotice] = useState<{ text: string; error: boolean } | undefined>();
  const editor = useItemEditor<UnitClosure, Draft>({
    empty: EMPTY,
    draftOf,
    idPrefix: 'closure',
    formHeadingId: 'closures-form-heading',
    onEdit: () => {
      clear();
      setNotice(undefined);
    },
  });
  const { editing, draft, set, dirty, removing } = editor;
  const typeName = new Map((types.data?.items ?? []).map((type) => [type.id, localized(type.name)]));
  const started = editing !== undefined && editing.startsOn <= swedishToday();
  const fieldRefusal = (found: Partial<Record<Field, string>>, other: readonly string[] = []) =>
    refuse(refusalsOf(FIELDS, found, inputId, other));

  const stopEditing = () => {
    clear();
    editor.stopEditing();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const blank: Partial<Record<Field, string>> = {};
    if (draft.startsOn.trim() === '') blank.startsOn = t('closures.error.date', { field: t(LABELS.startsOn) });
    if (draft.endsOn.trim() === '') blank.endsOn = t('closures.error.date', { field: t(LABELS.endsOn) });
    if (Object.keys(blank).length > 0) {
      fieldRefusal(blank);
      return;
    }
    try {
      const body = bodyOf(draft);
      await change.mutateAsync(
        editing ? { kind: 'change', id: editing.id, closure: body } : { kind: 'add', closure: body },
      );
      clear();
      setNotice({
        text: t('closures.added', { dates: closureRange(body.startsOn, body.endsOn, locale) }),
        error: false,
      });
      editor.reset();
      focusLater(RESULT_ID);
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
      if (refusalDetail(error) === 'closure-ended') other.push(t('closures.error.ended'));
      if (Object.keys(found).length === 0 && other.length === 0) other.push(t('admin.saveFailed'));
      fieldRefusal(found, other);
    }
  };

  const remove = async (closure: UnitClosure) => {
    const dates = closureRange(closure.startsOn, closure.endsOn, locale);
    try {
      await change.mutateAsync({ kind: 'remove', id: closure.id });
      if (editing?.id === closure.id) editor.reset();
      setNotice({ text: t('closures.removed', { dates }), error: false });
    } catch {
      setNotice({ text: t('admin.saveFailed'), error: true });
    }
    editor.removalDone();
    focusLater(RESULT_ID);
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
      error={errorAt(inputId(field))}
      errorPrefix={t('form.errorPrefix')}
      value={value}
      onChange={onChange}
      {...extra}
    />
  );

  const units = regionUnits.data?.items ?? [];
  // A cover unit named before (since moved to another region) is still shown as chosen.
  const coverChoices =
    editing?.coverUnit && !units.some((unit) => unit.hsaId === editing.coverUnit?.hsaId)
      ? [editing.coverUnit, ...units]
      : units;
  const coverError = errorAt(inputId('cover'));
  const items = closures.data?.items ?? [];
  const editingDates = editing ? closureRange(editing.startsOn, editing.endsOn, locale) : '';
  return (
    <>
      <h1 id="closures-heading" tabIndex={-1}>
        {t('closures.heading')}
      </h1>
      <p>{t('closures.lead')}</p>
      <div role="status">
        {notice && !notice.error ? (
          <p id={RESULT_ID} tabIndex={-1} className="notice notice-success">
            {notice.text}
          </p>
        ) : null}
      </div>
      <div role="alert">{notice?.error ? <p className="notice notice-error">{notice.text}</p> : null}</div>
      <section aria-labelledby="closures-list-heading" className={styles.section}>
        <h2 id="closures-list-heading">{t('closures.list')}</h2>
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
                  <div className={styles.buttons}>
                    <button
                      id={`closure-${closure.id}-edit`}
                      type="button"
                      className="button button-secondary"
                      onClick={() => editor.edit(closure)}
                    >
                      {t('closures.edit', { dates })}
                    </button>
                    <button
                      id={`closure-${closure.id}-remove`}
                      type="button"
                      className="button button-danger"
                      disabled={change.isPending}
                      onClick={() => editor.askToRemove(closure)}
                    >
                      {t('closures.remove', { dates })}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="closures-form-heading" className={styles.section}>
        <form noValidate aria-labelledby="closures-form-heading" onSubmit={(event) => void submit(event)}>
          <h2 id="closures-form-heading" tabIndex={-1}>
            {editing ? t('closures.change.heading', { dates: editingDates }) : t('closures.add.heading')}
          </h2>
          <ErrorSummary errors={summary} focusKey={attempt} />
          <div className={styles.pair}>
            {text('startsOn', draft.startsOn, (v) => set({ startsOn: v }), {
              type: 'date',
              readOnly: started,
              ...(started ? { hint: t('closures.startedHint') } : {}),
            })}
            {text('endsOn', draft.endsOn, (v) => set({ endsOn: v }), { type: 'date' })}
          </div>
          <fieldset
            className={`plain-fieldset ${errorAt(inputId('keepsOpen')) ? 'has-error' : ''}`}
            id={inputId('keepsOpen')}
            tabIndex={-1}
          >
            <legend>{t(LABELS.keepsOpen)}</legend>
            {errorAt(inputId('keepsOpen')) ? (
              <p className="field-error">
                <span className="visually-hidden">{t('form.errorPrefix')} </span>
                {errorAt(inputId('keepsOpen'))}
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
                      set({
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
          {text('messageSv', draft.messageSv, (v) => set({ messageSv: v }), { maxLength: 300 })}
          {text('messageEn', draft.messageEn, (v) => set({ messageEn: v }), { maxLength: 300 })}
          <div className={`field ${coverError ? 'has-error' : ''}`}>
            <label htmlFor={inputId('cover')}>{t(LABELS.cover)}</label>
            <p id="closure-cover-hint" className="hint">
              {t('closures.coverHint')}
            </p>
            {coverError ? (
              <p id="closure-cover-error" className="field-error">
                <span className="visually-hidden">{t('form.errorPrefix')} </span>
                {coverError}
              </p>
            ) : null}
            <select
              id={inputId('cover')}
              className="input"
              aria-describedby={coverError ? 'closure-cover-hint closure-cover-error' : 'closure-cover-hint'}
              aria-invalid={coverError ? true : undefined}
              value={draft.cover}
              onChange={(event) => set({ cover: event.target.value })}
            >
              <option value="">{t('closures.noCover')}</option>
              {coverChoices.map((unit) => (
                <option key={unit.hsaId} value={unit.hsaId}>
                  {unit.name}
                </option>
              ))}
            </select>
            {regionUnits.isError ? <p className="field-error">{t('closures.unitsFailed')}</p> : null}
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={change.isPending}>
              {t('closures.add.submit')}
            </button>
            {editing ? (
              <button type="button" className="button button-secondary" onClick={stopEditing}>
                {t('closures.cancel')}
              </button>
            ) : null}
            {dirty ? <span className="muted">{t('admin.unsaved')}</span> : null}
          </div>
        </form>
      </section>
      <ConfirmDialog
        isOpen={removing !== undefined}
        heading={t('closures.remove.confirm', {
          dates: removing ? closureRange(removing.startsOn, removing.endsOn, locale) : '',
        })}
        pending={change.isPending}
        safe={{
          label: t('closures.cancel'),
          className: 'button',
          onPress: editor.keep,
        }}
        act={{
          label: t('closures.remove.yes'),
          className: 'button button-danger',
          onPress: () => {
            if (removing) void remove(removing);
          },
        }}
      >
        <p>{t('closures.remove.text')}</p>
      </ConfirmDialog>
      <LeavePageDialog
        isOpen={editor.switchingTo !== undefined}
        heading={t('closures.switch.heading')}
        onStay={editor.stay}
        onLeave={editor.leave}
      />
      <LeavePageBlockerDialog blocker={editor.leaving.blocker} />
    </>
  );
}
