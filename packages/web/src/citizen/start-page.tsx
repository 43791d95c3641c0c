import { useIntl } from 'react-intl';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import styles from './start-page.module.css';

/** The public front door: what Kontakta is, how an errand goes, and where to turn when it is urgent. */
export function StartPage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'startPage.documentTitle' }));
  return (
    <>
      <h1>{intl.formatMessage({ id: 'startPage.heading' })}</h1>
      <p className={styles.lead}>{intl.formatMessage({ id: 'startPage.lead' })}</p>

      {/* First after the introduction: e-services must never delay emergency care. */}
      <section className={styles.urgent} aria-labelledby="start-urgent">
        <h2 id="start-urgent">{intl.formatMessage({ id: 'startPage.urgent.heading' })}</h2>
        <p>{intl.formatMessage({ id: 'startPage.urgent.text' })}</p>
      </section>

      <div className={styles.columns}>
        <section className={styles.card} aria-labelledby="start-how">
          <h2 id="start-how">{intl.formatMessage({ id: 'startPage.howItWorks.heading' })}</h2>
          <ol className={styles.steps}>
            <li>{intl.formatMessage({ id: 'startPage.howItWorks.logIn' })}</li>
            <li>{intl.formatMessage({ id: 'startPage.howItWorks.choose' })}</li>
            <li>{intl.formatMessage({ id: 'startPage.howItWorks.answer' })}</li>
          </ol>
        </section>
        <section className={styles.card} aria-labelledby="start-privacy">
          <h2 id="start-privacy">{intl.formatMessage({ id: 'startPage.privacy.heading' })}</h2>
          <p>{intl.formatMessage({ id: 'startPage.privacy.text' })}</p>
        </section>
      </div>
    </>
  );
}
