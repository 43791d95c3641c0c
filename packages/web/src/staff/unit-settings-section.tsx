import type { UnitSettings } from '@kontakta/contract';
import { useState } from 'react';
import { useUnitSettings } from '../api/admin-queries.ts';
import { useRefusal } from '../forms/use-refusal.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { formatDateTime } from '../ui/format.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { TextField } from '../ui/text-field.tsx';
import { fieldErrorsUnder, isSchemaRefusal } from './admin-field-errors.ts';
import { useSavePart } from './page-save.tsx';
import styles from './unit-settings-page.module.css';

const EMAIL_ID = 'unit-settings-email';
const STAFF_NAMES_ID = 'unit-settings-staff-names';
const MAILBOX_ID = 'unit-settings-mailbox';

/** The unit's own settings: where and how often "something new" e-mails go, and how staff are named to citizens. */
export function UnitSettingsSection({ unitHsaId }: Readonly<{ unitHsaId: string }>) {
  const t = useText();
  const settings = useUnitSettings(unitHsaId);
  return (
    <section aria-labelledby="unit-settings-heading" className={styles.section}>
      <h2 id="unit-settings-heading">{t('unitSettings.section')}</h2>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <LoadError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? <SettingsForm initial={settings.data} /> : null}
    </section>
  );
}

function SettingsForm({ initial }: Readonly<{ initial: UnitSettings }>) {
  const t = useText();
  const [email, setEmail] = useState(initial.notificationEmail ?? '');
  const [staffNames, setStaffNames] = useState(initial.staffNames);
  const [mailbox, setMailbox] = useState(initial.mailboxNotifications);
  const [updatedAt, setUpdatedAt] = useState(initial.updatedAt);
  const { errorAt, summary, attempt, refuse, clear } = useRefusal();
  const [saved, setSaved] = useState(() => ({
    email: initial.notificationEmail ?? '',
    staffNames: initial.staffNames,
    mailbox: initial.mailboxNotifications,
  }));
  const dirty = email.trim() !== saved.email || staffNames !== saved.staffNames || mailbox !== saved.mailbox;

  // Saved with the rest of the page, in one request (page-save.tsx).
  useSavePart('unit-settings', dirty, {
    body: () => {
      const trimmed = email.trim();
      return {
        settings: { notificationEmail: trimmed === '' ? null : trimmed, staffNames, mailboxNotifications: mailbox },
      };
    },
    saved: ({ settings: result }) => {
      setEmail(result.notificationEmail ?? '');
      setUpdatedAt(result.updatedAt);
      clear();
      setSaved({
        email: result.notificationEmail ?? '',
        staffNames: result.staffNames,
        mailbox: result.mailboxNotifications,
      });
    },
    refused: (error) => {
      const errors = fieldErrorsUnder(error, 'settings');
      if (errors.length === 0) {
        clear();
        return false;
      }
      const onEmail = errors.find((fieldError) => fieldError.path.startsWith('body.notificationEmail'));
      const message = onEmail && (isSchemaRefusal(onEmail) ? t('unitSettings.error.email') : onEmail.message);
      const others = errors.filter((fieldError) => fieldError !== onEmail);
      refuse([
        ...(message ? [{ message, targetId: EMAIL_ID }] : []),
        ...others.map((fieldError) => ({
          message: fieldError.message,
          targetId: fieldError.path.startsWith('body.staffNames')
            ? STAFF_NAMES_ID
            : fieldError.path.startsWith('body.mailboxNotifications')
              ? MAILBOX_ID
              : undefined,
        })),
      ]);
      return true;
    },
  });

  return (
    <div>
      <ErrorSummary errors={summary} focusKey={attempt} />
      <TextField
        id={EMAIL_ID}
        type="email"
        autoComplete="off"
        spellCheck={false}
        maxLength={254}
        label={t('unitSettings.email')}
        hint={t('unitSettings.email.hint')}
        error={errorAt(EMAIL_ID)}
        errorPrefix={t('form.errorPrefix')}
        value={email}
        onChange={setEmail}
      />
      <fieldset id={MAILBOX_ID} tabIndex={-1} className={`plain-fieldset ${styles.radios}`}>
        <legend>{t('unitSettings.mailbox')}</legend>
        {(
          [
            ['each', 'unitSettings.mailbox.each'],
            ['daily-digest', 'unitSettings.mailbox.digest'],
          ] as const
        ).map(([value, text]) => (
          <div key={value} className="checkbox-row">
            <input
              id={`${MAILBOX_ID}-${value}`}
              type="radio"
              name="mailboxNotifications"
              value={value}
              checked={mailbox === value}
              onChange={() => setMailbox(value)}
            />
            <label htmlFor={`${MAILBOX_ID}-${value}`}>{t(text)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset id={STAFF_NAMES_ID} tabIndex={-1} className={`plain-fieldset ${styles.radios}`}>
        <legend>{t('unitSettings.staffNames')}</legend>
        {(
          [
            ['full-name', 'unitSettings.staffNames.fullName'],
            ['profession', 'unitSettings.staffNames.profession'],
          ] as const
        ).map(([value, text]) => (
          <div key={value} className="checkbox-row">
            <input
              id={`${STAFF_NAMES_ID}-${value}`}
              type="radio"
              name="staffNames"
              value={value}
              checked={staffNames === value}
              onChange={() => setStaffNames(value)}
            />
            <label htmlFor={`${STAFF_NAMES_ID}-${value}`}>{t(text)}</label>
          </div>
        ))}
      </fieldset>
      {updatedAt === null ? null : (
        <p className="muted">{t('unitSettings.updated', { date: formatDateTime(updatedAt) })}</p>
      )}
    </div>
  );
}
