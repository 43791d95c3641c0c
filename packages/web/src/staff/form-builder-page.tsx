import type { FormDefinition, LocalizedText } from '@kontakta/domain';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type AdminErrandTypeDetail,
  type CustomTypeInput,
  useAdminErrandType,
  useChangeCustomErrandType,
  useCreateCustomErrandType,
} from '../api/admin-queries.ts';
import { ApiError } from '../api/api-client.ts';
import { useStaffProfile } from '../api/staff-queries.ts';
import { asFormDefinition } from '../forms/answers-view.tsx';
import { FormFields } from '../forms/form-renderer.tsx';
import { useFormState } from '../forms/use-form-state.ts';
import { useLanguage } from '../i18n/i18n-provider.tsx';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary, type SummaryError } from '../ui/error-summary.tsx';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { BuilderFieldEditor, KIND_NAMES, TextPair } from './form-builder-field.tsx';
import {
  BUILDER_KINDS,
  type BuilderField,
  type BuilderKind,
  builderProblems,
  fromDefinition,
  moved,
  newBuilderField,
  problemFieldIndex,
  toDefinition,
  withoutField,
} from './form-builder-model.ts';
import styles from './form-builder-page.module.css';

/** `/personal/administration/ny-arendetyp` or `…/arendetyper/:type`: build a custom errand type's form. */
export function FormBuilderPage() {
  const { type } = useParams();
  const t = useText();
  const profile = useStaffProfile();
  const unitHsaId = profile.data?.unit?.hsaId ?? '';
  const existing = useAdminErrandType(unitHsaId, unitHsaId ? type : undefined);
  useDocumentTitle(t('common.documentTitle', { page: t(type ? 'builder.editHeading' : 'builder.heading') }));
  if (profile.isPending || (type && existing.isPending)) return <Loading />;
  if (existing.isError) return <LoadError error={existing.error} onRetry={() => void existing.refetch()} />;
  if (type && existing.data) {
    const form = asFormDefinition(existing.data.citizenForm);
    const fields = form ? fromDefinition(form) : undefined;
    if (!fields) {
      return (
        <>
          <h1>{t('builder.editHeading')}</h1>
          <p className="notice">{t('builder.notEditable')}</p>
        </>
      );
    }
    return (
      <Builder key={existing.data.currentVersion} unitHsaId={unitHsaId} existing={existing.data} initial={fields} />
    );
  }
  return <Builder unitHsaId={unitHsaId} initial={[newBuilderField('short-text', [])]} />;
}

type BuilderProps = Readonly<{ unitHsaId: string; existing?: AdminErrandTypeDetail; initial: BuilderField[] }>;

function Builder({ unitHsaId, existing, initial }: BuilderProps) {
  const t = useText();
  const { locale } = useLanguage();
  const navigate = useNavigate();
  const create = useCreateCustomErrandType(unitHsaId);
  const change = useChangeCustomErrandType(unitHsaId, existing?.id ?? '');
  const [name, setName] = useState<LocalizedText>(existing?.name ?? { sv: '', en: '' });
  const [description, setDescription] = useState<LocalizedText>(existing?.description ?? { sv: '', en: '' });
  const [openToProxies, setOpenToProxies] = useState(existing?.openToProxies ?? true);
  const [citizenMayReply, setCitizenMayReply] = useState(existing?.citizenMayReply ?? true);
  const [fields, setFields] = useState<BuilderField[]>(initial);
  const [newKind, setNewKind] = useState<BuilderKind>('short-text');
  const [attempt, setAttempt] = useState(0);
  const [serverErrors, setServerErrors] = useState<readonly SummaryError[]>([]);

  const definition = useMemo(() => toDefinition(fields), [fields]);
  const problems = useMemo(() => builderProblems(fields), [fields]);
  const textProblems: SummaryError[] = [
    ...(!name.sv.trim() || !name.en.trim() ? [{ message: t('builder.error.name'), targetId: 'builder-name-sv' }] : []),
    ...(!description.sv.trim() || !description.en.trim()
      ? [{ message: t('builder.error.description'), targetId: 'builder-description-sv' }]
      : []),
  ];
  const fieldProblems = (index: number) =>
    attempt > 0
      ? problems.filter((problem) => problemFieldIndex(problem) === index).map((problem) => problem.message[locale])
      : [];
  const summary: SummaryError[] =
    attempt > 0
      ? [
          ...textProblems,
          ...problems.map((problem) => {
            const index = problemFieldIndex(problem);
            const field = index === undefined ? undefined : fields[index];
            return {
              message:
                index === undefined
                  ? problem.message[locale]
                  : `${t('builder.field.short', { number: index + 1 })}: ${problem.message[locale]}`,
              targetId: field ? `builder-${field.key}` : undefined,
            };
          }),
          ...serverErrors,
        ]
      : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerErrors([]);
    if (problems.length > 0 || textProblems.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const input: CustomTypeInput = { name, description, citizenForm: definition, openToProxies, citizenMayReply };
    try {
      if (existing) await change.mutateAsync({ input, baseVersion: existing.currentVersion ?? undefined });
      else await create.mutateAsync(input);
      navigate('/personal/administration', { state: { saved: name[locale] } });
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      const errors = problem?.errors?.map((fieldError) => ({ message: fieldError.message })) ?? [];
      setServerErrors(
        errors.length > 0
          ? errors
          : [
              {
                message: t(
                  error instanceof ApiError && error.status === 409 ? 'builder.error.conflict' : 'admin.saveFailed',
                ),
              },
            ],
      );
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
          {fields.map((field, index) => (
            <BuilderFieldEditor
              key={field.key}
              field={field}
              index={index}
              count={fields.length}
              earlier={fields.slice(0, index)}
              problems={fieldProblems(index)}
              onChange={(next) => setFields(fields.map((old, position) => (position === index ? next : old)))}
              onMove={(by) => setFields(moved(fields, index, by))}
              onRemove={() => setFields(withoutField(fields, index))}
            />
          ))}
          <div className={styles.add}>
            <div className="field">
              <label htmlFor="builder-new-kind">{t('builder.add.kind')}</label>
              <select
                id="builder-new-kind"
                className="input"
                value={newKind}
                onChange={(event) => setNewKind(event.target.value as BuilderKind)}
              >
                {BUILDER_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(KIND_NAMES[kind])}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                const field = newBuilderField(newKind, fields);
                setFields([...fields, field]);
                window.setTimeout(() => document.getElementById(`builder-${field.key}`)?.focus(), 0);
              }}
            >
              {t('builder.add.submit')}
            </button>
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={create.isPending || change.isPending}>
              {t(existing ? 'builder.saveChanges' : 'builder.save')}
            </button>
          </div>
        </form>
        <section className={styles.preview} aria-labelledby="builder-preview">
          <h2 id="builder-preview">{t('builder.preview.heading')}</h2>
          <p className="hint">{t('builder.preview.lead')}</p>
          {problems.length === 0 ? (
            <Preview key={JSON.stringify(definition)} definition={definition} title={name[locale]} />
          ) : (
            <p className="notice">{t('builder.preview.incomplete')}</p>
          )}
        </section>
      </div>
    </>
  );
}

/** Exactly what the citizen will see: the same renderer, the same checks. */
function Preview({ definition, title }: Readonly<{ definition: FormDefinition; title: string }>) {
  const t = useText();
  const state = useFormState(definition, { idPrefix: 'preview' });
  const [checked, setChecked] = useState(false);
  return (
    <form
      noValidate
      className={styles.previewForm}
      aria-label={t('builder.preview.form', { title: title || t('builder.preview.untitled') })}
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(state.submit() !== undefined);
      }}
    >
      {title ? <p className={styles.previewTitle}>{title}</p> : null}
      <ErrorSummary focusKey={state.attempt} errors={state.summary} />
      <FormFields state={state} />
      <button type="submit" className="button button-secondary">
        {t('builder.preview.try')}
      </button>
      <div role="status">{checked ? <p>{t('builder.preview.ok')}</p> : null}</div>
    </form>
  );
}
