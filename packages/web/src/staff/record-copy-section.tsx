import { staffErrandRoutes } from '@kontakta/contract';
import { addressOf } from '../api/api-client.ts';
import { useText } from '../i18n/use-text.ts';
import styles from './record-copy-section.module.css';

/**
 * "Kopia till journalen": the errand as a tagged PDF and as a FHIR R4 bundle, for charting. Plain
 * links: the browser downloads what the server names (an attachment, never cached), and the
 * server writes each download to the access log.
 */
export function RecordCopySection({ errandId }: Readonly<{ errandId: string }>) {
  const t = useText();
  const params = { params: { id: errandId } };
  return (
    <section className={styles.section} aria-labelledby="errand-record-copy">
      <h2 id="errand-record-copy">{t('staff.recordCopy.heading')}</h2>
      <p>{t('staff.recordCopy.lead')}</p>
      <ul className={styles.links}>
        <li>
          <a href={addressOf(staffErrandRoutes.recordCopyPdf, params)} download>
            {t('staff.recordCopy.pdf')}
          </a>
        </li>
        <li>
          <a href={addressOf(staffErrandRoutes.recordCopyFhir, params)} download>
            {t('staff.recordCopy.fhir')}
          </a>
        </li>
      </ul>
      <p className="muted">{t('staff.recordCopy.logged')}</p>
    </section>
  );
}
