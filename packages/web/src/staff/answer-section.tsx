import type { StaffErrandDetail } from '@kontakta/contract';
import type { FormDefinition } from '@kontakta/domain';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError } from '../api/api-client.ts';
import { useAnswerErrand, useAnswerForm, useAnswerWithMessage } from '../api/staff-queries.ts';
import { asFormDefinition } from '../forms/answers-view.tsx';
import { prefillFromSubmission } from '../forms/form-draft.ts';
import { FormFields } from '../forms/form-renderer.tsx';
import { useFormState } from '../forms/use-form-state.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { LoadError, Loading } from '../ui/page-state.tsx';
import styles from './staff-errand-page.module.css';
import { TemplatePicker } from './template-picker.tsx';

/**
 * The caregiver's answer. Once the errand has a structured answer (per medicine, per aid), a
 * citizen's reply is answered with a message only; the structured form is one click away for
 * when the answer itself changes.
 */
export function AnswerSection({
  errand,
  onDone,
}: Readonly<{ errand: StaffErrandDetail; onDone: (text: string) => void }>) {
  const t = useText();
  const hasStructuredAnswer = errand.messages.some((message) => message.kind === 'answer' && message.form !== null);
  const [structured, setStructured] = useState(!hasStructuredAnswer);
  if (structured) {
    return (
      <>
        <StructuredAnswer errand={errand} onDone={onDone} />
        {hasStructuredAnswer ? (
          <button type="button" className="button button-secondary" onClick={() => setStructured(false)}>
            {t('staff.message.onlyMessage')}
          </button>
        ) : null}
      </>
    );
  }
  return (
    <>
      <MessageAnswerForm errandId={errand.id} errandType={errand.errandType.id} onDone={onDone} />
      <button type="button" className="button button-secondary" onClick={() => setStructured(true)}>
        {t('staff.message.changeAnswer')}
      </button>
    </>
  );
}

const MESSAGE_ID = 'answer-message';

/** A message only; the structured answer already given stands. */
function MessageAnswerForm({
  errandId,
  errandType,
  onDone,
}: Readonly<{ errandId: string; errandType: string; onDone: (text: string) => void }>) {
  const t = useText();
  const send = useAnswerWithMessage(errandId);
  const [message, setMessage] = useState('');
  const [mayReply, setMayReply] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    if (!message.trim()) {
      setError(t('staff.message.required'));
      setAttempt((n) => n + 1);
      return;
    }
    setError(undefined);
    try {
      await send.mutateAsync({ message, citizenMayReply: mayReply });
      onDone(t('staff.message.sent'));
    } catch (caught) {
      setFailure(
        t(caught instanceof ApiError && caught.status === 409 ? 'staff.errand.conflict' : 'staff.answer.failed'),
      );
    }
  };

  return (
    <section className={styles.answer} aria-labelledby="errand-message">
      <h2 id="errand-message">{t('staff.message.heading')}</h2>
      <p>{t('staff.message.lead')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        {failure ? (
          <p className="notice notice-error" role="alert">
            {failure}
          </p>
        ) : null}
        <ErrorSummary focusKey={attempt} errors={error ? [{ message: error, targetId: MESSAGE_ID }] : []} />
        <TemplatePicker
          errandType={errandType}
          idPrefix={MESSAGE_ID}
          current={message}
          onInsert={(text) => {
            setMessage(text);
            document.getElementById(MESSAGE_ID)?.focus();
          }}
        />
        <div className={`field ${error ? 'has-error' : ''}`}>
          <label htmlFor={MESSAGE_ID}>{t('staff.message.label')}</label>
          {error ? (
            <p id={`${MESSAGE_ID}-error`} className="field-error">
              <span className="visually-hidden">{t('form.errorPrefix')} </span>
              {error}
            </p>
          ) : null}
          <textarea
            id={MESSAGE_ID}
            className="input"
            rows={6}
            maxLength={5000}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            aria-describedby={error ? `${MESSAGE_ID}-error` : undefined}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="checkbox-row">
          <input
            id="answer-message-may-reply"
            type="checkbox"
            checked={mayReply}
            onChange={(event) => setMayReply(event.target.checked)}
          />
          <label htmlFor="answer-message-may-reply">{t('staff.message.mayReply')}</label>
        </div>
        <button type="submit" className="button" disabled={send.isPending}>
          {t('staff.message.submit')}
        </button>
      </form>
    </section>
  );
}

/** The structured answer, on the errand type's answer form, drawn by the same renderer as the citizen's form. */
function StructuredAnswer({ errand, onDone }: Readonly<{ errand: StaffErrandDetail; onDone: (text: string) => void }>) {
  const form = useAnswerForm(errand.id, true);
  if (form.isPending) return <Loading />;
  if (form.isError) return <LoadError error={form.error} onRetry={() => void form.refetch()} />;
  const definition = asFormDefinition(form.data.definition);
  if (!definition) return <LoadError error={undefined} />;
  return <AnswerForm errand={errand} definition={definition} onDone={onDone} />;
}

function AnswerForm({
  errand,
  definition,
  onDone,
}: Readonly<{ errand: StaffErrandDetail; definition: FormDefinition; onDone: (text: string) => void }>) {
  const t = useText();
  const submission = errand.messages.find((message) => message.kind === 'submission');
  const initialDraft = useMemo(() => {
    const submitted = asFormDefinition(submission?.form);
    return submitted ? prefillFromSubmission(definition.fields, submitted.fields, submission?.answers) : undefined;
  }, [definition, submission]);
  const state = useFormState(definition, { idPrefix: 'answer', ...(initialDraft ? { initialDraft } : {}) });
  const answer = useAnswerErrand(errand.id);
  const [failure, setFailure] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const answers = state.submit();
    if (!answers) return;
    try {
      await answer.mutateAsync(answers);
      onDone(t('staff.answer.sent'));
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      if (state.showServerProblem(problem)) return;
      setFailure(
        t(error instanceof ApiError && error.status === 409 ? 'staff.errand.conflict' : 'staff.answer.failed'),
      );
    }
  };

  return (
    <section className={styles.answer} aria-labelledby="errand-answer">
      <h2 id="errand-answer">{t('staff.answer.heading')}</h2>
      <p>{t('staff.answer.lead')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        {failure ? (
          <p className="notice notice-error" role="alert">
            {failure}
          </p>
        ) : null}
        <ErrorSummary focusKey={state.attempt} errors={state.summary} />
        {definition.fields.some((field) => field.key === 'message') ? (
          <TemplatePicker
            errandType={errand.errandType.id}
            idPrefix="answer"
            current={typeof state.answers.message === 'string' ? state.answers.message : ''}
            onInsert={(text) => {
              state.setValue(['message'], text);
              document.getElementById('answer-message')?.focus();
            }}
          />
        ) : null}
        <FormFields state={state} />
        <button type="submit" className="button" disabled={answer.isPending}>
          {t('staff.answer.submit')}
        </button>
      </form>
    </section>
  );
}
