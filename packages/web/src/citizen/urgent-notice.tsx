import { useText } from '../i18n/use-text.ts';
import styles from './start-page.module.css';

/** E-services must never delay emergency care: said on the front door and on the start page. */
export function UrgentNotice() {
  const t = useText();
  return (
    <section className={styles.urgent} aria-labelledby="urgent-heading">
      <h2 id="urgent-heading">{t('startPage.urgent.heading')}</h2>
      <p>{t('startPage.urgent.text')}</p>
    </section>
  );
}
