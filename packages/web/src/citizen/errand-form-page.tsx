import type { ReplyTime } from '@kontakta/contract';
import type { FormDefinition } from '@kontakta/domain';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/api-client.ts';
import { type OpenedForm, useContactCard, useErrandForm, useSendErrand } from '../api/citizen-queries.ts';
import { asFormDefinition } from '../forms/answers-view.tsx';
import { FormFields } from '../forms/form-renderer.tsx';
import { answersHaveContent, useUnsavedForm } from '../forms/unsaved-changes.ts';
import { useFormState } from '../forms/use-form-state.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { Loading, PageLoadError } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { replyTimeText } from './reply-time-text.ts';

/** Step 2: the errand type's form, as the unit designed it; once sent, the receipt (`/arenden/<id>/kvitto`). */
export function ErrandFormPage() {
  const t = useText();
  const localized = useLocalized();
  const { hsaId = '', errandType = '' } = useParams();
  const card = useContactCard(hsaId);
  const form = useErrandForm(hsaId, errandType);
  const typeName = card.data?.errandTypes.find((type) => type.id === errandType)?.name;
  useDocumentTitle(t('common.documentTitle', { page: typeName ? localized(typeName) : t('errandForm.documentTitle') }));

  if (form.isPending || card.isPending) return <Loading />;
  if (form.isError && isClosedToProxies(form.error)) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('errandForm.error.closedToProxies')}</p>
      </div>
    );
  }
  if (form.isError && isUnitClosed(form.error)) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('errandForm.error.unitClosed')}</p>
        <p>
          <Link to={`/mottagningar/${encodeURIComponent(hsaId)}`}>
            {t('errandForm.back', { unit: card.data?.unit.name ?? '' })}
          </Link>
        </p>
      </div>
    );
  }
  if (form.isError) return <PageLoadError error={form.error} onRetry={() => void form.refetch()} />;
  if (card.isError) return <PageLoadError error={card.error} onRetry={() => void card.refetch()} />;
  const definition = asFormDefinition(form.data.definition);
  if (!definition) return <PageLoadError error={undefined} />;
  return (
    <ErrandForm
      key={form.data.formVersionId}
      hsaId={hsaId}
      errandType={errandType}
      opened={form.data}
      definition={definition}
      unitName={card.data.unit.name}
      typeName={typeName ? localized(typeName) : errandType}
      replyTime={card.data.errandTypes.find((type) => type.id === errandType)?.replyTime ?? null}
    />
  );
}

/** A guardian acting for a child asked for an errand type the unit has not opened to proxies. */
function isClosedToProxies(error: unknown): boolean {
  return (
    error instanceof ApiError && error.problem?.code === 'forbidden' && error.problem.detail === 'closed-to-proxies'
  );
}

/** The unit is closed for a period and does not keep this errand type open (issue 18). */
function isUnitClosed(error: unknown): boolean {
  return error instanceof ApiError && error.problem?.code === 'forbidden' && error.problem.detail === 'unit-closed';
}

type ErrandFormProps = Readonly<{
  hsaId: string;
  errandType: string;
  opened: OpenedForm;
  definition: FormDefinition;
  unitName: string;
  typeName: string;
  /** The reply time the unit promises for this type, shown before sending. */
  replyTime: ReplyTime | null;
}>;

function ErrandForm({ hsaId, errandType, opened, definition, unitName, typeName, replyTime }: ErrandFormProps) {
  const t = useText();
  const state = useFormState(definition, { idPrefix: 'errand' });
  const send = useSendErrand();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | undefined>();
  const failureRef = useRef<HTMLDivElement>(null);
  // Something typed and not sent: leaving (a link, the tab, the idle logout) asks first (the layout's question).
  const leaving = useUnsavedForm(answersHaveContent(state.answers));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const answers = state.submit();
    if (!answers) return;
    try {
      const created = await send.mutateAsync({
        unitHsaId: hsaId,
        errandType,
        formVersionId: opened.formVersionId,
        answers,
      });
      // The receipt has its own address, drawn from the server: a reload shows it again, not an empty form.
      leaving.release();
      void navigate(`/arenden/${encodeURIComponent(created.id)}/kvitto`, { replace: true });
    } catch (error) {
      // Whatever went wrong, what the reader wrote stays in the form.
      const problem = error instanceof ApiError ? error.problem : undefined;
      if (state.showServerProblem(problem)) return;
      const status = error instanceof ApiError ? error.status : undefined;
      setFailure(
        t(
          isClosedToProxies(error)
            ? 'errandForm.error.closedToProxies'
            : isUnitClosed(error)
              ? 'errandForm.error.unitClosed'
              : status === 404
                ? 'errandForm.error.gone'
                : status === 503
                  ? 'errandForm.error.busy'
                  : 'errandForm.error.notSent',
        ),
      );
      window.setTimeout(() => failureRef.current?.focus(), 0);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/mottagningar/${encodeURIComponent(hsaId)}`}>{t('errandForm.back', { unit: unitName })}</Link>
      </p>
      <h1>{typeName}</h1>
      <p>{t('errandForm.to', { unit: unitName })}</p>
      {replyTime ? <p>{replyTimeText(t, replyTime)}</p> : null}
      <div className="notice">
        <p>{t('errandForm.urgent')}</p>
      </div>
      <form noValidate onSubmit={(event) => void submit(event)} aria-label={typeName}>
        {failure ? (
          <div ref={failureRef} tabIndex={-1} className="notice notice-error" role="alert">
            <p>{failure}</p>
          </div>
        ) : null}
        <ErrorSummary focusKey={state.attempt} errors={state.summary} />
        <FormFields state={state} />
        <div className="actions">
          <button type="submit" className="button" disabled={send.isPending}>
            {send.isPending ? t('errandForm.sending') : t('errandForm.send')}
          </button>
          <Link to={`/mottagningar/${encodeURIComponent(hsaId)}`}>{t('errandForm.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
