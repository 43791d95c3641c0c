import { Link } from 'react-router';
import { useText } from '../i18n/use-text.ts';
import { useDocumentTitle } from './use-document-title.ts';

export function NotFoundPage({ homeHref }: Readonly<{ homeHref: string }>) {
  const t = useText();
  useDocumentTitle(t('common.documentTitle', { page: t('notFound.heading') }));
  return (
    <>
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to={homeHref}>{t('notFound.home')}</Link>
      </p>
    </>
  );
}
