import { useNavigate } from 'react-router';
import { useChooseRegion } from '../api/region-queries.ts';
import { useChooseInstallation, useChooseUnit, useStaffUnits } from '../api/staff-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import { Loading, PageLoadError } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import styles from './choose-unit-page.module.css';

export const ROLE_NAMES: Readonly<Record<string, MessageId>> = {
  receiver: 'staff.role.receiver',
  caregiver: 'staff.role.caregiver',
  'unit-administrator': 'staff.role.unitAdministrator',
  'region-administrator': 'staff.role.regionAdministrator',
  'installation-administrator': 'staff.role.installationAdministrator',
};

/** Staff with commissions at several units choose where to work (and may switch later). */
export function ChooseUnitPage() {
  const t = useText();
  const navigate = useNavigate();
  const units = useStaffUnits();
  const choose = useChooseUnit();
  const chooseRegion = useChooseRegion();
  const chooseInstallation = useChooseInstallation();
  const busy = choose.isPending || chooseRegion.isPending || chooseInstallation.isPending;
  useDocumentTitle(t('common.documentTitle', { page: t('chooseUnit.heading') }));
  if (units.isPending) return <Loading />;
  if (units.isError) return <PageLoadError error={units.error} onRetry={() => void units.refetch()} />;
  return (
    <>
      <h1>{t('chooseUnit.heading')}</h1>
      <p>{t('chooseUnit.lead')}</p>
      {choose.isError || chooseRegion.isError || chooseInstallation.isError ? (
        <p className="notice notice-error" role="alert">
          {t('chooseUnit.failed')}
        </p>
      ) : null}
      <ul className={styles.units}>
        {units.data.units.map((unit) => (
          <li key={unit.hsaId} className={styles.unit}>
            <div>
              <p className={styles.name}>{unit.name}</p>
              <p className="muted">{unit.roles.map((role) => t(ROLE_NAMES[role] ?? 'staff.role.other')).join(', ')}</p>
            </div>
            {units.data.current === unit.hsaId ? (
              <p className={styles.current}>{t('chooseUnit.current')}</p>
            ) : (
              <button
                type="button"
                className="button"
                disabled={busy}
                aria-label={t('chooseUnit.chooseNamed', { unit: unit.name })}
                onClick={() => choose.mutate(unit.hsaId, { onSuccess: () => navigate('/personal', { replace: true }) })}
              >
                {t('chooseUnit.choose')}
              </button>
            )}
          </li>
        ))}
        {units.data.regions.map((region) => {
          const name = t('chooseUnit.regionName', { region: region.name });
          return (
            <li key={`region-${region.code}`} className={styles.unit}>
              <div>
                <p className={styles.name}>{name}</p>
                <p className="muted">
                  {region.roles.map((role) => t(ROLE_NAMES[role] ?? 'staff.role.other')).join(', ')}
                </p>
              </div>
              {units.data.currentRegion === region.code ? (
                <p className={styles.current}>{t('chooseUnit.current')}</p>
              ) : (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  aria-label={t('chooseUnit.chooseNamed', { unit: name })}
                  onClick={() =>
                    chooseRegion.mutate(region.code, {
                      onSuccess: () => navigate('/personal/region', { replace: true }),
                    })
                  }
                >
                  {t('chooseUnit.choose')}
                </button>
              )}
            </li>
          );
        })}
        {units.data.installation ? (
          <li className={styles.unit}>
            <div>
              <p className={styles.name}>{t('chooseUnit.installationName')}</p>
              <p className="muted">{t('staff.role.installationAdministrator')}</p>
            </div>
            {units.data.current === null && units.data.currentRegion === null ? (
              <p className={styles.current}>{t('chooseUnit.current')}</p>
            ) : (
              <button
                type="button"
                className="button"
                disabled={busy}
                aria-label={t('chooseUnit.chooseNamed', { unit: t('chooseUnit.installationName') })}
                onClick={() =>
                  chooseInstallation.mutate(undefined, {
                    onSuccess: () => navigate('/personal/statistik', { replace: true }),
                  })
                }
              >
                {t('chooseUnit.choose')}
              </button>
            )}
          </li>
        ) : null}
      </ul>
    </>
  );
}
