import type { ErrandSummary } from '@kontakta/contract';
import { Link } from 'react-router';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrandStatus } from '../ui/errand-thread.tsx';
import { formatDateTime, isoDateTime } from '../ui/format.ts';
import styles from './errand-rows.module.css';

/** A list of the citizen's errands; unread ones are marked in words and in bold, not by colour alone. */
export function ErrandRows({
  errands,
  headingLevel,
}: Readonly<{ errands: readonly ErrandSummary[]; headingLevel: 2 | 3 }>) {
  const t = useText();
  const localized = useLocalized();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className={styles.rows}>
      {errands.map((errand) => (
        <li key={errand.id} className={`${styles.row} ${errand.unread ? styles.unread : ''}`}>
          <Heading className={styles.title}>
            <Link to={`/arenden/${encodeURIComponent(errand.id)}`}>
              {localized(errand.errandType.name)}
              {errand.unread ? (
                <>
                  {' '}
                  <span className={styles.unreadMark}>{t('errands.unread')}</span>
                </>
              ) : null}
            </Link>
          </Heading>
          <p className={styles.meta}>
            {errand.unit.name}
            {' · '}
            {t('errands.lastEvent')}{' '}
            <time dateTime={isoDateTime(errand.lastEventAt)}>{formatDateTime(errand.lastEventAt)}</time>
          </p>
          <ErrandStatus status={errand.status} viewer="citizen" />
          {errand.deletesOn ? (
            <p className={styles.meta}>{t('errands.deletesOn', { date: errand.deletesOn })}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
