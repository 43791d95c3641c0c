import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useText } from '../i18n/use-text.ts';
import styles from './app-shell.module.css';

export type MenuItem = Readonly<{
  to: string;
  label: string;
  /** A number shown beside the label (unread errands); read out with `countLabel`. */
  count?: number;
  countLabel?: string;
  /** Marked current only on exactly this path (for the start page). */
  end?: boolean;
}>;

/** The audience's menu: links, the current one marked with `aria-current="page"`. */
export function ShellMenu({ items }: Readonly<{ items: readonly MenuItem[] }>) {
  return (
    <ul className={styles.menu}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end ?? false}>
            {item.label}
            {item.count ? (
              <span className={styles.count}>
                <span aria-hidden="true">{item.count}</span>
                <span className="visually-hidden">{item.countLabel ?? item.count}</span>
              </span>
            ) : null}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/** Who is logged in (and where, for staff) with the logout button. */
export function ShellAccount({
  name,
  detail,
  onLogout,
  extra,
}: Readonly<{ name: string; detail?: string; onLogout: () => void; extra?: ReactNode }>) {
  const t = useText();
  return (
    <div className={styles.account}>
      <p className={styles.accountName}>
        <span className="visually-hidden">{t('shell.account.loggedInAs')} </span>
        <span>{name}</span>
        {detail ? <span className={styles.accountDetail}>{detail}</span> : null}
      </p>
      {extra}
      <button type="button" className="button button-secondary" onClick={onLogout}>
        {t('shell.account.logOut')}
      </button>
    </div>
  );
}
