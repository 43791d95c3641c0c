import { Link, useSearchParams } from 'react-router';
import { type Audience, logoutReasonFrom } from '../api/session.ts';
import { useText } from '../i18n/use-text.ts';
import { useDocumentTitle } from './use-document-title.ts';

/** Where every logout ends (after a full reload, so nothing of the session stays in memory). */
export function LoggedOutPage({ audience }: Readonly<{ audience: Audience }>) {
  const t = useText();
  const [params] = useSearchParams();
  const reason = logoutReasonFrom(params.get('orsak'));
  const heading = t(
    reason === 'idle' ? 'loggedOut.idle.heading' : reason === 'ended' ? 'loggedOut.ended.heading' : 'loggedOut.heading',
  );
  useDocumentTitle(t('common.documentTitle', { page: heading }));
  return (
    <>
      <h1>{heading}</h1>
      <p>
        {t(reason === 'idle' ? 'loggedOut.idle.text' : reason === 'ended' ? 'loggedOut.ended.text' : 'loggedOut.text')}
      </p>
      <p>{t('loggedOut.sharedComputer')}</p>
      <div className="actions">
        <Link className="button" to={audience === 'staff' ? '/personal/inloggning' : '/inloggning'}>
          {t('loggedOut.logInAgain')}
        </Link>
      </div>
    </>
  );
}
