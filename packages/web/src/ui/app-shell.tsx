import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import styles from './app-shell.module.css';
import { LanguageSwitch } from './language-switch.tsx';

// The id the skip link jumps to; `main` can take focus so keyboard and screen-reader users land in it.
const MAIN_ID = 'main';

/** The frame of every page: skip link, header with the language switch, main, footer. */
export function AppShell({ children }: { children: ReactNode }) {
  const intl = useIntl();
  return (
    <>
      <a className={styles.skipLink} href={`#${MAIN_ID}`}>
        {intl.formatMessage({ id: 'shell.skipLink' })}
      </a>
      <header className={styles.header}>
        <div className={`${styles.bar} container`}>
          <a className={styles.brand} href="/">
            {intl.formatMessage({ id: 'app.name' })}
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className={`${styles.main} container`}>
        {children}
      </main>
      <footer className={styles.footer}>
        <div className="container">
          <p>{intl.formatMessage({ id: 'shell.footer.about' })}</p>
        </div>
      </footer>
    </>
  );
}
