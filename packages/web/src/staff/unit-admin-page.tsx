import type { AdminErrandType } from '@kontakta/contract';
import { findBaseErrandType } from '@kontakta/domain';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useAdminErrandTypes, useSaveErrandTypeSettings } from '../api/admin-queries.ts';
import { useStaffProfile } from '../api/staff-queries.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
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
  const [notice, setNotice] = useState<string | undefined>(created ? t('admin.saved', { name: created }) : undefined);
  useDocumentTitle(t('common.documentTitle', { page: t('admin.heading') }));
  if (profile.isPending || (unitHsaId && types.isPending)) return <Loading />;
  if (types.isError) return <LoadError error={types.error} onRetry={() => void types.refetch()} />;
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
            <Link to="/personal/administration/andringslogg">{t('admin.changesLink')}</Link>
          </li>
        </ul>
      </nav>
      <h2>{t('admin.types')}</h2>
      <ul className={styles.types}>
        {items.map((type) => (
          <ErrandTypeRow key={type.id} unitHsaId={unitHsaId} type={type} onSaved={setNotice} />
        ))}
      </ul>
    </>
  );
}

function ErrandTypeRow({
  unitHsaId,
  type,
  onSaved,
}: Readonly<{ unitHsaId: string; type: AdminErrandType; onSaved: (notice: string) => void }>) {
  const t = useText();
  const localized = useLocalized();
  const save = useSaveErrandTypeSettings(unitHsaId);
  const [enabled, setEnabled] = useState(type.enabled);
  const [openToProxies, setOpenToProxies] = useState(type.openToProxies);
  const [citizenMayReply, setCitizenMayReply] = useState(type.citizenMayReply);
  const [failed, setFailed] = useState<string | false>(false);
  const name = localized(type.name);
  // The region's base offering is the frame: a type it does not allow can only be switched off.
  const heldBack = type.allowedByRegion === false;
  const id = `type-${type.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailed(false);
    try {
      await save.mutateAsync({ type: type.id, settings: { enabled, openToProxies, citizenMayReply } });
      onSaved(t('admin.saved', { name }));
    } catch (error) {
      setFailed(fieldErrorsOf(error)[0]?.message ?? t('admin.saveFailed'));
    }
  };

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
      <form className={styles.settings} aria-labelledby={`${id}-name`} onSubmit={(event) => void submit(event)}>
        {checkbox('enabled', t('admin.enabled'), enabled, setEnabled, heldBack && !enabled)}
        {checkbox('proxies', t('admin.openToProxies'), openToProxies, setOpenToProxies)}
        {checkbox('reply', t('admin.citizenMayReply'), citizenMayReply, setCitizenMayReply)}
        <div className="actions">
          <button
            type="submit"
            className="button button-secondary"
            disabled={save.isPending}
            aria-label={t('admin.saveNamed', { name })}
          >
            {t('admin.save')}
          </button>
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
        </div>
        {failed ? (
          <p className="notice notice-error" role="alert">
            {failed}
          </p>
        ) : null}
      </form>
    </li>
  );
}

/** A base type whose options the unit may set (not every base type has any). */
function hasOptions(type: AdminErrandType): boolean {
  const base = type.kind === 'base' ? findBaseErrandType(type.id) : undefined;
  return base !== undefined && optionControls(base.optionsSchema).length > 0;
}
