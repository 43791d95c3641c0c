import type { ContactCardService } from '@kontakta/contract';
import { useLocalized, useText } from '../i18n/use-text.ts';
import styles from './unit-page.module.css';

/**
 * The connected e-services the unit shows (registered by its region or by the unit itself): name,
 * what it is for, and a link out to it.
 */
export function UnitServices({ services }: Readonly<{ services: readonly ContactCardService[] }>) {
  const t = useText();
  const localized = useLocalized();
  if (services.length === 0) return null;
  return (
    <section aria-labelledby="unit-services">
      <h2 id="unit-services">{t('unit.services')}</h2>
      <ul className={styles.types}>
        {services.map((service) => (
          <li key={service.id} className={styles.type}>
            <a className={styles.typeName} href={service.url} rel="noopener noreferrer">
              {localized(service.name)}
            </a>
            {localized(service.description) ? (
              <p className={styles.description}>{localized(service.description)}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
