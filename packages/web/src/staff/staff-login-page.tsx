import { authRoutes } from '@kontakta/contract';
import { Link, Navigate } from 'react-router';
import { addressOf } from '../api/api-client.ts';
import { useSession } from '../api/session.ts';
import { useText } from '../i18n/use-text.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';

/** Staff log in with their e-ID (SITHS): a link, the server takes it from there. */
export function StaffLoginPage() {
  const t = useText();
  const session = useSession();
  useDocumentTitle(t('common.documentTitle', { page: t('staffLogin.heading') }));
  if (session.data?.info.kind === 'staff') return <Navigate to="/personal" replace />;
  return (
    <>
      <h1>{t('staffLogin.heading')}</h1>
      <p>{t('staffLogin.lead')}</p>
      <p>
        <a className="button" href={addressOf(authRoutes.staffEidStart, {})}>
          {t('staffLogin.button')}
        </a>
      </p>
      <p>
        {t('staffLogin.citizen')} <Link to="/inloggning">{t('staffLogin.citizenLink')}</Link>
      </p>
    </>
  );
}
