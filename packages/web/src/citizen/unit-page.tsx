import { Link, useParams } from 'react-router';
import { useContactCard } from '../api/citizen-queries.ts';
import { useSession } from '../api/session.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import styles from './unit-page.module.css';

/** A unit's contact card: the errand types it offers, each leading to its form, and its links out. */
export function UnitPage() {
  const t = useText();
  const localized = useLocalized();
  const { hsaId = '' } = useParams();
  const card = useContactCard(hsaId);
  // Acting for a child, an errand type closed to proxies cannot be sent: no link to its form.
  const actingFor = useSession().data?.info.actingFor ?? null;
  useDocumentTitle(t('common.documentTitle', { page: card.data?.unit.name ?? t('unit.documentTitle') }));
  if (card.isPending) return <Loading />;
  if (card.isError) return <LoadError error={card.error} onRetry={() => void card.refetch()} />;
  const { unit, errandTypes, links } = card.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/skicka-arende">{t('unit.back')}</Link>
      </p>
      <h1>{unit.name}</h1>
      <p className="muted">{unit.address}</p>
      <section aria-labelledby="unit-errand-types">
        <h2 id="unit-errand-types">{t('unit.errandTypes')}</h2>
        {errandTypes.length === 0 ? (
          <p>{t('unit.noErrandTypes')}</p>
        ) : (
          <ul className={styles.types}>
            {errandTypes.map((type) => (
              <li key={type.id} className={styles.type}>
                {actingFor && !type.openToProxies ? (
                  <p className={styles.typeName}>{localized(type.name)}</p>
                ) : (
                  <Link
                    className={styles.typeName}
                    to={`/mottagningar/${encodeURIComponent(unit.hsaId)}/${encodeURIComponent(type.id)}`}
                  >
                    {localized(type.name)}
                  </Link>
                )}
                {localized(type.description) ? (
                  <p className={styles.description}>{localized(type.description)}</p>
                ) : null}
                {type.openToProxies ? null : (
                  <p className={styles.padlock}>
                    <PadlockIcon />
                    {t('unit.notOpenToProxies')}
                    {actingFor ? ` ${t('unit.closedWhileActing', { name: actingFor.name })}` : null}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {links.length > 0 ? (
        <section aria-labelledby="unit-links">
          <h2 id="unit-links">{t('unit.links')}</h2>
          <ul>
            {links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noopener noreferrer">
                  {localized(link.title)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** A closed padlock; the words beside it say what it means, so it is hidden from screen readers. */
function PadlockIcon() {
  return (
    <svg className={styles.padlockIcon} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 3.5a2 2 0 1 1 4 0V7H6V4.5Zm2 5a1 1 0 0 1 .5 1.87V12.5h-1v-1.13A1 1 0 0 1 8 9.5Z"
      />
    </svg>
  );
}
