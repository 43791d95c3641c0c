import { useInstallationFacts } from '../api/installation-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { Loading, PageLoadError } from './page-state.tsx';
import { useDocumentTitle } from './use-document-title.ts';

/**
 * `/tillganglighet`: the accessibility statement the law on accessible digital public services
 * (2018:1937) asks for, after Digg's model: how accessible the service is, known problems, how
 * to report one, and the supervisory authority. The installation's own facts come from its
 * configuration.
 */
export function AccessibilityStatementPage() {
  const t = useText();
  const facts = useInstallationFacts();
  useDocumentTitle(t('common.documentTitle', { page: t('a11yStatement.heading') }));
  if (facts.isPending) return <Loading />;
  if (facts.isError) return <PageLoadError error={facts.error} onRetry={() => void facts.refetch()} />;
  const provider = facts.data.careProvider ?? t('publicPages.unnamedProvider');
  return (
    <>
      <h1>{t('a11yStatement.heading')}</h1>
      <p>{t('a11yStatement.intro', { provider })}</p>
      <h2>{t('a11yStatement.status.heading')}</h2>
      <p>{t('a11yStatement.status.text')}</p>
      <h2>{t('a11yStatement.known.heading')}</h2>
      <p>{t('a11yStatement.known.text')}</p>
      <h2>{t('a11yStatement.report.heading')}</h2>
      <p>
        {facts.data.accessibilityContact
          ? t('a11yStatement.report.contact', { contact: facts.data.accessibilityContact })
          : t('a11yStatement.report.noContact')}
      </p>
      <h2>{t('a11yStatement.supervision.heading')}</h2>
      <p>{t('a11yStatement.supervision.text')}</p>
      <h2>{t('a11yStatement.testing.heading')}</h2>
      <p>{t('a11yStatement.testing.text')}</p>
    </>
  );
}
