import {
  OPENING_HOURS_NOTE_MAX_LENGTH,
  REPLY_TIME_UNITS,
  type ReplyTimeUnit,
  UNIT_DESCRIPTION_MAX_LENGTH,
  type UnitContactSettings,
  WEEKDAYS,
} from '@kontakta/contract';
import { useState } from 'react';
import { useUnitContactSettings } from '../api/admin-queries.ts';
import { useRefusal } from '../forms/use-refusal.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { formatDateTime } from '../ui/format.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { TextField } from '../ui/text-field.tsx';
import { fieldErrorsUnder, isSchemaRefusal } from './admin-field-errors.ts';
import {
  bodyOf,
  type ContactDraft,
  draftOf,
  FIELD_IDS,
  fieldIdOfPath,
  hoursFieldId,
  replyFieldId,
} from './contact-card-model.ts';
import styles from './contact-card-section.module.css';
import { useSavePart } from './page-save.tsx';

/**
 * The unit's contact card as citizens read it: phone, visiting address, opening hours, a short
 * description, and the reply time for each errand type. Saved together, recorded in the change log.
 */
export function ContactCardSection({ unitHsaId }: Readonly<{ unitHsaId: string }>) {
  const t = useText();
  const settings = useUnitContactSettings(unitHsaId);
  return (
    <section aria-labelledby="contact-card-heading" className={styles.section}>
      <h2 id="contact-card-heading">{t('contactCard.heading')}</h2>
      <p>{t('contactCard.lead')}</p>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <LoadError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? <ContactCardForm initial={settings.data} /> : null}
    </section>
  );
}

const UNIT_LABELS = {
  'working-days': 'contactCard.replyTimes.workingDays',
  'working-hours': 'contactCard.replyTimes.workingHours',
} as const;

function ContactCardForm({ initial }: Readonly<{ initial: UnitContactSettings }>) {
  const t = useText();
  const localized = useLocalized();
  const [draft, setDraft] = useState<ContactDraft>(() => draftOf(initial));
  const [savedDraft, setSavedDraft] = useState<ContactDraft>(() => draftOf(initial));
  const dirty = JSON.stringify(draft) !== JSON.stringify(savedDraft);
  const [updatedAt, setUpdatedAt] = useState(initial.updatedAt);
  const { errorAt, summary, attempt, refuse, clear } = useRefusal();
  const set =
    <K extends keyof ContactDraft>(key: K) =>
    (value: ContactDraft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  const errorProps = (id: string) => ({ id, error: errorAt(id), errorPrefix: t('form.errorPrefix') });

  // Saved with the rest of the page, in one request (page-save.tsx).
  useSavePart('contact-card', dirty, {
    body: () => {
      const { body, notNumbers } = bodyOf(draft);
      if (notNumbers.length > 0) {
        refuse(notNumbers.map((targetId) => ({ targetId, message: t('contactCard.error.amount') })));
        return undefined;
      }
      return { contactCard: body };
    },
    saved: ({ contactCard: result }) => {
      setDraft(draftOf(result));
      setSavedDraft(draftOf(result));
      setUpdatedAt(result.updatedAt);
      clear();
    },
    refused: (error) => {
      const fieldErrors = fieldErrorsUnder(error, 'contactCard');
      if (fieldErrors.length === 0) {
        clear();
        return false;
      }
      const { body } = bodyOf(draft);
      refuse(
        fieldErrors.map((fieldError) => ({
          targetId: fieldIdOfPath(fieldError.path, body),
          message: isSchemaRefusal(fieldError) ? t('contactCard.error.field') : fieldError.message,
        })),
      );
      return true;
    },
  });

  const catalogue = initial.catalogueAddress;
  return (
    <div>
      <ErrorSummary errors={summary} focusKey={attempt} />

      <TextField
        {...errorProps(FIELD_IDS.phone)}
        type="tel"
        autoComplete="off"
        maxLength={40}
        label={t('contactCard.phone')}
        hint={t('contactCard.phone.hint')}
        value={draft.phone}
        onChange={set('phone')}
      />

      <fieldset className="plain-fieldset">
        <legend className={styles.legend}>{t('contactCard.address')}</legend>
        <div className="checkbox-row">
          <input
            id={FIELD_IDS.catalogueAddress}
            type="checkbox"
            checked={draft.catalogueAddress}
            onChange={(event) => set('catalogueAddress')(event.target.checked)}
          />
          <label htmlFor={FIELD_IDS.catalogueAddress}>
            {t('contactCard.address.catalogue', {
              address: `${catalogue.street}, ${catalogue.postalCode} ${catalogue.city}`,
            })}
          </label>
        </div>
        {draft.catalogueAddress ? null : (
          <div className={styles.address}>
            <TextField
              {...errorProps(FIELD_IDS.street)}
              autoComplete="off"
              maxLength={100}
              label={t('contactCard.address.street')}
              value={draft.street}
              onChange={set('street')}
            />
            <TextField
              {...errorProps(FIELD_IDS.postalCode)}
              autoComplete="off"
              inputMode="numeric"
              maxLength={6}
              label={t('contactCard.address.postalCode')}
              value={draft.postalCode}
              onChange={set('postalCode')}
            />
            <TextField
              {...errorProps(FIELD_IDS.city)}
              autoComplete="off"
              maxLength={60}
              label={t('contactCard.address.city')}
              value={draft.city}
              onChange={set('city')}
            />
          </div>
        )}
      </fieldset>

      <fieldset className="plain-fieldset" aria-describedby="contact-card-hours-hint">
        <legend className={styles.legend}>{t('contactCard.hours')}</legend>
        <p id="contact-card-hours-hint" className="hint">
          {t('contactCard.hours.hint')}
        </p>
        <div className={styles.days}>
          {WEEKDAYS.map((day) => (
            <fieldset key={day} className={`plain-fieldset ${styles.day}`}>
              <legend>{t('weekday.name', { day })}</legend>
              {(['opens', 'closes'] as const).map((edge) => (
                <TextField
                  key={edge}
                  {...errorProps(hoursFieldId(day, edge))}
                  className={styles.time}
                  autoComplete="off"
                  inputMode="numeric"
                  maxLength={5}
                  label={t(edge === 'opens' ? 'contactCard.hours.opens' : 'contactCard.hours.closes')}
                  value={draft.hours[day][edge]}
                  onChange={(value) =>
                    setDraft((current) => ({
                      ...current,
                      hours: { ...current.hours, [day]: { ...current.hours[day], [edge]: value } },
                    }))
                  }
                />
              ))}
            </fieldset>
          ))}
        </div>
        <TextField
          {...errorProps(FIELD_IDS.note)}
          autoComplete="off"
          maxLength={OPENING_HOURS_NOTE_MAX_LENGTH}
          label={t('contactCard.hours.note')}
          hint={t('contactCard.hours.note.hint', { max: OPENING_HOURS_NOTE_MAX_LENGTH })}
          value={draft.note}
          onChange={set('note')}
        />
      </fieldset>

      <TextField
        {...errorProps(FIELD_IDS.descriptionSv)}
        multiline
        label={t('contactCard.description.sv')}
        hint={t('contactCard.description.hint', { max: UNIT_DESCRIPTION_MAX_LENGTH })}
        value={draft.descriptionSv}
        onChange={set('descriptionSv')}
      />
      <TextField
        {...errorProps(FIELD_IDS.descriptionEn)}
        multiline
        label={t('contactCard.description.en')}
        hint={t('contactCard.description.hint', { max: UNIT_DESCRIPTION_MAX_LENGTH })}
        value={draft.descriptionEn}
        onChange={set('descriptionEn')}
      />

      <fieldset className="plain-fieldset" aria-describedby="contact-card-replies-hint">
        <legend className={styles.legend}>{t('contactCard.replyTimes')}</legend>
        <p id="contact-card-replies-hint" className="hint">
          {t('contactCard.replyTimes.hint')}
        </p>
        <div className={styles.replies}>
          {initial.replyTimes.map((type) => {
            const id = replyFieldId(type.errandType);
            const reply = draft.replyTimes[type.errandType] ?? { amount: '', unit: 'working-days' as const };
            const change = (next: Partial<typeof reply>) =>
              setDraft((current) => ({
                ...current,
                replyTimes: { ...current.replyTimes, [type.errandType]: { ...reply, ...next } },
              }));
            return (
              <fieldset key={type.errandType} className={`plain-fieldset ${styles.reply}`}>
                <legend>
                  {localized(type.name)}
                  {type.enabled ? null : <span className="muted"> ({t('contactCard.replyTimes.off')})</span>}
                </legend>
                <TextField
                  {...errorProps(id)}
                  className={styles.amount}
                  autoComplete="off"
                  inputMode="numeric"
                  maxLength={3}
                  label={t('contactCard.replyTimes.amount')}
                  value={reply.amount}
                  onChange={(amount) => change({ amount })}
                />
                <div className="field">
                  <label htmlFor={`${id}-unit`}>{t('contactCard.replyTimes.unit')}</label>
                  <select
                    id={`${id}-unit`}
                    className="input"
                    value={reply.unit}
                    onChange={(event) => change({ unit: event.target.value as ReplyTimeUnit })}
                  >
                    {REPLY_TIME_UNITS.map((unit) => (
                      <option key={unit} value={unit}>
                        {t(UNIT_LABELS[unit])}
                      </option>
                    ))}
                  </select>
                </div>
              </fieldset>
            );
          })}
        </div>
      </fieldset>

      {updatedAt === null ? null : (
        <p className="muted">{t('contactCard.updated', { date: formatDateTime(updatedAt) })}</p>
      )}
    </div>
  );
}
