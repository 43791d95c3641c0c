import { REPLY_TIME_UNITS, type ReplyTimeUnit } from '@kontakta/contract';
import { type FormEvent, useState } from 'react';
import { type RegionOffering, useRegionOffering, useSaveRegionOffering } from '../api/region-queries.ts';
import { LeavePageBlockerDialog } from '../forms/leave-page-dialog.tsx';
import { useUnsavedChanges } from '../forms/unsaved-changes.ts';
import { useRefusal } from '../forms/use-refusal.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { formatDateTime } from '../ui/format.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { fieldErrorsOf } from './admin-field-errors.ts';
import {
  bodyFromDraft,
  draftFromOffering,
  invalidReplyTimes,
  type OfferingRow,
  offeringChanged,
} from './region-offering-model.ts';
import styles from './region-pages.module.css';

const UNIT_LABELS = {
  'working-days': 'contactCard.replyTimes.workingDays',
  'working-hours': 'contactCard.replyTimes.workingHours',
} as const;

/**
 * `/personal/region/grundutbud`: the region's base offering. Which national errand types the
 * region's units may offer, and the defaults they start from; one save for the whole list.
 */
export function RegionOfferingPage() {
  const t = useText();
  const offering = useRegionOffering();
  useDocumentTitle(t('common.documentTitle', { page: t('region.offering.heading') }));
  return (
    <>
      <h1 id="offering-heading">{t('region.offering.heading')}</h1>
      <p>{t('region.offering.lead')}</p>
      {offering.isPending ? <Loading /> : null}
      {offering.isError ? <LoadError error={offering.error} onRetry={() => void offering.refetch()} /> : null}
      {offering.data ? <OfferingEditor offering={offering.data} /> : null}
    </>
  );
}

const amountId = (type: string) => `offering-${type}-amount`;

function OfferingEditor({ offering }: Readonly<{ offering: RegionOffering }>) {
  const t = useText();
  const localized = useLocalized();
  const save = useSaveRegionOffering();
  const [saved, setSaved] = useState<OfferingRow[]>(() => draftFromOffering(offering.items));
  const [draft, setDraft] = useState<OfferingRow[]>(saved);
  const { summary: errors, attempt, refuse, clear } = useRefusal();
  const [notice, setNotice] = useState<string | undefined>();
  const dirty = offeringChanged(draft, saved);
  const leaving = useUnsavedChanges(dirty);
  const names = new Map(offering.items.map((item) => [item.errandType, localized(item.name)]));
  const lastUpdate = Math.max(0, ...offering.items.map((item) => item.updatedAt ?? 0));

  const change = (errandType: string, next: Partial<OfferingRow>) => {
    setNotice(undefined);
    setDraft((rows) => rows.map((row) => (row.errandType === errandType ? { ...row, ...next } : row)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const invalid = invalidReplyTimes(draft);
    if (invalid.length > 0) {
      refuse(
        invalid.map((type) => ({
          message: t('region.offering.replyInvalid', { type: names.get(type) ?? type }),
          targetId: amountId(type),
        })),
      );
      return;
    }
    try {
      const result = await save.mutateAsync(bodyFromDraft(draft));
      const now = draftFromOffering(result.items);
      setSaved(now);
      setDraft(now);
      clear();
      setNotice(t('region.offering.saved'));
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      refuse(
        fieldErrors.length > 0
          ? fieldErrors.map((e) => ({ message: e.message }))
          : [{ message: t('region.offering.saveFailed') }],
      );
    }
  };

  return (
    <form noValidate aria-labelledby="offering-heading" onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <ul className={styles.offering}>
        {offering.items.map((item) => {
          const row = draft.find((r) => r.errandType === item.errandType);
          if (!row) return null;
          const id = `offering-${item.errandType}`;
          const name = localized(item.name);
          const invalid = errors.some((e) => e.targetId === amountId(item.errandType));
          return (
            <li key={item.errandType} className={styles.type}>
              <h2 id={`${id}-name`}>{name}</h2>
              <p className="muted">{localized(item.description)}</p>
              <p>{t('region.offering.unitsEnabled', { count: item.unitsEnabled })}</p>
              <fieldset className="plain-fieldset">
                <legend className="visually-hidden">{name}</legend>
                <div className="checkbox-row">
                  <input
                    id={`${id}-allowed`}
                    type="checkbox"
                    checked={row.allowed}
                    aria-describedby={`${id}-allowed-hint`}
                    onChange={(event) => change(item.errandType, { allowed: event.target.checked })}
                  />
                  <label htmlFor={`${id}-allowed`}>{t('region.offering.allowed', { name })}</label>
                </div>
                <p id={`${id}-allowed-hint`} className="hint">
                  {row.allowed ? t('region.offering.allowedHint') : t('region.offering.disallowedHint')}
                </p>
                <div className="checkbox-row">
                  <input
                    id={`${id}-proxies`}
                    type="checkbox"
                    checked={row.openToProxies}
                    onChange={(event) => change(item.errandType, { openToProxies: event.target.checked })}
                  />
                  <label htmlFor={`${id}-proxies`}>{t('region.offering.openToProxies')}</label>
                </div>
                <div className="checkbox-row">
                  <input
                    id={`${id}-reply`}
                    type="checkbox"
                    checked={row.citizenMayReply}
                    onChange={(event) => change(item.errandType, { citizenMayReply: event.target.checked })}
                  />
                  <label htmlFor={`${id}-reply`}>{t('region.offering.citizenMayReply')}</label>
                </div>
                <fieldset className={styles.replyTime}>
                  <legend>{t('region.offering.replyTime')}</legend>
                  <div className={`field ${invalid ? 'has-error' : ''}`}>
                    <label htmlFor={amountId(item.errandType)}>{t('contactCard.replyTimes.amount')}</label>
                    <input
                      id={amountId(item.errandType)}
                      className="input"
                      inputMode="numeric"
                      autoComplete="off"
                      maxLength={3}
                      aria-invalid={invalid || undefined}
                      aria-describedby={`${id}-reply-hint`}
                      value={row.replyAmount}
                      onChange={(event) => change(item.errandType, { replyAmount: event.target.value })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-unit`}>{t('contactCard.replyTimes.unit')}</label>
                    <select
                      id={`${id}-unit`}
                      className="input"
                      value={row.replyUnit}
                      onChange={(event) => change(item.errandType, { replyUnit: event.target.value as ReplyTimeUnit })}
                    >
                      {REPLY_TIME_UNITS.map((unit) => (
                        <option key={unit} value={unit}>
                          {t(UNIT_LABELS[unit])}
                        </option>
                      ))}
                    </select>
                  </div>
                </fieldset>
                <p id={`${id}-reply-hint`} className="hint">
                  {t('region.offering.replyHint')}
                </p>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('region.offering.save')}
        </button>
        {dirty ? <span className="muted">{t('region.offering.unsaved')}</span> : null}
        {lastUpdate > 0 ? (
          <span className="muted">{t('region.offering.updated', { date: formatDateTime(lastUpdate) })}</span>
        ) : null}
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <LeavePageBlockerDialog blocker={leaving.blocker} />
    </form>
  );
}
