import { LOGIN_REFUSALS, type LoginRefusal } from '@kontakta/contract';
import { Link, useSearchParams } from 'react-router';
import type { Audience } from '../api/session.ts';
import { useText } from '../i18n/use-text.ts';
import { useDocumentTitle } from './use-document-title.ts';

function refusalFrom(parameter: string | null): LoginRefusal {
  return (LOGIN_REFUSALS as readonly string[]).includes(parameter ?? '') ? (parameter as LoginRefusal) : 'failed';
}

/** Where the server sends a refused e-ID login, with only a reason code in the address. */
export function LoginRefusedPage({ audience }: Readonly<{ audience: Audience }>) {
  const t = useText();
  const [params] = useSearchParams();
  const reason = refusalFrom(params.get('orsak'));
  const heading = t(reason === 'cancelled' ? 'loginRefused.cancelled.heading' : 'loginRefused.heading');
  // Staff log in with SITHS, so the citizens' advice (BankID, Freja+) would point them the wrong way.
  const explanation =
    audience === 'staff' && reason === 'insufficient-assurance'
      ? t('loginRefused.staff.insufficient-assurance')
      : t(`loginRefused.reason.${reason}`);
  useDocumentTitle(t('common.documentTitle', { page: heading }));
  return (
    <>
      <h1>{heading}</h1>
      <div className={reason === 'cancelled' ? 'notice' : 'notice notice-error'}>
        <p>{explanation}</p>
      </div>
      <div className="actions">
        <Link className="button" to={audience === 'staff' ? '/personal/inloggning' : '/inloggning'}>
          {t('loginRefused.tryAgain')}
        </Link>
        {audience === 'citizen' ? <Link to="/">{t('loginRefused.toStart')}</Link> : null}
      </div>
    </>
  );
}
