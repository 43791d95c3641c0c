import type { FormAnswers, FormDefinition } from '@kontakta/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-client.ts';
import { type OpenedForm, useContactCard, useErrandForm, useSendErrand } from '../api/citizen-queries.ts';
import { AnswersView, asFormDefinition } from '../forms/answers-view.tsx';
import { FormFields } from '../forms/form-renderer.tsx';
import { useFormState } from '../forms/use-form-state.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';

/** Step 2: the errand type's form, as the unit designed it; sent, then confirmed with what was sent. */
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
  if (form.isError) return <LoadError error={form.error} onRetry={() => void form.refetch()} />;
  if (card.isError) return <LoadError error={card.error} onRetry={() => void card.refetch()} />;
  const definition = asFormDefinition(form.data.definition);
  if (!definition) return <LoadError error={undefined} />;
  return (
    <ErrandForm
      key={form.data.formVersionId}
      hsaId={hsaId}
      errandType={errandType}
      opened={form.data}
      definition={definition}
      unitName={card.data.unit.name}
      typeName={typeName ? localized(typeName) : errandType}
    />
  );
}

/** A guardian acting for a child asked for an errand type the unit has not opened to proxies. */
function isClosedToProxies(error: unknown): boolean {
  return (
    error instanceof ApiError && error.problem?.code === 'forbidden' && error.problem.detail === 'closed-to-proxies'
  );
}

type ErrandFormProps = Readonly<{
  hsaId: string;
  errandType: string;
  opened: OpenedForm;
  definition: FormDefinition;
  unitName: string;
  typeName: string;
}>;

function ErrandForm({ hsaId, errandType, opened, definition, unitName, typeName }: ErrandFormProps) {
  const t = useText();
  const state = useFormState(definition, { idPrefix: 'errand' });
  const send = useSendErrand();
  const [failure, setFailure] = useState<string | undefined>();
  const [sent, setSent] = useState<{ id: string; answers: FormAnswers } | undefined>();
  const failureRef = useRef<HTMLDivElement>(null);

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
      setSent({ id: created.id, answers });
    } catch (error) {
      // Whatever went wrong, what the reader wrote stays in the form.
      const problem = error instanceof ApiError ? error.problem : undefined;
      if (state.showServerProblem(problem)) return;
      const status = error instanceof ApiError ? error.status : undefined;
      setFailure(
        t(
          isClosedToProxies(error)
            ? 'errandForm.error.closedToProxies'
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

  if (sent)
    return (
      <SentConfirmation
        id={sent.id}
        definition={definition}
        answers={sent.answers}
        unitName={unitName}
        typeName={typeName}
      />
    );

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/mottagningar/${encodeURIComponent(hsaId)}`}>{t('errandForm.back', { unit: unitName })}</Link>
      </p>
      <h1>{typeName}</h1>
      <p>{t('errandForm.to', { unit: unitName })}</p>
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

function SentConfirmation({
  id,
  definition,
  answers,
  unitName,
  typeName,
}: Readonly<{ id: string; definition: FormDefinition; answers: FormAnswers; unitName: string; typeName: string }>) {
  const t = useText();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('common.documentTitle', { page: t('errandForm.sent.heading') }));
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('errandForm.sent.heading')}
      </h1>
      <div className="notice notice-success">
        <p>{t('errandForm.sent.text', { unit: unitName })}</p>
      </div>
      <section className="card" aria-labelledby="sent-summary">
        <h2 id="sent-summary">{t('errandForm.sent.summary', { type: typeName })}</h2>
        <AnswersView definition={definition} answers={answers} />
      </section>
      <div className="actions">
        <Link className="button" to={`/arenden/${encodeURIComponent(id)}`}>
          {t('errandForm.sent.toErrand')}
        </Link>
        <Link to="/">{t('errandForm.sent.toStart')}</Link>
      </div>
    </>
  );
}
