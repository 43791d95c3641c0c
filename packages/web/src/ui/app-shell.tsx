import { type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { useText } from '../i18n/use-text.ts';
import styles from './app-shell.module.css';
import { LanguageSwitch } from './language-switch.tsx';

// The id the skip link jumps to; `main` can take focus so keyboard and screen-reader users land in it.
const MAIN_ID = 'main';

type AppShellProps = Readonly<{
  /** Where the name in the header leads: the citizen's start or the staff tool's inbox. */
  homeHref?: string;
  /** The audience's menu, shown under the header bar when logged in. */
  navigation?: ReactNode;
  /** Who is logged in and the logout button. */
  account?: ReactNode;
  /** A bar under the header bar that must show on every page (a guardian acting for a child). */
  banner?: ReactNode;
  children: ReactNode;
}>;

/** The frame of every page: skip link, header with account and language, menu, main, footer. */
export function AppShell({ homeHref = '/', navigation, account, banner, children }: AppShellProps) {
  const t = useText();
  const mainRef = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(mainRef);
  return (
    <>
      <a className={styles.skipLink} href={`#${MAIN_ID}`}>
        {t('shell.skipLink')}
      </a>
      <header className={styles.header}>
        <div className={`${styles.bar} container`}>
          <Link className={styles.brand} to={homeHref}>
            {t('app.name')}
          </Link>
          <div className={styles.tools}>
            {account}
            <LanguageSwitch />
          </div>
        </div>
        {banner}
        {navigation ? (
          <nav className={styles.navigation} aria-label={t('shell.navigation.label')}>
            <div className="container">{navigation}</div>
          </nav>
        ) : null}
      </header>
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className={`${styles.main} container`}>
        {children}
      </main>
      <footer className={styles.footer}>
        <div className="container">
          <p>{t('shell.footer.about')}</p>
          <ul className={styles.footerLinks}>
            <li>
              <Link to="/tillganglighet">{t('a11yStatement.heading')}</Link>
            </li>
            <li>
              <Link to="/personuppgifter">{t('privacy.heading')}</Link>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}

/**
 * A single-page app does not announce a new page by itself. After each navigation (not the first
 * load) focus moves to the page's main heading, or to `main`, so the reader starts at the new
 * content and a screen reader reads it; the document title is set by each page.
 */
function useFocusMainOnNavigation(mainRef: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = mainRef.current;
    if (!main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    } else {
      main.focus();
    }
  }, [pathname, mainRef]);
}
