import { Link } from 'react-router';
import type { StaffErrandRow } from '../api/staff-queries.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrandStatus } from '../ui/errand-thread.tsx';
import { formatDateTime, formatPersonnummer, isoDateTime } from '../ui/format.ts';
import styles from './staff-errand-rows.module.css';

const DAY_MS = 86_400_000;

/** Errands in a staff list: type, who it is from, unit, when it came in, how long it has waited, who has it. */
export function StaffErrandRows({
  errands,
  nameOf,
  showUnit,
  now = Date.now(),
}: Readonly<{
  errands: readonly StaffErrandRow[];
  nameOf: (hsaId: string) => string;
  showUnit?: boolean;
  now?: number;
}>) {
  const t = useText();
  const localized = useLocalized();
  return (
    <ul className={styles.rows}>
      {errands.map((errand) => (
        <li key={errand.id} className={styles.row}>
          <h2 className={styles.title}>
            <Link to={`/personal/arenden/${encodeURIComponent(errand.id)}`}>{localized(errand.errandType.name)}</Link>
          </h2>
          <p className={styles.citizen}>
            {t('staff.errands.from', { name: errand.citizen.name })}{' '}
            <span className={styles.personnummer}>{formatPersonnummer(errand.citizen.personnummer)}</span>
          </p>
          <p className={styles.meta}>
            {showUnit ? `${errand.unit.name} · ` : ''}
            {t('staff.errands.received')}{' '}
            <time dateTime={isoDateTime(errand.createdAt)}>{formatDateTime(errand.createdAt)}</time>
            {errand.waitingSince !== null ? (
              <> · {t('staff.errands.waiting', { days: Math.floor((now - errand.waitingSince) / DAY_MS) })}</>
            ) : null}
          </p>
          <p className={styles.meta}>
            <ErrandStatus status={errand.status} viewer="staff" />{' '}
            {errand.assignedTo
              ? t('staff.errands.assignedTo', { name: nameOf(errand.assignedTo) })
              : t('staff.errands.unassigned')}
            {errand.deletesOn ? <> · {t('staff.errands.deletesOn', { date: errand.deletesOn })}</> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
