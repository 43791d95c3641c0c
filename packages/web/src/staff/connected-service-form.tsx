import {
  type ConnectedServiceBody,
  MAX_SERVICES,
  SERVICE_CLAIMS,
  SERVICE_DESCRIPTION_MAX_LENGTH,
  SERVICE_NAME_MAX_LENGTH,
  SERVICE_URL_MAX_LENGTH,
  type ServiceClaim,
} from '@kontakta/contract';
import { type FormEvent, useState } from 'react';
import { LeavePageBlockerDialog } from '../forms/leave-page-dialog.tsx';
import { useUnsavedChanges } from '../forms/unsaved-changes.ts';
import { refusalsOf, useRefusal } from '../forms/use-refusal.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { TextField } from '../ui/text-field.tsx';
import { fieldErrorsOf, isSchemaRefusal, refusalDetail } from './admin-field-errors.ts';
import {
  blankServiceFields,
  redirectUriLineOfPath,
  SERVICE_FIELDS,
  type ServiceDraft,
  type ServiceField,
  serviceBody,
  serviceDraftChanged,
  serviceFieldOfPath,
} from './connected-service-model.ts';
import styles from './connected-services-page.module.css';

const LABELS: Readonly<Record<ServiceField, MessageId>> = {
  nameSv: 'services.form.nameSv',
  nameEn: 'services.form.nameEn',
  descriptionSv: 'services.form.descriptionSv',
  descriptionEn: 'services.form.descriptionEn',
  url: 'services.form.url',
  units: 'services.form.units',
  redirectUris: 'services.form.redirectUris',
  claims: 'services.form.claims',
};
const BLANK: Readonly<Partial<Record<ServiceField, MessageId>>> = {
  nameSv: 'services.error.nameSv',
  nameEn: 'services.error.nameEn',
  descriptionSv: 'services.error.descriptionSv',
  descriptionEn: 'services.error.descriptionEn',
  url: 'services.error.url',
  redirectUris: 'services.error.redirectUris',
};
const CLAIM_LABELS: Readonly<Record<ServiceClaim, MessageId>> = {
  name: 'services.claim.name',
  personnummer: 'services.claim.personnummer',
};

export type UnitChoice = Readonly<{ hsaId: string; name: string; detail?: string | undefined }>;

type Props = Readonly<{
  heading: string;
  initial: ServiceDraft;
  /** The units the service may be shown at: the region's, or the unit itself. */
  unitChoices: readonly UnitChoice[];
  submitText: string;
  /** Sends the service; throws the server's refusal. */
  onSubmit: (body: ConnectedServiceBody) => Promise<void>;
  onCancel: () => void;
}>;

const inputId = (field: ServiceField) => `service-${field}`;
const unitId = (hsaId: string) => `service-unit-${hsaId}`;
const claimId = (claim: string) => `service-claim-${claim}`;

/**
 * Registering or changing one connected service. Empty fields are named before sending; the
 * server's refusals (400) are shown at their fields and in the summary, which takes focus.
 * Leaving with changes not saved asks first.
 */
export function ConnectedServiceForm({ heading, initial, unitChoices, submitText, onSubmit, onCancel }: Props) {
  const t = useText();
  const [draft, setDraft] = useState<ServiceDraft>(initial);
  const refusal = useRefusal();
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState(false);
  const dirty = !sent && serviceDraftChanged(draft, initial);
  const leaving = useUnsavedChanges(dirty);

  // Where the summary's link for a field leads: its input, or the first box of a group.
  const targetOf = (field: ServiceField): string =>
    field === 'units'
      ? unitId(unitChoices[0]?.hsaId ?? '')
      : field === 'claims'
        ? claimId(SERVICE_CLAIMS[0])
        : inputId(field);

  const refuse = (errors: Partial<Record<ServiceField, string>>, other: readonly string[] = []) =>
    refusal.refuse(refusalsOf(SERVICE_FIELDS, errors, targetOf, other));
  const fieldErrors: Partial<Record<ServiceField, string>> = Object.fromEntries(
    SERVICE_FIELDS.map((field) => [field, refusal.errorAt(targetOf(field))]),
  );

  const change = (next: Partial<ServiceDraft>) => setDraft((old) => ({ ...old, ...next }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blank = blankServiceFields(draft);
    if (blank.length > 0) {
      refuse(
        Object.fromEntries(
          blank.map((field) => [field, t(BLANK[field] ?? 'services.error.invalid', { field: t(LABELS[field]) })]),
        ),
      );
      return;
    }
    setPending(true);
    try {
      setSent(true);
      await onSubmit(serviceBody(draft));
    } catch (error) {
      setSent(false);
      const errors: Partial<Record<ServiceField, string>> = {};
      const other: string[] = [];
      for (const fieldError of fieldErrorsOf(error)) {
        const field = serviceFieldOfPath(fieldError.path);
        const label = field ? t(LABELS[field]) : '';
        let message = !isSchemaRefusal(fieldError)
          ? fieldError.message
          : fieldError.code === 'maxLength'
            ? t('services.error.tooLong', { field: label })
            : t('services.error.invalid', { field: label || fieldError.path });
        const line = redirectUriLineOfPath(fieldError.path);
        if (line !== undefined) message = t('services.error.line', { line, message });
        if (field && !errors[field]) errors[field] = message;
        else other.push(message);
      }
      if (refusalDetail(error) === 'service-limit-reached')
        other.push(t('services.error.limit', { max: MAX_SERVICES }));
      if (Object.keys(errors).length === 0 && other.length === 0) other.push(t('admin.saveFailed'));
      refuse(errors, other);
    } finally {
      setPending(false);
    }
  };

  const textField = (field: 'nameSv' | 'nameEn' | 'descriptionSv' | 'descriptionEn', maxLength: number) => (
    <TextField
      id={inputId(field)}
      lang={field.endsWith('Sv') ? 'sv' : 'en'}
      maxLength={maxLength}
      multiline={field.startsWith('description')}
      label={t(LABELS[field])}
      error={fieldErrors[field]}
      errorPrefix={t('form.errorPrefix')}
      required
      requiredText={t('form.required')}
      value={draft[field]}
      onChange={(value) => change({ [field]: value })}
    />
  );

  return (
    <form
      noValidate
      className={styles.form}
      aria-labelledby="service-form-heading"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="service-form-heading" tabIndex={-1}>
        {heading}
      </h2>
      <ErrorSummary errors={refusal.summary} focusKey={refusal.attempt} />
      <div className={styles.pair}>
        {textField('nameSv', SERVICE_NAME_MAX_LENGTH)}
        {textField('nameEn', SERVICE_NAME_MAX_LENGTH)}
      </div>
      <div className={styles.pair}>
        {textField('descriptionSv', SERVICE_DESCRIPTION_MAX_LENGTH)}
        {textField('descriptionEn', SERVICE_DESCRIPTION_MAX_LENGTH)}
      </div>
      <TextField
        id={inputId('url')}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={SERVICE_URL_MAX_LENGTH}
        label={t('services.form.url')}
        hint={t('services.form.urlHint')}
        error={fieldErrors.url}
        errorPrefix={t('form.errorPrefix')}
        required
        requiredText={t('form.required')}
        value={draft.url}
        onChange={(value) => change({ url: value })}
      />
      <GroupError id="service-units-error" message={fieldErrors.units} />
      <fieldset className={styles.group} aria-describedby={fieldErrors.units ? 'service-units-error' : undefined}>
        <legend>{t('services.form.units')}</legend>
        <p className="hint">{t('services.form.unitsHint')}</p>
        {unitChoices.length === 0 ? <p className="muted">{t('services.form.noUnits')}</p> : null}
        {unitChoices.length > 1 ? (
          <div className={styles.buttons}>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => change({ units: unitChoices.map((unit) => unit.hsaId) })}
            >
              {t('services.form.allUnits')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => change({ units: [] })}>
              {t('services.form.noneOfUnits')}
            </button>
          </div>
        ) : null}
        <ul className={styles.choices}>
          {unitChoices.map((unit) => (
            <li key={unit.hsaId} className="checkbox-row">
              <input
                id={unitId(unit.hsaId)}
                type="checkbox"
                checked={draft.units.includes(unit.hsaId)}
                onChange={(event) =>
                  change({
                    units: event.target.checked
                      ? [...draft.units, unit.hsaId]
                      : draft.units.filter((hsaId) => hsaId !== unit.hsaId),
                  })
                }
              />
              <label htmlFor={unitId(unit.hsaId)}>
                {unit.name}
                {unit.detail ? <span className="muted"> · {unit.detail}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="checkbox-row">
        <input
          id="service-handOver"
          type="checkbox"
          checked={draft.handOver}
          aria-describedby="service-handOver-hint"
          onChange={(event) => change({ handOver: event.target.checked })}
        />
        <label htmlFor="service-handOver">{t('services.form.handOver')}</label>
      </div>
      <p id="service-handOver-hint" className="hint">
        {t('services.form.handOverHint')}
      </p>
      {draft.handOver ? (
        <div className={styles.handOver}>
          <TextField
            id={inputId('redirectUris')}
            multiline
            label={t('services.form.redirectUris')}
            hint={t('services.form.redirectUrisHint')}
            error={fieldErrors.redirectUris}
            errorPrefix={t('form.errorPrefix')}
            required
            requiredText={t('form.required')}
            value={draft.redirectUris}
            onChange={(value) => change({ redirectUris: value })}
          />
          <GroupError id="service-claims-error" message={fieldErrors.claims} />
          <fieldset className={styles.group} aria-describedby={fieldErrors.claims ? 'service-claims-error' : undefined}>
            <legend>{t('services.form.claims')}</legend>
            <p className="hint">{t('services.form.claimsHint')}</p>
            {SERVICE_CLAIMS.map((claim) => (
              <div key={claim} className="checkbox-row">
                <input
                  id={claimId(claim)}
                  type="checkbox"
                  checked={draft.claims.includes(claim)}
                  aria-describedby={claim === 'personnummer' ? `${claimId(claim)}-hint` : undefined}
                  onChange={(event) =>
                    change({
                      claims: SERVICE_CLAIMS.filter((c) =>
                        c === claim ? event.target.checked : draft.claims.includes(c),
                      ),
                    })
                  }
                />
                <label htmlFor={claimId(claim)}>{t(CLAIM_LABELS[claim])}</label>
              </div>
            ))}
            <p id={`${claimId('personnummer')}-hint`} className="hint">
              {t('services.form.personnummerHint')}
            </p>
          </fieldset>
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {submitText}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('services.cancel')}
        </button>
        {dirty ? <span className="muted">{t('admin.unsaved')}</span> : null}
      </div>
      <LeavePageBlockerDialog blocker={leaving.blocker} />
    </form>
  );
}

function GroupError({ id, message }: Readonly<{ id: string; message: string | undefined }>) {
  const t = useText();
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {message}
    </p>
  );
}
