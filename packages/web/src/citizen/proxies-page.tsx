import type { ProxyChild } from '@kontakta/contract';
import { parsePersonnummer } from '@kontakta/domain';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/api-client.ts';
import { useAddProxy, useProxies, useRemoveProxy } from '../api/citizen-queries.ts';
import { useSession } from '../api/session.ts';
import { useUnsavedForm } from '../forms/unsaved-changes.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { PageResult, usePageResult } from '../ui/page-result.tsx';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { useSwitchActingFor } from './acting-for.tsx';
import styles from './proxies-page.module.css';

// The reasons the server gives (`detail` of a `proxy-refused` problem), each in the reader's words.
const REFUSALS: Readonly<Record<string, MessageId>> = {
  'child-not-in-register': 'proxies.refused.notInRegister',
  'not-guardian': 'proxies.refused.notGuardian',
  'child-deceased': 'proxies.refused.deceased',
  'protected-identity': 'proxies.refused.protectedIdentity',
  'child-too-old': 'proxies.refused.tooOld',
};

const FIELD_ID = 'proxy-personnummer';

/** Proxy for children (ombud): the rule, the guardian's children with a switch to each, and adding one. */
export function ProxiesPage() {
  const t = useText();
  const proxies = useProxies();
  const session = useSession();
  const actingFor = session.data?.info.actingFor ?? null;
  // The result of an action on the page is said and gets focus: the button used may be gone.
  const { notice, say, clear } = usePageResult();
  useDocumentTitle(t('common.documentTitle', { page: t('proxies.heading') }));
  const ageLimit = proxies.data?.ageLimit ?? 13;
  return (
    <>
      <h1>{t('proxies.heading')}</h1>
      <p>{t('proxies.lead', { ageLimit })}</p>
      <p>{t('proxies.rules', { ageLimit })}</p>
      <PageResult notice={notice} />
      <section aria-labelledby="proxies-children">
        <h2 id="proxies-children">{t('proxies.children.heading')}</h2>
        {proxies.isPending ? <Loading /> : null}
        {proxies.isError ? <LoadError error={proxies.error} onRetry={() => void proxies.refetch()} /> : null}
        {proxies.data && proxies.data.items.length === 0 ? <p>{t('proxies.children.none')}</p> : null}
        {proxies.data && proxies.data.items.length > 0 ? (
          <ul className={styles.children}>
            {proxies.data.items.map((child) => (
              <ChildRow
                key={child.childId}
                child={child}
                current={actingFor?.childId === child.childId}
                mayRemove={actingFor === null}
                onRemoved={() => say(t('proxies.removed', { name: child.name }))}
              />
            ))}
          </ul>
        ) : null}
      </section>
      {actingFor ? (
        <p className="notice">{t('proxies.acting.note', { name: actingFor.name })}</p>
      ) : (
        <AddChildForm
          ageLimit={ageLimit}
          onAdded={(child) => say(t('proxies.added', { name: child.name }))}
          onEdit={clear}
        />
      )}
    </>
  );
}

function ChildRow({
  child,
  current,
  mayRemove,
  onRemoved,
}: Readonly<{ child: ProxyChild; current: boolean; mayRemove: boolean; onRemoved: () => void }>) {
  const t = useText();
  const remove = useRemoveProxy();
  const switchTo = useSwitchActingFor();
  const [confirming, setConfirming] = useState(false);
  const confirmId = `proxy-confirm-${child.childId}`;
  const headingId = `proxy-child-${child.childId}`;
  return (
    <li className={styles.child}>
      <h3 id={headingId} className={styles.name}>
        {child.name}
      </h3>
      <p className={styles.meta}>{t('proxies.child.personnummer', { personnummer: child.personnummer })}</p>
      <p className={styles.meta}>{t('proxies.child.endsOn', { date: child.endsOn })}</p>
      {current ? <p className={styles.current}>{t('proxies.child.current', { name: child.name })}</p> : null}
      {confirming ? (
        <div className="actions">
          <p id={confirmId} className={styles.confirm}>
            {t('proxies.remove.confirm', { name: child.name })}
          </p>
          <button
            type="button"
            className="button button-danger"
            aria-describedby={confirmId}
            disabled={remove.isPending}
            // Awaited rather than mutate's own onSuccess, which is skipped when the row has gone
            // first (the list is fetched again before the mutation ends).
            onClick={() => void remove.mutateAsync(child.childId).then(onRemoved, () => undefined)}
          >
            {t('proxies.remove.yes')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            // biome-ignore lint/a11y/noAutofocus: the question replaces the button that had focus; the safe answer takes it.
            autoFocus
            aria-describedby={confirmId}
            onClick={() => setConfirming(false)}
          >
            {t('proxies.remove.no')}
          </button>
        </div>
      ) : (
        <div className="actions">
          {current ? null : (
            <button
              type="button"
              className="button"
              disabled={switchTo.isPending}
              onClick={() => switchTo.mutate({ childId: child.childId, name: child.name })}
            >
              {t('proxies.child.actFor', { name: child.name })}
            </button>
          )}
          {mayRemove ? (
            <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
              {t('proxies.child.remove')}
              <span className="visually-hidden"> {child.name}</span>
            </button>
          ) : null}
        </div>
      )}
      {switchTo.question}
      <div role="status">
        {switchTo.isError ? <p className="notice notice-error">{t('acting.failed')}</p> : null}
        {remove.isError ? <p className="notice notice-error">{t('proxies.removeFailed')}</p> : null}
      </div>
    </li>
  );
}

function AddChildForm({
  ageLimit,
  onAdded,
  onEdit,
}: Readonly<{ ageLimit: number; onAdded: (child: ProxyChild) => void; onEdit: () => void }>) {
  const t = useText();
  const add = useAddProxy();
  const [personnummer, setPersonnummer] = useState('');
  const [error, setError] = useState<{ message: string; field: boolean } | undefined>();
  const [attempt, setAttempt] = useState(0);
  // A personnummer typed and not added is something to lose; one the server has refused with its
  // reason (not her child, too old) is answered, and asks nothing until it is changed.
  const [refused, setRefused] = useState<string | undefined>();
  useUnsavedForm(personnummer.trim() !== '' && personnummer !== refused);

  const fail = (message: string, field: boolean) => {
    setError({ message, field });
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onEdit();
    const written = personnummer.trim();
    if (written === '') return fail(t('proxies.add.error.empty'), true);
    const parsed = parsePersonnummer(written, new Date());
    if (!parsed.ok || parsed.value.kind !== 'personnummer') return fail(t('proxies.add.error.format'), true);
    setError(undefined);
    try {
      const child = await add.mutateAsync(written);
      setPersonnummer('');
      onAdded(child);
    } catch (failure) {
      const problem = failure instanceof ApiError ? failure.problem : undefined;
      const refusal = problem?.code === 'proxy-refused' ? REFUSALS[problem.detail ?? ''] : undefined;
      if (refusal) {
        setRefused(personnummer);
        return fail(t(refusal, { ageLimit }), true);
      }
      const fieldError = problem?.errors?.find((e) => e.path === 'body.personnummer');
      if (fieldError) return fail(fieldError.message, true);
      fail(t('proxies.refused.other'), false);
    }
  };

  return (
    <section aria-labelledby="proxies-add">
      <h2 id="proxies-add">{t('proxies.add.heading')}</h2>
      <form noValidate className={styles.form} onSubmit={(event) => void submit(event)}>
        <ErrorSummary
          focusKey={attempt}
          errors={error ? [{ message: error.message, targetId: error.field ? FIELD_ID : undefined }] : []}
        />
        <TextField
          id={FIELD_ID}
          label={t('proxies.add.label')}
          hint={t('proxies.add.hint')}
          error={error?.field ? error.message : undefined}
          errorPrefix={t('form.errorPrefix')}
          value={personnummer}
          onChange={setPersonnummer}
          inputMode="numeric"
          autoComplete="off"
          className="input-short"
        />
        <button type="submit" className="button" disabled={add.isPending}>
          {t('proxies.add.submit')}
        </button>
      </form>
    </section>
  );
}
