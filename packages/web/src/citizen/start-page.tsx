import { Link } from 'react-router';
import { useText } from '../i18n/use-text.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import styles from './start-page.module.css';
import { UrgentNotice } from './urgent-notice.tsx';

/** The public front door: what Kontakta is, how an errand goes, and where to turn when it is urgent. */
export function StartPage() {
  const t = useText();
  useDocumentTitle(t('startPage.documentTitle'));
  return (
    <>
      <h1>{t('startPage.heading')}</h1>
      <p className={styles.lead}>{t('startPage.lead')}</p>
      <p>
        <Link className="button" to="/inloggning">
          {t('startPage.logIn')}
        </Link>
      </p>

      {/* First after the introduction: e-services must never delay emergency care. */}
      <UrgentNotice />

      <div className={styles.columns}>
        <section className={styles.card} aria-labelledby="start-how">
          <h2 id="start-how">{t('startPage.howItWorks.heading')}</h2>
          <ol className={styles.steps}>
            <li>{t('startPage.howItWorks.logIn')}</li>
            <li>{t('startPage.howItWorks.choose')}</li>
            <li>{t('startPage.howItWorks.answer')}</li>
          </ol>
        </section>
        <section className={styles.card} aria-labelledby="start-privacy">
          <h2 id="start-privacy">{t('startPage.privacy.heading')}</h2>
          <p>{t('startPage.privacy.text')}</p>
        </section>
      </div>
    </>
  );
}
