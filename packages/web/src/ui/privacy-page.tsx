import { Link } from 'react-router';
import { useInstallationFacts } from '../api/installation-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { Loading, PageLoadError } from './page-state.tsx';
import { useDocumentTitle } from './use-document-title.ts';

/**
 * `/personuppgifter`: the privacy notice (GDPR articles 13–14): who is the controller, what is
 * stored and why, for how long, and the citizen's rights, including the access-log extract
 * Kontakta gives every citizen. Periods are the installation's own settings.
 */
export function PrivacyPage() {
  const t = useText();
  const facts = useInstallationFacts();
  useDocumentTitle(t('common.documentTitle', { page: t('privacy.heading') }));
  if (facts.isPending) return <Loading />;
  if (facts.isError) return <PageLoadError error={facts.error} onRetry={() => void facts.refetch()} />;
  const data = facts.data;
  const provider = data.careProvider ?? t('publicPages.unnamedProvider');
  return (
    <>
      <h1>{t('privacy.heading')}</h1>
      <p>{t('privacy.controller', { provider })}</p>
      <h2>{t('privacy.stored.heading')}</h2>
      <ul>
        <li>{t('privacy.stored.identity')}</li>
        <li>{t('privacy.stored.contact')}</li>
        <li>{t('privacy.stored.errands')}</li>
        <li>{t('privacy.stored.calendar')}</li>
        <li>{t('privacy.stored.log')}</li>
      </ul>
      <h2>{t('privacy.why.heading')}</h2>
      <p>{t('privacy.why.text')}</p>
      <h2>{t('privacy.time.heading')}</h2>
      <ul>
        <li>{t('privacy.time.errands', { months: data.retentionMonths })}</li>
        <li>{t('privacy.time.log', { years: data.accessLogKeepYears })}</li>
        <li>{t('privacy.time.session', { minutes: data.sessionIdleMinutes })}</li>
      </ul>
      <h2>{t('privacy.rights.heading')}</h2>
      <p>{t('privacy.rights.text')}</p>
      <p>
        {t('privacy.rights.accessLog')} <Link to="/vem-har-last">{t('privacy.rights.accessLogLink')}</Link>
      </p>
      <p>{t('privacy.rights.complaint')}</p>
      <h2>{t('privacy.contact.heading')}</h2>
      <p>
        {data.privacyContact
          ? t('privacy.contact.text', { contact: data.privacyContact })
          : t('privacy.contact.none', { provider })}
      </p>
      {data.dataProtectionOfficer ? <p>{t('privacy.contact.dpo', { contact: data.dataProtectionOfficer })}</p> : null}
    </>
  );
}
