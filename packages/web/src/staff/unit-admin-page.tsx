import type { AdminErrandType } from '@kontakta/contract';
import { findBaseErrandType } from '@kontakta/domain';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useAdminErrandTypes, useSaveErrandTypeSettings } from '../api/admin-queries.ts';
import { useStaffProfile } from '../api/staff-queries.ts';
import { LeavePageBlockerDialog } from '../forms/leave-page-dialog.tsx';
import { useUnsavedChanges } from '../forms/unsaved-changes.ts';
import { type Refusal, useRefusal } from '../forms/use-refusal.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { focusLater } from '../ui/focus-later.ts';
import { Loading, PageLoadError } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { fieldErrorsOf } from './admin-field-errors.ts';
import { optionControls } from './base-type-options-model.ts';
import styles from './unit-admin-page.module.css';

/** The unit administrator's overview: which errand types the contact card offers, and how. */
export function UnitAdminPage() {
  const t = useText();
  const profile = useStaffProfile();
  const unitHsaId = profile.data?.unit?.hsaId ?? '';
  const types = useAdminErrandTypes(unitHsaId);
  const location = useLocation();
  const created = (location.state as { saved?: string } | null)?.saved;
  const [notice] = useState<string | undefined>(created ? t('admin.saved', { name: created }) : undefined);
  useDocumentTitle(t('common.documentTitle', { page: t('admin.heading') }));
  if (profile.isPending || (unitHsaId && types.isPending)) return <Loading />;
  if (types.isError) return <PageLoadError error={types.error} onRetry={() => void types.refetch()} />;
  const items = (types.data?.items ?? []).filter((type) => type.retiredAt === null);
  return (
    <>
      <h1>
        {t('admin.heading')}
        <span className={styles.unit}> {profile.data?.unit?.name}</span>
      </h1>
      <p>{t('admin.lead')}</p>
      <div role="status">{notice ? <p className="notice notice-success">{notice}</p> : null}</div>
      <p>
        <Link className="button" to="/personal/administration/ny-arendetyp">
          {t('admin.createCustom')}
        </Link>
      </p>
      <nav aria-labelledby="admin-more">
        <h2 id="admin-more">{t('admin.more')}</h2>
        <ul className={styles.more}>
          <li>
            <Link to="/personal/administration/installningar">{t('admin.settingsLink')}</Link>
          </li>
          <li>
            <Link to="/personal/administration/stangda-perioder">{t('admin.closuresLink')}</Link>
          </li>
          <li>
            <Link to="/personal/administration/standardsvar">{t('admin.templatesLink')}</Link>
          </li>
          <li>
            <Link to="/personal/administration/andringslogg">{t('admin.changesLink')}</Link>
          </li>
          <li>
            <Link to="/personal/administration/tjanster">{t('services.adminLink')}</Link>
          </li>
        </ul>
      </nav>
      {items.length > 0 ? (
        <ErrandTypesForm unitHsaId={unitHsaId} items={items} />
      ) : (
        <>
          <h2>{t('admin.types')}</h2>
          <p className="muted">{t('admin.noTypes')}</p>
        </>
      )}
    </>
  );
}

type TypeSettings = Readonly<{ enabled: boolean; openToProxies: boolean; citizenMayReply: boolean }>;

const settingsOf = (type: AdminErrandType): TypeSettings => ({
  enabled: type.enabled,
  openToProxies: type.openToProxies,
  citizenMayReply: type.citizenMayReply,
});

const sameSettings = (a: TypeSettings, b: TypeSettings) =>
  a.enabled === b.enabled && a.openToProxies === b.openToProxies && a.citizenMayReply === b.citizenMayReply;

/**
 * Every errand type's settings in one form with one save: what was changed is saved together, and
 * leaving with changes not saved asks first.
 */
function ErrandTypesForm({ unitHsaId, items }: Readonly<{ unitHsaId: string; items: readonly AdminErrandType[] }>) {
  const t = useText();
  const localized = useLocalized();
  const save = useSaveErrandTypeSettings(unitHsaId);
  const [drafts, setDrafts] = useState<Readonly<Record<string, TypeSettings>>>(() =>
    Object.fromEntries(items.map((type) => [type.id, settingsOf(type)])),
  );
  const { summary: failures, attempt, refuse, clear } = useRefusal();
  const [saved, setSaved] = useState<string | undefined>();
  const draftOf = (type: AdminErrandType) => drafts[type.id] ?? settingsOf(type);
  const changed = items.filter((type) => !sameSettings(draftOf(type), settingsOf(type)));
  const leaving = useUnsavedChanges(changed.length > 0);

  const set = (type: AdminErrandType, change: Partial<TypeSettings>) => {
    setSaved(undefined);
    setDrafts((current) => ({ ...current, [type.id]: { ...draftOf(type), ...change } }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    if (changed.length === 0) {
      clear();
      setSaved(t('admin.nothingChanged'));
      focusLater('admin-types-result');
      return;
    }
    const failed: Refusal[] = [];
    for (const type of changed) {
      try {
        await save.mutateAsync({ type: type.id, settings: draftOf(type) });
      } catch (error) {
        const message = fieldErrorsOf(error)[0]?.message ?? t('admin.saveFailed');
        failed.push({ message: `${localized(type.name)}: ${message}`, targetId: `type-${type.id}-enabled` });
      }
    }
    if (failed.length > 0) {
      refuse(failed);
      return;
    }
    clear();
    setSaved(t('admin.savedAll', { count: changed.length }));
    focusLater('admin-types-result');
  };

  return (
    <form noValidate aria-labelledby="admin-types" onSubmit={(event) => void submit(event)}>
      <h2 id="admin-types">{t('admin.types')}</h2>
      <ErrorSummary errors={failures} focusKey={attempt} />
      <ul className={styles.types}>
        {items.map((type) => (
          <ErrandTypeRow key={type.id} type={type} settings={draftOf(type)} onChange={(change) => set(type, change)} />
        ))}
      </ul>
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('admin.saveAll')}
        </button>
        {changed.length > 0 ? <span className="muted">{t('admin.unsaved')}</span> : null}
      </div>
      <div role="status">
        {saved ? (
          <p id="admin-types-result" tabIndex={-1} className="notice notice-success">
            {saved}
          </p>
        ) : null}
      </div>
      <LeavePageBlockerDialog blocker={leaving.blocker} />
    </form>
  );
}

function ErrandTypeRow({
  type,
  settings,
  onChange,
}: Readonly<{ type: AdminErrandType; settings: TypeSettings; onChange: (change: Partial<TypeSettings>) => void }>) {
  const t = useText();
  const localized = useLocalized();
  const name = localized(type.name);
  // The region's base offering is the frame: a type it does not allow can only be switched off.
  const heldBack = type.allowedByRegion === false;
  const id = `type-${type.id}`;

  const checkbox = (key: string, label: string, checked: boolean, set: (value: boolean) => void, locked = false) => (
    <div className="checkbox-row">
      <input
        id={`${id}-${key}`}
        type="checkbox"
        checked={checked}
        disabled={locked}
        onChange={(event) => set(event.target.checked)}
      />
      <label htmlFor={`${id}-${key}`}>{label}</label>
    </div>
  );

  return (
    <li className={styles.type}>
      <fieldset className={`plain-fieldset ${styles.settings}`} aria-labelledby={`${id}-name`}>
        <h3 id={`${id}-name`}>
          {name}
          {type.kind === 'custom' ? <span className={styles.tag}> {t('admin.custom')}</span> : null}
        </h3>
        <p className="muted">{localized(type.description)}</p>
        {heldBack ? (
          <p className="notice" id={`${id}-region`}>
            {t('admin.notAllowedByRegion')}
          </p>
        ) : null}
        {checkbox(
          'enabled',
          t('admin.enabled'),
          settings.enabled,
          (enabled) => onChange({ enabled }),
          heldBack && !settings.enabled,
        )}
        {checkbox('proxies', t('admin.openToProxies'), settings.openToProxies, (openToProxies) =>
          onChange({ openToProxies }),
        )}
        {checkbox('reply', t('admin.citizenMayReply'), settings.citizenMayReply, (citizenMayReply) =>
          onChange({ citizenMayReply }),
        )}
        <p className={styles.links}>
          {type.kind === 'custom' ? (
            <Link to={`/personal/administration/arendetyper/${encodeURIComponent(type.id)}`}>
              {t('admin.editForm', { name })}
            </Link>
          ) : null}
          {hasOptions(type) ? (
            <Link to={`/personal/administration/arendetyper/${encodeURIComponent(type.id)}/alternativ`}>
              {t('admin.options.link', { name })}
            </Link>
          ) : null}
        </p>
      </fieldset>
    </li>
  );
}

/** A base type whose options the unit may set (not every base type has any). */
function hasOptions(type: AdminErrandType): boolean {
  const base = type.kind === 'base' ? findBaseErrandType(type.id) : undefined;
  return base !== undefined && optionControls(base.optionsSchema).length > 0;
}
