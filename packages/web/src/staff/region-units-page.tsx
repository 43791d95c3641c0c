import { baseErrandTypes, findBaseErrandType } from '@kontakta/domain';
import { useRegionUnits } from '../api/region-queries.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { formatDateTime, isoDateTime } from '../ui/format.ts';
import { Loading, PageLoadError } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import styles from './region-pages.module.css';

/** `/personal/region`: the region's units at a glance: what each offers citizens now, and its main settings. */
export function RegionUnitsPage() {
  const t = useText();
  const localized = useLocalized();
  const units = useRegionUnits();
  useDocumentTitle(t('common.documentTitle', { page: t('region.units.heading') }));
  if (units.isPending) return <Loading />;
  if (units.isError) return <PageLoadError error={units.error} onRetry={() => void units.refetch()} />;
  const { region, items } = units.data;
  const caption = t('region.units.caption', { region: region.name, count: items.length });
  return (
    <>
      <h1>{t('region.units.heading')}</h1>
      <p>{t('region.units.lead', { region: region.name })}</p>
      {items.length === 0 ? (
        <p>{t('region.units.empty')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe: scrollable-region-focusable).
        <section className={styles.scroller} aria-label={caption} tabIndex={0}>
          <table className={styles.table}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('region.units.unit')}</th>
                <th scope="col" className={styles.offered}>
                  {t('region.units.offered')}
                </th>
                <th scope="col">{t('region.units.settings')}</th>
                <th scope="col">{t('region.units.lastChanged')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((unit) => (
                <tr key={unit.hsaId}>
                  <th scope="row">
                    {unit.name}
                    <span className="muted"> · {unit.municipality}</span>
                  </th>
                  <td>
                    <p className={styles.count}>
                      {t('region.units.offeredCount', { count: unit.offered.length, total: baseErrandTypes.length })}
                    </p>
                    {unit.offered.length > 0 ? (
                      <p>{unit.offered.map((type) => localized(type.name)).join(', ')}</p>
                    ) : null}
                    {unit.customTypes > 0 ? <p>{t('region.units.customTypes', { count: unit.customTypes })}</p> : null}
                    {unit.blockedByRegion.length > 0 ? (
                      <p className={styles.blocked}>
                        {t('region.units.blocked', {
                          types: unit.blockedByRegion
                            .map((id) => {
                              const base = findBaseErrandType(id);
                              return base ? localized(base.name) : id;
                            })
                            .join(', '),
                        })}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <ul className={styles.types}>
                      <li>
                        {unit.hasNotificationEmail ? t('region.units.emailOn') : t('region.units.emailOff')}
                        {unit.mailboxNotifications === 'daily-digest' ? ` (${t('region.units.digest')})` : ''}
                      </li>
                      <li>
                        {unit.staffNames === 'profession'
                          ? t('region.units.namesProfession')
                          : t('region.units.namesFull')}
                      </li>
                    </ul>
                  </td>
                  <td>
                    {unit.lastChangedAt === null ? (
                      t('region.units.neverChanged')
                    ) : (
                      <time dateTime={isoDateTime(unit.lastChangedAt)}>{formatDateTime(unit.lastChangedAt)}</time>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
