import type { StaffErrandDetail, StaffProfile } from '@kontakta/contract';
import { allowedCommands, type FormDefinition, type StaffErrandCommand } from '@kontakta/domain';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-client.ts';
import {
  type Caregiver,
  useAnswerErrand,
  useAnswerForm,
  useAnswerWithMessage,
  useAssignErrand,
  useCaregivers,
  useReopenErrand,
  useStaffErrand,
  useStaffProfile,
  useTakeBackErrand,
} from '../api/staff-queries.ts';
import { asFormDefinition } from '../forms/answers-view.tsx';
import { prefillFromSubmission } from '../forms/form-draft.ts';
import { FormFields } from '../forms/form-renderer.tsx';
import { useFormState } from '../forms/use-form-state.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrandHistory, ErrandStatus, ErrandThread } from '../ui/errand-thread.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { formatDateTime, formatPersonnummer, isoDateTime } from '../ui/format.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { CloseErrandForm } from './close-errand-form.tsx';
import { InternalNotesSection } from './internal-notes-section.tsx';
import { RecordCopySection } from './record-copy-section.tsx';
import styles from './staff-errand-page.module.css';
import { TemplatePicker } from './template-picker.tsx';

/** One errand in the staff tool: who it is about, what they wrote, routing, the answer, the history. */
export function StaffErrandPage() {
  const t = useText();
  const localized = useLocalized();
  const { id = '' } = useParams();
  const errand = useStaffErrand(id);
  const profile = useStaffProfile();
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | undefined>();
  const title = errand.data ? localized(errand.data.errandType.name) : t('staff.errand.documentTitle');
  useDocumentTitle(t('common.documentTitle', { page: title }));

  if (errand.isPending || profile.isPending) return <Loading />;
  if (errand.isError) return <LoadError error={errand.error} onRetry={() => void errand.refetch()} />;
  if (profile.isError) return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  const data = errand.data;
  const me = profile.data;
  const isReceiver = me.roles.includes('receiver');
  // The buttons are what the domain's state machine would accept from this person now.
  const allowed = allowedCommands(data, me);
  // Answered errands wait for the citizen; a reply puts them back to 'assigned', and the form returns.
  // (The state machine would take a second answer; the page offers one only while an answer is due.)
  const mayAnswer = allowed.has('answer') && data.status === 'assigned';
  const replyWaiting = data.status !== 'closed' && data.messages.at(-1)?.kind === 'citizen-reply';

  return (
    <>
      <p className="breadcrumb">
        <Link to={isReceiver ? '/personal/inkorg' : '/personal/mina-arenden'}>{t('staff.errand.back')}</Link>
      </p>
      <h1>{title}</h1>
      {data.citizen ? (
        <section className={styles.citizen} aria-labelledby="errand-citizen">
          <h2 id="errand-citizen" className="visually-hidden">
            {t('staff.errand.citizen')}
          </h2>
          <p className={styles.citizenName}>{data.citizen.name}</p>
          <p>{formatPersonnummer(data.citizen.personnummer)}</p>
          {data.sentByProxy ? (
            <p className={styles.sentByProxy}>
              {t('staff.errand.sentByProxy', { proxy: data.sentByProxy.name, citizen: data.citizen.name })}
            </p>
          ) : null}
        </section>
      ) : null}
      <p>
        {t('staff.errands.received')}{' '}
        <time dateTime={isoDateTime(data.createdAt)}>{formatDateTime(data.createdAt)}</time>{' '}
        <ErrandStatus status={data.status} viewer="staff" />
        {data.deletesOn ? <> · {t('staff.errands.deletesOn', { date: data.deletesOn })}</> : null}
      </p>
      {replyWaiting ? <p className="notice">{t('staff.errand.replyWaiting')}</p> : null}
      <div role="status">
        {notice ? (
          <p className={notice.error ? 'notice notice-error' : 'notice notice-success'}>{notice.text}</p>
        ) : null}
      </div>

      {/* On a wide screen the content and the work on it stand side by side. */}
      <div className={styles.layout}>
        <div className={styles.content}>
          <section aria-labelledby="errand-thread">
            <h2 id="errand-thread">{t('staff.errand.thread')}</h2>
            <ErrandThread errand={data} viewer="staff" />
          </section>
          <section aria-labelledby="errand-history">
            <h2 id="errand-history">{t('staff.errand.history')}</h2>
            <ErrandHistory history={historyWithNotes(data)} />
          </section>
        </div>
        <div className={styles.work}>
          <Routing errand={data} me={me} isReceiver={isReceiver} allowed={allowed} onDone={setNotice} />

          {mayAnswer ? <AnswerSection errand={data} onDone={(text) => setNotice({ text })} /> : null}

          <InternalNotesSection errand={data} onDone={(text) => setNotice({ text })} />

          {allowed.has('close') ? <CloseErrandForm errand={data} onDone={setNotice} /> : null}
          <RecordCopySection errandId={data.id} />

          {data.notifications && data.notifications.length > 0 ? (
            <section aria-labelledby="errand-notifications">
              <h2 id="errand-notifications">{t('staff.errand.notifications')}</h2>
              <ul>
                {data.notifications.map((notification) => (
                  <li key={`${notification.channel}-${notification.createdAt}-${notification.to}`}>
                    <time dateTime={isoDateTime(notification.createdAt)}>{formatDateTime(notification.createdAt)}</time>{' '}
                    {t(notification.channel === 'sms' ? 'staff.notification.sms' : 'staff.notification.email', {
                      to: notification.to,
                    })}
                    {': '}
                    {t(NOTIFICATION_STATUS[notification.status] ?? 'staff.notification.pending')}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** The errand's events and, for staff, when each internal note was written and by whom. */
function historyWithNotes(errand: StaffErrandDetail) {
  const notes = (errand.notes ?? []).map((note) => ({
    type: 'note' as const,
    at: note.createdAt,
    actor: { kind: 'staff' as const, display: note.author },
  }));
  return [...errand.history, ...notes].sort((a, b) => a.at - b.at);
}

const NOTIFICATION_STATUS = {
  pending: 'staff.notification.pending',
  delivered: 'staff.notification.delivered',
  failed: 'staff.notification.failed',
  bounced: 'staff.notification.bounced',
} as const satisfies Record<string, MessageId>;

type RoutingProps = Readonly<{
  errand: StaffErrandDetail;
  me: StaffProfile;
  isReceiver: boolean;
  /** The commands the state machine accepts from `me` on this errand now. */
  allowed: ReadonlySet<StaffErrandCommand>;
  onDone: (notice: { text: string; error?: boolean }) => void;
}>;

/** Assign, reassign, take back and reopen (receivers); closing is its own form (close-errand-form.tsx). */
function Routing({ errand, me, isReceiver, allowed, onDone }: RoutingProps) {
  const t = useText();
  const caregivers = useCaregivers(isReceiver);
  const assign = useAssignErrand(errand.id);
  const takeBack = useTakeBackErrand(errand.id);
  const reopen = useReopenErrand(errand.id);
  const [chosen, setChosen] = useState('');
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const names = new Map((caregivers.data?.items ?? []).map((caregiver: Caregiver) => [caregiver.hsaId, caregiver]));
  const assigneeName = (hsaId: string) => (hsaId === me.hsaId ? t('staff.you') : (names.get(hsaId)?.name ?? hsaId));
  const failed = (error: unknown) =>
    onDone({
      text: t(error instanceof ApiError && error.status === 409 ? 'staff.errand.conflict' : 'staff.errand.failed'),
      error: true,
    });

  // A receiver who is also a caregiver here may take the errand themselves.
  const mayTakeSelf = allowed.has('assign') && me.roles.includes('caregiver') && errand.assignedTo !== me.hsaId;
  const takeSelf = async () => {
    try {
      await assign.mutateAsync(me.hsaId);
      onDone({ text: t('staff.errand.takeSelf.done') });
    } catch (error) {
      failed(error);
    }
  };

  const submitAssign = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setChoiceError(t('staff.errand.assign.missing'));
      return;
    }
    setChoiceError(undefined);
    try {
      await assign.mutateAsync(chosen);
      onDone({ text: t('staff.errand.assign.done', { name: assigneeName(chosen) }) });
      setChosen('');
    } catch (error) {
      failed(error);
    }
  };

  return (
    <section className={styles.routing} aria-labelledby="errand-routing">
      <h2 id="errand-routing">{t('staff.errand.routing')}</h2>
      <p>
        {errand.assignedTo
          ? t('staff.errands.assignedTo', { name: assigneeName(errand.assignedTo) })
          : t('staff.errands.unassigned')}
      </p>
      {allowed.has('assign') ? (
        <form noValidate className={styles.assign} onSubmit={(event) => void submitAssign(event)}>
          <div className={`field ${choiceError ? 'has-error' : ''}`}>
            <label htmlFor="assign-caregiver">
              {t(errand.assignedTo ? 'staff.errand.assign.otherLabel' : 'staff.errand.assign.label')}
            </label>
            {choiceError ? (
              <p id="assign-caregiver-error" className="field-error">
                <span className="visually-hidden">{t('form.errorPrefix')} </span>
                {choiceError}
              </p>
            ) : null}
            <select
              id="assign-caregiver"
              className="input"
              value={chosen}
              onChange={(event) => setChosen(event.target.value)}
              aria-describedby={choiceError ? 'assign-caregiver-error' : undefined}
              aria-invalid={choiceError ? true : undefined}
            >
              <option value="">{t('form.choose')}</option>
              {(caregivers.data?.items ?? [])
                .filter((caregiver) => caregiver.hsaId !== errand.assignedTo)
                .map((caregiver) => (
                  <option key={caregiver.hsaId} value={caregiver.hsaId}>
                    {caregiver.name} ({caregiver.profession ? t(professionId(caregiver.profession)) : ''})
                  </option>
                ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={assign.isPending}>
              {t(errand.assignedTo ? 'staff.errand.assign.reassign' : 'staff.errand.assign.submit')}
            </button>
            {allowed.has('take-back') ? (
              <button
                type="button"
                className="button button-secondary"
                disabled={takeBack.isPending}
                onClick={() =>
                  takeBack.mutate(undefined, {
                    onSuccess: () => onDone({ text: t('staff.errand.takeBack.done') }),
                    onError: failed,
                  })
                }
              >
                {t('staff.errand.takeBack')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      {mayTakeSelf ? (
        <button type="button" className="button" disabled={assign.isPending} onClick={() => void takeSelf()}>
          {t('staff.errand.takeSelf')}
        </button>
      ) : null}
      {allowed.has('reopen') ? (
        <button
          type="button"
          className="button"
          disabled={reopen.isPending}
          onClick={() =>
            reopen.mutate(undefined, {
              onSuccess: () => onDone({ text: t('staff.errand.reopen.done') }),
              onError: failed,
            })
          }
        >
          {t('staff.errand.reopen')}
        </button>
      ) : null}
    </section>
  );
}

const PROFESSIONS = {
  doctor: 'profession.doctor',
  nurse: 'profession.nurse',
  'assistant-nurse': 'profession.assistantNurse',
  midwife: 'profession.midwife',
  psychologist: 'profession.psychologist',
  counsellor: 'profession.counsellor',
  physiotherapist: 'profession.physiotherapist',
  'occupational-therapist': 'profession.occupationalTherapist',
} as const;

function professionId(profession: string) {
  return profession in PROFESSIONS ? PROFESSIONS[profession as keyof typeof PROFESSIONS] : 'profession.other';
}

/**
 * The caregiver's answer. Once the errand has a structured answer (per medicine, per aid), a
 * citizen's reply is answered with a message only; the structured form is one click away for
 * when the answer itself changes.
 */
function AnswerSection({ errand, onDone }: Readonly<{ errand: StaffErrandDetail; onDone: (text: string) => void }>) {
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
