import { Link } from 'react-router';
import { useNotificationSettings } from '../api/citizen-queries.ts';
import { useSession } from '../api/session.ts';
import { useText } from '../i18n/use-text.ts';

/**
 * Says plainly that nobody will be told when the answer comes, with the way to change that: on the
 * receipt and in the inbox, as long as no address is confirmed (an unconfirmed one is not used).
 * `sayWhenSet`: with a confirmed address, say that a message will come (the receipt).
 */
export function NotificationNotice({ sayWhenSet = false }: Readonly<{ sayWhenSet?: boolean }>) {
  const t = useText();
  const settings = useNotificationSettings();
  const child = useSession().data?.info.actingFor ?? null;
  if (!settings.data) return null;
  if (settings.data.email.verified || settings.data.mobile.verified) {
    return sayWhenSet ? <p>{t('notificationNotice.notified')}</p> : null;
  }
  return (
    <div className="notice">
      <p>{child ? t('notificationNotice.noneChild', { name: child.name }) : t('notificationNotice.none')}</p>
      <p>
        <Link to="/installningar">{t('notificationNotice.link')}</Link>
      </p>
    </div>
  );
}
