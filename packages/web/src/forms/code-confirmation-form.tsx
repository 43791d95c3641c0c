import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { ApiError } from '../api/api-client.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { focusLater } from '../ui/focus-later.ts';
import { TextField } from '../ui/text-field.tsx';
import { useUnsavedForm } from './unsaved-changes.ts';

/**
 * Where the code sent to a new address is typed, with "Skicka en ny kod" when it was lost or has
 * expired: a citizen's notification addresses and a caregiver's assignment e-mail are confirmed
 * the same way (the server's use-cases/settings/address-confirmation.ts). A half-typed code asks
 * before the page is left.
 */
export function CodeConfirmationForm({
  id,
  heading,
  intro,
  address,
  confirm,
  resend,
  confirming,
  resending,
  onConfirmed,
  failure,
  focusOnShow = false,
  headingLevel = 2,
}: Readonly<{
  /** The code field's id; the heading and the "sent again" line are named after it. */
  id: string;
  heading: string;
  /** Said before how the code works (e.g. that nothing is sent to the address until then). */
  intro?: ReactNode;
  address: string;
  confirm: (code: string) => Promise<unknown>;
  resend: () => Promise<unknown>;
  confirming: boolean;
  resending: boolean;
  onConfirmed: () => void;
  /** What to say when the server fails for another reason than the code. */
  failure: MessageId;
  /** The code field takes focus when it appears. */
  focusOnShow?: boolean;
  headingLevel?: 2 | 3;
}>) {
  const t = useText();
  const [code, setCode] = useState('');
  const [resent, setResent] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  useUnsavedForm(code.trim() !== '');
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  useEffect(() => {
    if (focusOnShow) document.getElementById(id)?.focus();
  }, [focusOnShow, id]);

  const refuse = (message: string) => {
    setError(message);
    setAttempt((n) => n + 1);
  };
  const problemOf = (thrown: unknown) => (thrown instanceof ApiError ? thrown.problem?.code : undefined);

  const sendNewCode = async () => {
    try {
      await resend();
      setError(undefined);
      setResent(true);
      // The result where focus goes, as after every action (issue 17 pt 8).
      focusLater(`${id}-resent`);
    } catch (thrown) {
      setResent(false);
      refuse(t(problemOf(thrown) === 'too-many-requests' ? 'settings.error.tooMany' : failure));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResent(false);
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      // Not the login's wording: this code may have come by e-mail, not by sms.
      refuse(t('settings.verify.codeFormat'));
      return;
    }
    setError(undefined);
    try {
      await confirm(digits);
      setCode('');
      onConfirmed();
    } catch (thrown) {
      const problem = problemOf(thrown);
      refuse(
        t(
          problem === 'invalid-code'
            ? 'settings.verify.wrong'
            : problem === 'code-expired' || problem === 'conflict'
              ? 'settings.verify.expired'
              : failure,
        ),
      );
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>{heading}</Heading>
      {intro}
      <p>{t('settings.verify.text', { address })}</p>
      <form noValidate aria-labelledby={`${id}-heading`} onSubmit={(event) => void submit(event)}>
        <ErrorSummary focusKey={attempt} errors={error ? [{ message: error, targetId: id }] : []} />
        <TextField
          id={id}
          label={t('settings.verify.label')}
          error={error}
          errorPrefix={t('form.errorPrefix')}
          value={code}
          onChange={setCode}
          inputMode="numeric"
          autoComplete="one-time-code"
          className="input-short"
        />
        <div className="actions">
          <button type="submit" className="button" disabled={confirming}>
            {t('settings.verify.submit')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={resending}
            onClick={() => void sendNewCode()}
          >
            {t('settings.verify.resend')}
          </button>
        </div>
        <div role="status">
          {resent ? (
            <p id={`${id}-resent`} tabIndex={-1}>
              {t('settings.verify.resent', { address })}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
