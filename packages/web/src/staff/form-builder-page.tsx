import type { FieldError } from '@kontakta/contract';
import type { LocalizedText } from '@kontakta/domain';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type AdminErrandTypeDetail,
  useAdminErrandType,
  useChangeCustomType,
  useCreateCustomType,
} from '../api/admin-queries.ts';
import { ApiError } from '../api/api-client.ts';
import { useStaffProfile } from '../api/staff-queries.ts';
import { asFormDefinition } from '../forms/answers-view.tsx';
import { LeavePageBlockerDialog } from '../forms/leave-page-dialog.tsx';
import { useUnsavedChanges } from '../forms/unsaved-changes.ts';
import { useLanguage } from '../i18n/i18n-provider.tsx';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary, type SummaryError } from '../ui/error-summary.tsx';
import { Loading, PageLoadError } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { ANSWER_ID_PREFIX, AnswerFormEditor, AnswerFormPreview } from './answer-form-builder.tsx';
import {
  answerBuilderProblems,
  answerFormToSave,
  fromAnswerDefinition,
  toAnswerDefinition,
} from './answer-form-model.ts';
import { ANSWER_NOUN, type BuilderNoun, QUESTION_NOUN } from './form-builder-field.tsx';
import { fromDefinition } from './form-builder-from-definition.ts';
import { BuilderFieldList, fieldNumber, problemTargetId, useProblemText } from './form-builder-list.tsx';
import {
  type BuilderField,
  type BuilderProblem,
  EMPTY,
  newBuilderField,
  problemFieldPath,
  withoutCopiedEnglish,
  withSwedishFallback,
} from './form-builder-model.ts';
import styles from './form-builder-page.module.css';
import { FormPreview } from './form-builder-preview.tsx';
import { TextPair } from './form-builder-text.tsx';
import { builderProblems, toDefinition } from './form-builder-to-definition.ts';

const QUESTION_ID_PREFIX = 'builder';

/** `/personal/administration/ny-arendetyp` or `…/arendetyper/:type`: build a custom errand type's forms. */
export function FormBuilderPage() {
  const { type } = useParams();
  const t = useText();
  const profile = useStaffProfile();
  const unitHsaId = profile.data?.unit?.hsaId ?? '';
  const existing = useAdminErrandType(unitHsaId, unitHsaId ? type : undefined);
  useDocumentTitle(t('common.documentTitle', { page: t(type ? 'builder.editHeading' : 'builder.heading') }));
  if (profile.isPending || (type && existing.isPending)) return <Loading />;
  if (existing.isError) return <PageLoadError error={existing.error} onRetry={() => void existing.refetch()} />;
  if (type && existing.data) {
    const form = asFormDefinition(existing.data.citizenForm);
    const answerForm = asFormDefinition(existing.data.answerForm);
    const fields = form ? fromDefinition(form) : undefined;
    const answerFields = answerForm ? fromAnswerDefinition(answerForm) : [];
    if (!fields || !answerFields) {
      return (
        <>
          <h1>{t('builder.editHeading')}</h1>
          <p className="notice">{t('builder.notEditable')}</p>
        </>
      );
    }
    return (
      <Builder
        key={existing.data.currentVersion}
        unitHsaId={unitHsaId}
        existing={existing.data}
        initial={fields}
        initialAnswer={answerFields}
      />
    );
  }
  return <Builder unitHsaId={unitHsaId} initial={[newBuilderField('short-text', [])]} initialAnswer={[]} />;
}

type BuilderProps = Readonly<{
  unitHsaId: string;
  existing?: AdminErrandTypeDetail;
  initial: BuilderField[];
  initialAnswer: BuilderField[];
}>;

/** The server's field errors, linked to the question they are about where the path says which. */
function serverSummary(
  errors: readonly FieldError[],
  forms: Readonly<Record<'citizenForm' | 'answerForm', { tree: readonly BuilderField[]; idPrefix: string }>>,
): SummaryError[] {
  return errors.map((error) => {
    const match = /^body\.(citizenForm|answerForm)\.(.*)$/.exec(error.path);
    const form = match ? forms[match[1] as 'citizenForm' | 'answerForm'] : undefined;
    const targetId = form && match?.[2] ? problemTargetId(form.idPrefix, form.tree, { path: match[2] }) : undefined;
    return { message: error.message, targetId };
  });
}

function Builder({ unitHsaId, existing, initial, initialAnswer }: BuilderProps) {
  const t = useText();
  const { locale } = useLanguage();
  const problemText = useProblemText();
  const navigate = useNavigate();
  const create = useCreateCustomType(unitHsaId);
  const change = useChangeCustomType(unitHsaId, existing?.id ?? '');
  const [name, setName] = useState<LocalizedText>(withoutCopiedEnglish(existing?.name ?? EMPTY));
  const [description, setDescription] = useState<LocalizedText>(withoutCopiedEnglish(existing?.description ?? EMPTY));
  const [openToProxies, setOpenToProxies] = useState(existing?.openToProxies ?? true);
  const [citizenMayReply, setCitizenMayReply] = useState(existing?.citizenMayReply ?? true);
  const [fields, setFields] = useState<BuilderField[]>(initial);
  const [answerFields, setAnswerFields] = useState<BuilderField[]>(initialAnswer);
  const [attempt, setAttempt] = useState(0);
  const [serverErrors, setServerErrors] = useState<readonly FieldError[]>([]);
  const [failure, setFailure] = useState<string | undefined>();

  // Leaving with anything changed and not saved asks first.
  const current = JSON.stringify([name, description, openToProxies, citizenMayReply, fields, answerFields]);
  const [initialState] = useState(current);
  const leaving = useUnsavedChanges(current !== initialState);
  const definition = useMemo(() => toDefinition(fields), [fields]);
  const problems = useMemo(() => builderProblems(fields, definition), [fields, definition]);
  const answerDefinition = useMemo(() => toAnswerDefinition(answerFields), [answerFields]);
  const answerProblems = useMemo(
    () => answerBuilderProblems(answerFields, answerDefinition),
    [answerFields, answerDefinition],
  );
  const textProblems: SummaryError[] = [
    // English is optional: where it is empty, the Swedish is saved in its place.
    ...(!name.sv.trim() ? [{ message: t('builder.error.name'), targetId: 'builder-name-sv' }] : []),
    ...(!description.sv.trim()
      ? [{ message: t('builder.error.description'), targetId: 'builder-description-sv' }]
      : []),
  ];
  const summaryOf = (
    list: readonly BuilderProblem[],
    tree: readonly BuilderField[],
    idPrefix: string,
    noun: BuilderNoun,
  ) =>
    list.map((problem): SummaryError => {
      const path = problemFieldPath(problem);
      return {
        message: path.length
          ? `${t(noun.short, { number: fieldNumber(path) })}: ${problemText(problem)}`
          : problemText(problem),
        targetId: problemTargetId(idPrefix, tree, problem),
      };
    });
  const summary: SummaryError[] =
    attempt > 0
      ? [
          ...textProblems,
          ...summaryOf(problems, fields, QUESTION_ID_PREFIX, QUESTION_NOUN),
          ...summaryOf(answerProblems, answerFields, ANSWER_ID_PREFIX, ANSWER_NOUN),
          ...serverSummary(serverErrors, {
            citizenForm: { tree: fields, idPrefix: QUESTION_ID_PREFIX },
            answerForm: { tree: answerFields, idPrefix: ANSWER_ID_PREFIX },
          }),
          ...(failure ? [{ message: failure }] : []),
        ]
      : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerErrors([]);
    setFailure(undefined);
    if (problems.length > 0 || answerProblems.length > 0 || textProblems.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const input = {
      name: withSwedishFallback(name),
      description: withSwedishFallback(description),
      citizenForm: definition,
      answerForm: answerFormToSave(answerFields),
    };
    try {
      if (existing) await change.mutateAsync({ input, baseVersion: existing.currentVersion ?? undefined });
      else await create.mutateAsync({ ...input, openToProxies, citizenMayReply });
      leaving.release();
      navigate('/personal/administration', { state: { saved: withSwedishFallback(name)[locale] } });
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      const errors = problem?.errors ?? [];
      setServerErrors(errors);
      if (errors.length === 0) {
        setFailure(
          t(error instanceof ApiError && error.status === 409 ? 'builder.error.conflict' : 'admin.saveFailed'),
        );
      }
      setAttempt((n) => n + 1);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/personal/administration">{t('builder.back')}</Link>
      </p>
      <h1>{t(existing ? 'builder.editHeading' : 'builder.heading')}</h1>
      <p>{t('builder.lead')}</p>
      <div className={styles.layout}>
        <form
          noValidate
          className={styles.editor}
          onSubmit={(event) => void submit(event)}
          aria-labelledby="builder-form-heading"
        >
          <h2 id="builder-form-heading" className="visually-hidden">
            {t('builder.editor')}
          </h2>
          <ErrorSummary focusKey={attempt} errors={summary} />
          <TextPair id="builder-name" label={t('builder.name')} value={name} onChange={setName} />
          <TextPair
            id="builder-description"
            label={t('builder.description')}
            value={description}
            multiline
            onChange={setDescription}
          />
          {existing ? null : (
            <>
              <div className="checkbox-row">
                <input
                  id="builder-proxies"
                  type="checkbox"
                  checked={openToProxies}
                  onChange={(event) => setOpenToProxies(event.target.checked)}
                />
                <label htmlFor="builder-proxies">{t('admin.openToProxies')}</label>
              </div>
              <div className="checkbox-row">
                <input
                  id="builder-reply"
                  type="checkbox"
                  checked={citizenMayReply}
                  onChange={(event) => setCitizenMayReply(event.target.checked)}
                />
                <label htmlFor="builder-reply">{t('admin.citizenMayReply')}</label>
              </div>
            </>
          )}
          <h2>{t('builder.questions')}</h2>
          <BuilderFieldList
            tree={fields}
            parent={[]}
            idPrefix={QUESTION_ID_PREFIX}
            noun={QUESTION_NOUN}
            problems={attempt > 0 ? problems : []}
            onChange={setFields}
          />
          <AnswerFormEditor
            fields={answerFields}
            problems={attempt > 0 ? answerProblems : []}
            onChange={setAnswerFields}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={create.isPending || change.isPending}>
              {t(existing ? 'builder.saveChanges' : 'builder.save')}
            </button>
          </div>
        </form>
        <div className={styles.preview}>
          <section className={styles.previewPart} aria-labelledby="builder-preview">
            <h2 id="builder-preview">{t('builder.preview.heading')}</h2>
            <p className="hint">{t('builder.preview.lead')}</p>
            {problems.length === 0 ? (
              <FormPreview
                key={JSON.stringify(definition)}
                definition={definition}
                idPrefix="preview"
                title={withSwedishFallback(name)[locale]}
                label={t('builder.preview.form', {
                  title: withSwedishFallback(name)[locale] || t('builder.preview.untitled'),
                })}
              />
            ) : (
              <p className="notice">{t('builder.preview.incomplete')}</p>
            )}
          </section>
          <AnswerFormPreview
            definition={answerDefinition}
            valid={answerProblems.length === 0}
            title={withSwedishFallback(name)[locale]}
          />
        </div>
      </div>
      <LeavePageBlockerDialog blocker={leaving.blocker} />
    </>
  );
}
