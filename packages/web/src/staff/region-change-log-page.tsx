import { findBaseErrandType } from '@kontakta/domain';
import { type RegionChange, useRegionChanges } from '../api/region-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { ChangeLogEntries, SERVICE_ACTIONS } from './change-log-entries.tsx';
import styles from './change-log-page.module.css';

const ACTIONS: Readonly<Record<string, MessageId>> = {
  'errand-type-allowed': 'region.changes.action.allowed',
  'errand-type-disallowed': 'region.changes.action.disallowed',
  'errand-type-defaults-changed': 'region.changes.action.defaultsChanged',
  ...SERVICE_ACTIONS,
};

/** `/personal/region/andringslogg`: who changed the region's base offering and when, newest first. */
export function RegionChangeLogPage() {
  const t = useText();
  const localized = useLocalized();
  const changes = useRegionChanges();
  useDocumentTitle(t('common.documentTitle', { page: t('region.changes.heading') }));

  const describe = (change: RegionChange): string => {
    const base = change.errandType ? findBaseErrandType(change.errandType) : undefined;
    const values = { type: base ? localized(base.name) : (change.errandType ?? ''), action: change.action };
    const id = ACTIONS[change.action];
    return id ? t(id, values) : t('changes.action.other', values);
  };

  return (
    <>
      <h1>{t('region.changes.heading')}</h1>
      <p>{t('region.changes.lead')}</p>
      <ChangeLogEntries
        changes={changes}
        keyOf={(change) =>
          `${change.at}-${change.staffHsaId}-${change.action}-${change.errandType}-${change.serviceId}`
        }
        details={(change) => <p className={styles.what}>{describe(change)}</p>}
      />
    </>
  );
}
