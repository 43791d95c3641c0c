import type { ServiceConsent } from '@kontakta/contract';
import { useServiceConsents, useWithdrawServiceConsent } from '../api/service-consent-queries.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { formatDateTime, isoDateTime } from '../ui/format.ts';
import type { PageResultTone } from '../ui/page-result.tsx';
import { LoadError, Loading } from '../ui/page-state.tsx';
import styles from './settings-page.module.css';

/**
 * "E-tjänster du har gett tillgång till": the services Kontakta hands the citizen's login over to,
 * what each gets and when, and withdrawing one (the next time, the service has to ask again).
 */
export function ServiceConsentsSection({
  onResult,
}: Readonly<{ onResult: (text: string, tone?: PageResultTone) => void }>) {
  const t = useText();
  const localized = useLocalized();
  const consents = useServiceConsents();
  const withdraw = useWithdrawServiceConsent();
  const items = consents.data?.pages.flatMap((page) => page.items) ?? [];

  const withdrawOne = async (consent: ServiceConsent) => {
    const name = localized(consent.service.name);
    try {
      await withdraw.mutateAsync(consent.serviceId);
      onResult(t('consents.withdrawn', { service: name }));
    } catch {
      onResult(t('consents.failed'), 'problem');
    }
  };

  return (
    <section aria-labelledby="consents-heading">
      <h2 id="consents-heading">{t('consents.heading')}</h2>
      <p>{t('consents.lead')}</p>
      {consents.isPending ? <Loading /> : null}
      {consents.isError ? <LoadError error={consents.error} onRetry={() => void consents.refetch()} /> : null}
      {consents.data && items.length === 0 ? <p className="muted">{t('consents.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className={styles.consents}>
          {items.map((consent) => {
            const nameId = `consent-${consent.serviceId}-name`;
            const buttonId = `consent-${consent.serviceId}-withdraw`;
            return (
              <li key={consent.serviceId} className={styles.consent}>
                <h3 id={nameId}>{localized(consent.service.name)}</h3>
                <p>{t('consents.gets')}</p>
                <ul>
                  <li>{t('handOver.claim.subject')}</li>
                  {consent.claims.includes('name') ? <li>{t('handOver.claim.name')}</li> : null}
                  {consent.claims.includes('personnummer') ? <li>{t('handOver.claim.personnummer')}</li> : null}
                </ul>
                <p>
                  {t('consents.granted')}{' '}
                  <time dateTime={isoDateTime(consent.grantedAt)}>{formatDateTime(consent.grantedAt)}</time>
                  {consent.lastHandOverAt !== null ? (
                    <>
                      {'. '}
                      {t('consents.lastHandOver')}{' '}
                      <time dateTime={isoDateTime(consent.lastHandOverAt)}>
                        {formatDateTime(consent.lastHandOverAt)}
                      </time>
                    </>
                  ) : null}
                  .
                </p>
                <div className="actions">
                  <button
                    id={buttonId}
                    type="button"
                    className="button button-secondary"
                    aria-labelledby={`${buttonId} ${nameId}`}
                    disabled={withdraw.isPending}
                    onClick={() => void withdrawOne(consent)}
                  >
                    {t('consents.withdraw')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {consents.hasNextPage ? (
        <p>
          <button
            type="button"
            className="button button-secondary"
            disabled={consents.isFetchingNextPage}
            onClick={() => void consents.fetchNextPage()}
          >
            {t('common.showMore')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
