import { Link } from 'react-router';
import { useCitizenErrands, useCitizenProfile, useMyUnits } from '../api/citizen-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { ErrandRows } from './errand-rows.tsx';
import styles from './home-page.module.css';
import { NotificationPrompt } from './notification-prompt.tsx';
import { UrgentNotice } from './urgent-notice.tsx';

/** The citizen's start page after login: a clear way to start an errand, their units and errands. */
export function HomePage() {
  const t = useText();
  const profile = useCitizenProfile();
  useDocumentTitle(t('common.documentTitle', { page: t('home.documentTitle') }));
  return (
    <>
      <h1>{profile.data ? t('home.heading', { name: profile.data.givenName }) : t('home.headingNoName')}</h1>
      <div className={styles.start}>
        <p>{t('home.lead')}</p>
        <Link className="button" to="/skicka-arende">
          {t('home.startErrand')}
        </Link>
      </div>
      <NotificationPrompt />
      <UrgentNotice />
      <div className={styles.columns}>
        <RecentErrands />
        <MyUnits />
      </div>
    </>
  );
}

function RecentErrands() {
  const t = useText();
  const errands = useCitizenErrands('sent', 5);
  const page = errands.data?.pages[0];
  return (
    <section className="card" aria-labelledby="home-errands">
      <h2 id="home-errands">{t('home.errands.heading')}</h2>
      {errands.isPending ? <Loading /> : null}
      {errands.isError ? <LoadError error={errands.error} onRetry={() => void errands.refetch()} /> : null}
      {page ? (
        page.items.length === 0 ? (
          <p>{t('home.errands.none')}</p>
        ) : (
          <>
            {page.counts.unread > 0 ? (
              <p className={styles.unreadNote}>{t('home.errands.unread', { count: page.counts.unread })}</p>
            ) : null}
            <ErrandRows errands={page.items} headingLevel={3} />
            <p>
              <Link to="/inkorg/skickade">{t('home.errands.all')}</Link>
            </p>
          </>
        )
      ) : null}
    </section>
  );
}

/**
 * The citizen's own units: where the register lists them ("Din vårdcentral") and where they have
 * sent errands, each leading to its contact card.
 */
function MyUnits() {
  const t = useText();
  const units = useMyUnits();
  const listed = units.data?.items.find((unit) => unit.listed);
  const used = units.data?.items.filter((unit) => unit.used) ?? [];
  return (
    <section className="card" aria-labelledby="home-units">
      <h2 id="home-units">{t('home.units.heading')}</h2>
      {units.isPending ? <Loading /> : null}
      {units.isError ? <LoadError error={units.error} onRetry={() => void units.refetch()} /> : null}
      {units.data ? (
        <>
          <section aria-labelledby="home-listed" className={styles.listed}>
            <h3 id="home-listed">{t('home.listed.heading')}</h3>
            {listed ? (
              <>
                <p className={styles.listedName}>
                  <Link
                    to={`/mottagningar/${encodeURIComponent(listed.hsaId)}`}
                    aria-label={t('home.listed.contactCard', { unit: listed.name })}
                  >
                    {listed.name}
                  </Link>
                </p>
                <p className="muted">{listed.address}</p>
              </>
            ) : (
              <p>{t('home.listed.none')}</p>
            )}
          </section>
          <section aria-labelledby="home-used">
            <h3 id="home-used">{t('home.units.used')}</h3>
            {used.length === 0 ? (
              <p>{t('home.units.none')}</p>
            ) : (
              <ul className={styles.units}>
                {used.map((unit) => (
                  <li key={unit.hsaId}>
                    <Link to={`/mottagningar/${encodeURIComponent(unit.hsaId)}`}>{unit.name}</Link>
                    <span className="muted"> {unit.municipality}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
      <p>
        <Link to="/skicka-arende">{t('home.units.find')}</Link>
      </p>
    </section>
  );
}
