import { citizenHandOverRoutes } from '@kontakta/contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { ApiError, call } from '../api/api-client.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';

const CLAIMS: Readonly<Record<string, MessageId>> = {
  name: 'handOver.claim.name',
  personnummer: 'handOver.claim.personnummer',
};

/**
 * `/e-tjanst/:uid`: a connected service asks for the citizen's login (Kontakta as OpenID
 * Provider). Behind the citizen's login like every page; the first time it asks, showing exactly
 * what the service would learn; once consented, it hands over at once and the browser goes on.
 */
export function HandOverPage() {
  const t = useText();
  const localized = useLocalized();
  const { uid = '' } = useParams();
  const request = useQuery({
    queryKey: ['citizen', 'hand-over', uid],
    queryFn: () => call(citizenHandOverRoutes.open, { params: { uid } }),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const answer = useMutation({
    mutationFn: (accept: boolean) => call(citizenHandOverRoutes.answer, { params: { uid }, body: { accept } }),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  const serviceName = request.data ? localized(request.data.service.name) : '';
  useDocumentTitle(t('common.documentTitle', { page: t('handOver.documentTitle') }));
  const remembered = request.data?.remembered === true;
  const { mutate } = answer;
  useEffect(() => {
    if (remembered) mutate(true);
  }, [remembered, mutate]);

  const failure = request.error ?? answer.error;
  if (failure) {
    const code = failure instanceof ApiError ? failure.status : 0;
    if (code === 404 || code === 409) {
      return (
        <div className="notice">
          <h1>{t('handOver.documentTitle')}</h1>
          <p>{t(code === 404 ? 'handOver.expired' : 'handOver.actingFor')}</p>
        </div>
      );
    }
    return <LoadError error={failure} onRetry={() => void request.refetch()} />;
  }
  if (request.isPending || !request.data) return <Loading />;
  if (remembered || answer.isSuccess) {
    return (
      <p role="status" className="notice">
        {t('handOver.continuing', { service: serviceName })}
      </p>
    );
  }
  const { service, claims } = request.data;
  return (
    <>
      <h1>{t('handOver.heading', { service: serviceName })}</h1>
      <p>{t('handOver.lead', { service: serviceName })}</p>
      {localized(service.description) ? <p>{localized(service.description)}</p> : null}
      <h2>{t('handOver.claimsHeading')}</h2>
      <ul>
        <li>{t('handOver.claim.subject')}</li>
        {claims.flatMap((claim) => {
          const id = CLAIMS[claim];
          return id ? [<li key={claim}>{t(id)}</li>] : [];
        })}
      </ul>
      <p>{t('handOver.remember')}</p>
      <div className="actions">
        <button type="button" className="button" disabled={answer.isPending} onClick={() => answer.mutate(true)}>
          {t('handOver.accept')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={answer.isPending}
          onClick={() => answer.mutate(false)}
        >
          {t('handOver.decline')}
        </button>
      </div>
    </>
  );
}
