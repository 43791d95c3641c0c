import type { StaffErrandDetail } from '@kontakta/contract';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-client.ts';
import { useCloseErrand } from '../api/staff-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { TextField } from '../ui/text-field.tsx';

const MESSAGE_MAX = 5000;
const MESSAGE_ID = 'close-message';

/** The unit's standard texts for closing; a fixed list for now, later the unit's own. */
const STANDARD_TEXTS: readonly MessageId[] = [
  'staff.errand.close.standard.called',
  'staff.errand.close.standard.book',
  'staff.errand.close.standard.visit',
];

type Notice = { text: string; error?: boolean };

/**
 * Closing with a message to the citizen (required when nobody has answered the errand, as the
 * server's state machine demands), standard texts to start from, and a confirmation step.
 */
export function CloseErrandForm({
  errand,
  onDone,
}: Readonly<{ errand: StaffErrandDetail; onDone: (n: Notice) => void }>) {
  const t = useText();
  const close = useCloseErrand(errand.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  // Mirrors the domain's closeNeedsMessage: an errand someone has answered may close in silence.
  const needsMessage = !errand.history.some((entry) => entry.type === 'answered');

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const fail = (message: string) => {
    setError(message);
    setConfirming(false);
    setAttempt((n) => n + 1);
  };

  const insert = (id: MessageId) => {
    setText((current) => (current.trim() ? `${current.trimEnd()}\n\n${t(id)}` : t(id)));
    document.getElementById(MESSAGE_ID)?.focus();
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (needsMessage && message === '') return fail(t('staff.errand.close.messageMissing'));
    if ([...message].length > MESSAGE_MAX) return fail(t('staff.errand.close.messageTooLong', { max: MESSAGE_MAX }));
    setError(undefined);
    setConfirming(true);
  };

  const confirm = async () => {
    try {
      await close.mutateAsync(text.trim());
      onDone({ text: t('staff.errand.close.done') });
    } catch (failure) {
      const problem = failure instanceof ApiError ? failure.problem : undefined;
      const fieldError = problem?.errors?.find((e) => e.path === 'body.message');
      if (fieldError) return fail(fieldError.message);
      setConfirming(false);
      onDone({
        text: t(
          failure instanceof ApiError && failure.status === 409 ? 'staff.errand.conflict' : 'staff.errand.failed',
        ),
        error: true,
      });
    }
  };

  return (
    <section aria-labelledby="errand-close">
      <h2 id="errand-close">{t('staff.errand.close')}</h2>
      <form noValidate onSubmit={check}>
        <ErrorSummary focusKey={attempt} errors={error ? [{ message: error, targetId: MESSAGE_ID }] : []} />
        <TextField
          id={MESSAGE_ID}
          multiline
          label={t(needsMessage ? 'staff.errand.close.messageLabel' : 'staff.errand.close.messageLabelOptional')}
          hint={t(needsMessage ? 'staff.errand.close.messageHint' : 'staff.errand.close.messageHintOptional', {
            max: MESSAGE_MAX,
          })}
          error={error}
          errorPrefix={t('form.errorPrefix')}
          value={text}
          onChange={(value) => {
            setText(value);
            setConfirming(false);
          }}
          required={needsMessage}
          requiredText={t('form.required')}
        />
        <fieldset className="field">
          <legend>{t('staff.errand.close.standardTexts')}</legend>
          <ul className="actions">
            {STANDARD_TEXTS.map((id) => (
              <li key={id}>
                <button type="button" className="button button-secondary" onClick={() => insert(id)}>
                  {t('staff.errand.close.insert', { text: t(id) })}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
        {confirming ? (
          <div className="notice">
            <h3 ref={confirmRef} tabIndex={-1}>
              {t('staff.errand.close.confirmHeading')}
            </h3>
            <p>{t(text.trim() ? 'staff.errand.close.confirmWithMessage' : 'staff.errand.close.confirmSilent')}</p>
            <div className="actions">
              <button
                type="button"
                className="button button-danger"
                disabled={close.isPending}
                onClick={() => void confirm()}
              >
                {t('staff.errand.close.confirm')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setConfirming(false);
                  document.getElementById(MESSAGE_ID)?.focus();
                }}
              >
                {t('staff.errand.close.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="submit" className="button button-danger">
            {t('staff.errand.close')}
          </button>
        )}
      </form>
    </section>
  );
}
