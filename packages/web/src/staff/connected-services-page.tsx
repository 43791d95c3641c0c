import type { ConnectedService } from '@kontakta/contract';
import { useState } from 'react';
import { useRegionUnits } from '../api/region-queries.ts';
import { type ServiceScope, useChangeConnectedService, useConnectedServices } from '../api/service-queries.ts';
import { useStaffProfile } from '../api/staff-queries.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { focusLater } from '../ui/focus-later.ts';
import { formatDateTime, isoDateTime } from '../ui/format.ts';
import { LoadError, Loading, PageLoadError } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { ConnectedServiceForm, type UnitChoice } from './connected-service-form.tsx';
import { draftOfService, emptyServiceDraft } from './connected-service-model.ts';
import styles from './connected-services-page.module.css';

/** `/personal/region/tjanster`: the regional administrator's connected services, for any of the region's units. */
export function RegionServicesPage() {
  const units = useRegionUnits();
  if (units.isPending) return <Loading />;
  if (units.isError) return <PageLoadError error={units.error} onRetry={() => void units.refetch()} />;
  const choices = units.data.items.map((unit) => ({ hsaId: unit.hsaId, name: unit.name, detail: unit.municipality }));
  return <ServicesPage scope={{ kind: 'region' }} unitChoices={choices} />;
}

/** `/personal/administration/tjanster`: a unit administrator's own connected services, on their unit's card. */
export function UnitServicesPage() {
  const profile = useStaffProfile();
  const unit = profile.data?.unit;
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <PageLoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  if (!unit) return <Loading />;
  return <ServicesPage scope={{ kind: 'unit', unitHsaId: unit.hsaId }} unitChoices={[unit]} unitName={unit.name} />;
}

type Mode = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; service: ConnectedService };
type Confirming = { kind: 'remove' | 'renew'; service: ConnectedService };
type Secret = { name: string; clientId: string; clientSecret: string };

function ServicesPage({
  scope,
  unitChoices,
  unitName,
}: Readonly<{ scope: ServiceScope; unitChoices: readonly UnitChoice[]; unitName?: string }>) {
  const t = useText();
  const localized = useLocalized();
  const list = useConnectedServices(scope);
  const change = useChangeConnectedService(scope);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<{ text: string; error: boolean } | undefined>();
  const [secret, setSecret] = useState<Secret | undefined>();
  const [confirming, setConfirming] = useState<Confirming | undefined>();
  useDocumentTitle(t('common.documentTitle', { page: t('services.heading') }));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unitNames = new Map(unitChoices.map((unit) => [unit.hsaId, unit.name]));

  const showSecret = (next: Secret) => {
    setSecret(next);
    focusLater('service-secret-heading');
  };

  const done = (text: string, focusId = 'services-result') => {
    setNotice({ text, error: false });
    setMode({ kind: 'list' });
    focusLater(focusId);
  };

  const confirm = async () => {
    if (!confirming) return;
    const { service } = confirming;
    const name = localized(service.name);
    try {
      if (confirming.kind === 'remove') {
        await change.mutateAsync({ kind: 'remove', id: service.id });
        setConfirming(undefined);
        setSecret(undefined);
        done(t('services.removed', { name }));
      } else {
        const result = await change.mutateAsync({ kind: 'renew-secret', id: service.id });
        setConfirming(undefined);
        setNotice(undefined);
        if (result.kind === 'secret')
          showSecret({ name, clientId: result.clientId, clientSecret: result.clientSecret });
      }
    } catch {
      setConfirming(undefined);
      setNotice({ text: t('admin.saveFailed'), error: true });
      focusLater('services-error');
    }
  };

  return (
    <>
      <h1 id="services-heading">
        {t('services.heading')}
        {unitName ? <span className="muted"> {unitName}</span> : null}
      </h1>
      <p className={styles.lead}>{scope.kind === 'region' ? t('services.lead.region') : t('services.lead.unit')}</p>
      {secret ? (
        <SecretNotice
          secret={secret}
          onDone={() => {
            // Forget it here too: the mutation keeps its last answer.
            setSecret(undefined);
            change.reset();
          }}
        />
      ) : null}
      <div role="status">
        {notice && !notice.error ? (
          <p id="services-result" tabIndex={-1} className="notice notice-success">
            {notice.text}
          </p>
        ) : null}
      </div>
      <div role="alert">
        {notice?.error ? (
          <p id="services-error" tabIndex={-1} className="notice notice-error">
            {notice.text}
          </p>
        ) : null}
      </div>
      {mode.kind === 'new' ? (
        <ConnectedServiceForm
          heading={t('services.form.newHeading')}
          initial={emptyServiceDraft(scope.kind === 'unit' ? [scope.unitHsaId] : [])}
          unitChoices={unitChoices}
          submitText={t('services.form.register')}
          onCancel={() => {
            setMode({ kind: 'list' });
            focusLater('services-register');
          }}
          onSubmit={async (body) => {
            const result = await change.mutateAsync({ kind: 'register', body });
            const name = localized(body.name);
            done(t('services.registered', { name }));
            if (result.kind === 'saved' && result.clientId && result.clientSecret) {
              showSecret({ name, clientId: result.clientId, clientSecret: result.clientSecret });
            }
          }}
        />
      ) : null}
      {mode.kind === 'edit' ? (
        <ConnectedServiceForm
          heading={t('services.form.editHeading', { name: localized(mode.service.name) })}
          initial={draftOfService(mode.service)}
          unitChoices={unitChoices}
          submitText={t('services.form.save')}
          onCancel={() => {
            setMode({ kind: 'list' });
            focusLater(`service-${mode.service.id}-edit`);
          }}
          onSubmit={async (body) => {
            const result = await change.mutateAsync({ kind: 'change', id: mode.service.id, body });
            const name = localized(body.name);
            done(t('services.changed', { name }));
            if (result.kind === 'saved' && result.clientId && result.clientSecret) {
              showSecret({ name, clientId: result.clientId, clientSecret: result.clientSecret });
            }
          }}
        />
      ) : null}
      {mode.kind === 'list' ? (
        <>
          <p>
            <button
              id="services-register"
              type="button"
              className="button"
              onClick={() => {
                setNotice(undefined);
                setMode({ kind: 'new' });
                focusLater('service-form-heading');
              }}
            >
              {t('services.register')}
            </button>
          </p>
          {list.isPending ? <Loading /> : null}
          {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
          {list.data && items.length === 0 ? <p className="muted">{t('services.empty')}</p> : null}
          {items.length > 0 ? (
            <ServiceTable
              items={items}
              unitNames={unitNames}
              showOwner={scope.kind === 'region'}
              onEdit={(service) => {
                setNotice(undefined);
                setMode({ kind: 'edit', service });
                focusLater('service-form-heading');
              }}
              onConfirm={(kind, service) => setConfirming({ kind, service })}
            />
          ) : null}
          {list.hasNextPage ? (
            <p>
              <button
                type="button"
                className="button button-secondary"
                disabled={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {t('common.showMore')}
              </button>
            </p>
          ) : null}
        </>
      ) : null}
      <ServiceConfirmDialog
        confirming={confirming}
        pending={change.isPending}
        onConfirm={() => void confirm()}
        onCancel={() => {
          const id = confirming ? `service-${confirming.service.id}-${confirming.kind}` : undefined;
          setConfirming(undefined);
          if (id) focusLater(id);
        }}
      />
    </>
  );
}

function ServiceTable({
  items,
  unitNames,
  showOwner,
  onEdit,
  onConfirm,
}: Readonly<{
  items: readonly ConnectedService[];
  unitNames: ReadonlyMap<string, string>;
  showOwner: boolean;
  onEdit: (service: ConnectedService) => void;
  onConfirm: (kind: 'remove' | 'renew', service: ConnectedService) => void;
}>) {
  const t = useText();
  const localized = useLocalized();
  const caption = t('services.caption', { count: items.length });
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe: scrollable-region-focusable).
    <section className={styles.scroller} aria-label={caption} tabIndex={0}>
      <table className={styles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('services.col.name')}</th>
            <th scope="col">{t('services.col.units')}</th>
            <th scope="col">{t('services.col.login')}</th>
            <th scope="col">{t('services.col.changed')}</th>
            <th scope="col">{t('services.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((service) => {
            const nameId = `service-${service.id}-name`;
            const owner = service.owner.unitHsaId;
            return (
              <tr key={service.id}>
                <th scope="row" id={nameId}>
                  {localized(service.name)}
                  <span className={styles.url}>{service.url}</span>
                  {showOwner && owner !== null ? (
                    <span className="muted">{t('services.ownedBy', { unit: unitNames.get(owner) ?? owner })}</span>
                  ) : null}
                </th>
                <td>
                  {service.units.length === 0
                    ? t('services.units.none')
                    : service.units.map((unit) => unit.name).join(', ')}
                </td>
                <td>
                  {service.handOver === null ? (
                    t('services.login.none')
                  ) : (
                    <>
                      <p>
                        {t('services.login.handOver', {
                          claims: service.handOver.claims
                            .map((claim) =>
                              claim === 'personnummer' ? t('services.claim.personnummer') : t('services.claim.name'),
                            )
                            .join(', '),
                        })}
                      </p>
                      <p className="muted">
                        {t('services.clientId')}: <code>{service.handOver.clientId}</code>
                      </p>
                    </>
                  )}
                </td>
                <td>
                  <time dateTime={isoDateTime(service.updatedAt)}>{formatDateTime(service.updatedAt)}</time>
                </td>
                <td>
                  <div className={styles.buttons}>
                    <RowButton id={`service-${service.id}-edit`} nameId={nameId} onClick={() => onEdit(service)}>
                      {t('services.edit')}
                    </RowButton>
                    {service.handOver !== null ? (
                      <RowButton
                        id={`service-${service.id}-renew`}
                        nameId={nameId}
                        onClick={() => onConfirm('renew', service)}
                      >
                        {t('services.renew')}
                      </RowButton>
                    ) : null}
                    <RowButton
                      id={`service-${service.id}-remove`}
                      nameId={nameId}
                      danger
                      onClick={() => onConfirm('remove', service)}
                    >
                      {t('services.remove')}
                    </RowButton>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** A button about one service: its visible text, and the service's name for screen readers ("Ändra Provsvar"). */
function RowButton({
  id,
  nameId,
  danger,
  onClick,
  children,
}: Readonly<{ id: string; nameId: string; danger?: boolean; onClick: () => void; children: string }>) {
  return (
    <button
      id={id}
      type="button"
      className={`button ${danger ? 'button-danger' : 'button-secondary'}`}
      aria-labelledby={`${id} ${nameId}`}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/**
 * The client secret, shown this once after it was made: the administrator copies it to the
 * service's supplier. Only its hash is kept, so it cannot be shown again (a new one can be made).
 */
function SecretNotice({ secret, onDone }: Readonly<{ secret: Secret; onDone: () => void }>) {
  const t = useText();
  return (
    <section className={`notice ${styles.secret}`} aria-labelledby="service-secret-heading">
      <h2 id="service-secret-heading" tabIndex={-1}>
        {t('services.secret.heading', { name: secret.name })}
      </h2>
      <p>
        <strong>{t('services.secret.warning')}</strong>
      </p>
      <dl className={styles.credentials}>
        <dt>{t('services.clientId')}</dt>
        <dd>
          <code>{secret.clientId}</code>
        </dd>
        <dt>{t('services.secret.secret')}</dt>
        <dd>
          <code id="service-secret-value">{secret.clientSecret}</code>
        </dd>
      </dl>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          onDone();
          focusLater('services-heading');
        }}
      >
        {t('services.secret.done')}
      </button>
    </section>
  );
}

/** "Ta bort Provsvar?" / "Skapa en ny klienthemlighet?": asked before a change that cannot be undone. */
function ServiceConfirmDialog({
  confirming,
  pending,
  onConfirm,
  onCancel,
}: Readonly<{ confirming: Confirming | undefined; pending: boolean; onConfirm: () => void; onCancel: () => void }>) {
  const t = useText();
  const localized = useLocalized();
  const name = confirming ? localized(confirming.service.name) : '';
  const remove = confirming?.kind === 'remove';
  return (
    <ConfirmDialog
      isOpen={confirming !== undefined}
      heading={remove ? t('services.removeConfirm.heading', { name }) : t('services.renewConfirm.heading', { name })}
      pending={pending}
      safe={{ label: t('services.cancel'), className: 'button button-secondary', onPress: onCancel }}
      act={{
        label: remove ? t('services.removeConfirm.yes') : t('services.renewConfirm.yes'),
        className: `button ${remove ? 'button-danger' : ''}`,
        onPress: onConfirm,
      }}
    >
      <p>{remove ? t('services.removeConfirm.text') : t('services.renewConfirm.text')}</p>
    </ConfirmDialog>
  );
}
