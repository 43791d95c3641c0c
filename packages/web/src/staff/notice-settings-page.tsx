import type { StaffNoticeSettings } from '@kontakta/contract';
import { type FormEvent, useState } from 'react';
import {
  useConfirmStaffNoticeEmail,
  useResendStaffNoticeCode,
  useSaveStaffNoticeSettings,
  useStaffNoticeSettings,
} from '../api/staff-queries.ts';
import { CodeConfirmationForm } from '../forms/code-confirmation-form.tsx';
import { LeavePageBlockerDialog } from '../forms/leave-page-dialog.tsx';
import { useUnsavedChanges } from '../forms/unsaved-changes.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary, type SummaryError } from '../ui/error-summary.tsx';
import { focusLater } from '../ui/focus-later.ts';
import { Loading, PageLoadError } from '../ui/page-state.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { fieldErrorsOf, isSchemaRefusal } from './admin-field-errors.ts';

const EMAIL_ID = 'notice-assignment-email';
const CODE_ID = 'notice-code';

/**
 * `/personal/aviseringar`: a caregiver's own choice of a content-free e-mail when an errand is
 * assigned to them. Off by default; the address is theirs to give (the catalogue has none), and
 * it is confirmed with a code sent to it, as a citizen's is, before anything is sent there.
 */
export function NoticeSettingsPage() {
  const t = useText();
  const settings = useStaffNoticeSettings();
  useDocumentTitle(t('common.documentTitle', { page: t('staff.notices.heading') }));
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <PageLoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <NoticeForm initial={settings.data} />;
}

function NoticeForm({ initial }: Readonly<{ initial: StaffNoticeSettings }>) {
  const t = useText();
  const save = useSaveStaffNoticeSettings();
  const [email, setEmail] = useState(initial.assignmentEmail ?? '');
  const [saved, setSaved] = useState(initial.assignmentEmail ?? '');
  const [confirmed, setConfirmed] = useState(initial.assignmentEmailConfirmed);
  const [error, setError] = useState<string | undefined>();
  const [summary, setSummary] = useState<readonly SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<string | undefined>();
  const leaving = useUnsavedChanges(email.trim() !== saved);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(undefined);
    const trimmed = email.trim();
    try {
      const done = await save.mutateAsync({ assignmentEmail: trimmed === '' ? null : trimmed });
      const now = done.assignmentEmail ?? '';
      setEmail(now);
      setSaved(now);
      setConfirmed(done.assignmentEmailConfirmed);
      setError(undefined);
      setSummary([]);
      if (now && !done.assignmentEmailConfirmed) {
        // A new address: the code field is where the eye goes next.
        setResult(undefined);
        focusLater(CODE_ID);
      } else {
        setResult(now ? t('staff.notices.savedOn', { email: now }) : t('staff.notices.savedOff'));
        focusLater('notice-result');
      }
    } catch (failure) {
      const onEmail = fieldErrorsOf(failure).find((fieldError) => fieldError.path === 'body.assignmentEmail');
      const message = onEmail
        ? isSchemaRefusal(onEmail)
          ? t('unitSettings.error.email')
          : onEmail.message
        : t('admin.saveFailed');
      setError(onEmail ? message : undefined);
      setSummary([{ message, targetId: onEmail ? EMAIL_ID : undefined }]);
      setAttempt((n) => n + 1);
    }
  };

  return (
    <>
      <h1 id="notices-heading">{t('staff.notices.heading')}</h1>
      <p>{t('staff.notices.lead')}</p>
      <form noValidate aria-labelledby="notices-heading" onSubmit={(event) => void submit(event)}>
        <ErrorSummary errors={summary} focusKey={attempt} />
        <TextField
          id={EMAIL_ID}
          type="email"
          autoComplete="email"
          spellCheck={false}
          maxLength={254}
          label={t('staff.notices.email')}
          hint={t('staff.notices.email.hint')}
          error={error}
          errorPrefix={t('form.errorPrefix')}
          value={email}
          onChange={setEmail}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('staff.notices.save')}
          </button>
        </div>
        <div role="status">
          {result ? (
            <p id="notice-result" tabIndex={-1} className="notice notice-success">
              {result}
            </p>
          ) : null}
        </div>
      </form>
      {saved && !confirmed ? (
        <ConfirmAddress
          address={saved}
          onConfirmed={() => {
            setConfirmed(true);
            setResult(t('staff.notices.confirmed', { email: saved }));
            focusLater('notice-result');
          }}
        />
      ) : null}
      <LeavePageBlockerDialog blocker={leaving.blocker} />
    </>
  );
}

/**
 * The code sent to a new address, entered here (as a citizen confirms theirs): until then no
 * e-mail goes to it.
 */
function ConfirmAddress({ address, onConfirmed }: Readonly<{ address: string; onConfirmed: () => void }>) {
  const t = useText();
  const confirm = useConfirmStaffNoticeEmail();
  const resend = useResendStaffNoticeCode();
  return (
    <CodeConfirmationForm
      id={CODE_ID}
      heading={t('settings.verify.emailHeading')}
      intro={<p>{t('staff.notices.unconfirmed', { email: address })}</p>}
      address={address}
      confirm={(code) => confirm.mutateAsync(code)}
      resend={() => resend.mutateAsync()}
      confirming={confirm.isPending}
      resending={resend.isPending}
      onConfirmed={onConfirmed}
      failure="admin.saveFailed"
    />
  );
}
