import { buildBaseErrandForms, type FormDefinition, findBaseErrandType, HEALTH_QUESTION_NAMES } from '@kontakta/domain';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type AdminErrandTypeDetail, useAdminErrandType, useSaveErrandTypeSettings } from '../api/admin-queries.ts';
import { useStaffProfile } from '../api/staff-queries.ts';
import { FormFields } from '../forms/form-renderer.tsx';
import { LeavePageBlockerDialog } from '../forms/leave-page-dialog.tsx';
import { useUnsavedChanges } from '../forms/unsaved-changes.ts';
import { useFormState } from '../forms/use-form-state.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrorSummary, type SummaryError } from '../ui/error-summary.tsx';
import { Loading, PageLoadError } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { fieldErrorsOf } from './admin-field-errors.ts';
import { ChooseValues, InputErrors, TextList } from './base-type-option-inputs.tsx';
import {
  draftFromOptions,
  type OptionControl,
  type OptionDraft,
  optionControls,
  optionInputId,
  optionsFromDraft,
  pathParts,
  type TextRow,
  targetIdForPath,
} from './base-type-options-model.ts';
import styles from './base-type-options-page.module.css';

// The words for each option the domain has today. An option without words here still gets an
// editor (drawn from its schema), named by its key, so a new option is never hidden.
type OptionTexts = Readonly<{ label: MessageId; hint?: MessageId; item?: MessageId; add?: MessageId }>;
const OPTION_TEXTS: Readonly<Record<string, OptionTexts>> = {
  showUnsuitableDays: {
    label: 'admin.options.key.showUnsuitableDays',
    hint: 'admin.options.key.showUnsuitableDays.hint',
  },
  showFurtherInformation: {
    label: 'admin.options.key.showFurtherInformation',
    hint: 'admin.options.key.showFurtherInformation.hint',
  },
  askForEarlierCaregiver: { label: 'admin.options.key.askForEarlierCaregiver' },
  certificateKinds: {
    label: 'admin.options.key.certificateKinds',
    hint: 'admin.options.key.certificateKinds.hint',
    item: 'admin.options.key.certificateKinds.item',
    add: 'admin.options.key.certificateKinds.add',
  },
  healthQuestions: { label: 'admin.options.key.healthQuestions', hint: 'admin.options.key.healthQuestions.hint' },
};

/** The names of fixed values, from the domain, by option key. */
const VALUE_NAMES: Readonly<Record<string, Readonly<Record<string, { sv: string; en: string }>>>> = {
  healthQuestions: HEALTH_QUESTION_NAMES,
};

/** `/personal/administration/arendetyper/:type/alternativ`: a base errand type's options. */
export function BaseTypeOptionsPage() {
  const { type } = useParams();
  const t = useText();
  const localized = useLocalized();
  const profile = useStaffProfile();
  const unitHsaId = profile.data?.unit?.hsaId ?? '';
  const detail = useAdminErrandType(unitHsaId, unitHsaId ? type : undefined);
  const name = detail.data ? localized(detail.data.name) : '';
  useDocumentTitle(
    t('common.documentTitle', { page: name ? t('admin.options.heading', { name }) : t('admin.heading') }),
  );
  if (profile.isPending || detail.isPending) return <Loading />;
  if (detail.isError) return <PageLoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const baseType = detail.data.kind === 'base' ? findBaseErrandType(detail.data.id) : undefined;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/personal/administration">{t('admin.back')}</Link>
      </p>
      <h1 id="options-heading">{t('admin.options.heading', { name })}</h1>
      {baseType ? (
        <OptionsEditor
          key={`${detail.data.id}-${detail.data.currentVersion}`}
          unitHsaId={unitHsaId}
          type={detail.data}
          controls={optionControls(baseType.optionsSchema)}
        />
      ) : (
        <p className="notice">{t('admin.options.notBase')}</p>
      )}
    </>
  );
}

type EditorProps = Readonly<{ unitHsaId: string; type: AdminErrandTypeDetail; controls: readonly OptionControl[] }>;

function OptionsEditor({ unitHsaId, type, controls }: EditorProps) {
  const t = useText();
  const localized = useLocalized();
  const navigate = useNavigate();
  const save = useSaveErrandTypeSettings(unitHsaId);
  const [draft, setDraft] = useState<OptionDraft>(() => draftFromOptions(controls, type.options));
  const [initialDraft] = useState(draft);
  // Leaving with options changed and not saved asks first.
  const leaving = useUnsavedChanges(JSON.stringify(draft) !== JSON.stringify(initialDraft));
  const [attempt, setAttempt] = useState(0);
  const [errors, setErrors] = useState<readonly SummaryError[]>([]);
  const [inputErrors, setInputErrors] = useState<ReadonlyMap<string, string[]>>(new Map());
  const set = (key: string, value: unknown) => setDraft((old) => ({ ...old, [key]: value }));

  const textsOf = (key: string): OptionTexts | undefined => OPTION_TEXTS[key];
  const labelOf = (key: string) => {
    const texts = textsOf(key);
    return texts ? t(texts.label) : t('admin.options.other', { key });
  };
  const itemOf = (key: string, index: number) => {
    const item = textsOf(key)?.item;
    return item ? t(item, { number: index + 1 }) : t('admin.options.row', { number: index + 1 });
  };

  // Every input the page draws, so a server problem links to the closest one.
  const knownIds = useMemo(() => {
    const ids = new Set<string>();
    for (const control of controls) {
      ids.add(optionInputId(control.key));
      if (control.kind === 'text-list') {
        ((draft[control.key] ?? []) as readonly TextRow[]).forEach((_, index) => {
          for (const language of ['sv', 'en']) ids.add(optionInputId(control.key, index, 'label', language));
        });
      }
    }
    return ids;
  }, [controls, draft]);

  /** "Intyg 3, svenska" for `body.options.certificateKinds[2].label.sv`. */
  const fieldName = (path: string): string | undefined => {
    const parts = pathParts(path);
    if (!parts) return undefined;
    let name = parts.row === undefined ? labelOf(parts.key) : itemOf(parts.key, parts.row);
    if (parts.language) {
      const language = t(parts.language === 'sv' ? 'admin.options.languageSv' : 'admin.options.languageEn');
      name = t('admin.options.inLanguage', { field: name, language });
    }
    return name;
  };

  // Built with the domain's own function, the one the server saves with; none while the options cannot be saved.
  const preview = useMemo(() => {
    const built = buildBaseErrandForms(type.id, optionsFromDraft(controls, draft));
    return built.ok ? built.citizenForm : undefined;
  }, [type.id, controls, draft]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await save.mutateAsync({
        type: type.id,
        settings: {
          enabled: type.enabled,
          openToProxies: type.openToProxies,
          citizenMayReply: type.citizenMayReply,
          options: optionsFromDraft(controls, draft),
        },
      });
      leaving.release();
      navigate('/personal/administration', { state: { saved: localized(type.name) } });
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      const byInput = new Map<string, string[]>();
      const summary: SummaryError[] = fieldErrors.map((fieldError) => {
        const targetId = targetIdForPath(fieldError.path, knownIds);
        if (targetId) byInput.set(targetId, [...(byInput.get(targetId) ?? []), fieldError.message]);
        const field = fieldName(fieldError.path);
        return {
          message: field ? t('admin.options.problem', { field, message: fieldError.message }) : fieldError.message,
          targetId,
        };
      });
      setInputErrors(byInput);
      setErrors(summary.length > 0 ? summary : [{ message: t('admin.saveFailed') }]);
      setAttempt((n) => n + 1);
    }
  };

  if (controls.length === 0) {
    return <p>{t('admin.options.none')}</p>;
  }
  return (
    <>
      <p>{t('admin.options.lead')}</p>
      {type.currentVersion === null ? null : (
        <p className="muted">{t('admin.options.version', { version: type.currentVersion })}</p>
      )}
      <form
        noValidate
        className={styles.form}
        aria-labelledby="options-heading"
        onSubmit={(event) => void submit(event)}
      >
        <ErrorSummary errors={errors} focusKey={attempt} />
        {controls.map((control) => {
          const texts = textsOf(control.key);
          const hint = texts?.hint ? t(texts.hint) : undefined;
          const id = optionInputId(control.key);
          switch (control.kind) {
            case 'boolean':
              return (
                <div key={control.key} className={styles.option}>
                  <div className="checkbox-row">
                    <input
                      id={id}
                      type="checkbox"
                      checked={draft[control.key] === true}
                      aria-describedby={hint ? `${id}-hint` : undefined}
                      onChange={(event) => set(control.key, event.target.checked)}
                    />
                    <label htmlFor={id}>{labelOf(control.key)}</label>
                  </div>
                  {hint ? (
                    <p id={`${id}-hint`} className={`hint ${styles.checkboxHint}`}>
                      {hint}
                    </p>
                  ) : null}
                  <InputErrors id={id} messages={inputErrors.get(id)} />
                </div>
              );
            case 'choose-values':
              return (
                <ChooseValues
                  key={control.key}
                  id={id}
                  legend={labelOf(control.key)}
                  hint={hint}
                  values={control.values}
                  names={VALUE_NAMES[control.key]}
                  chosen={(draft[control.key] ?? []) as readonly string[]}
                  errors={inputErrors.get(id)}
                  onChange={(chosen) => set(control.key, chosen)}
                />
              );
            case 'text-list':
              return (
                <TextList
                  key={control.key}
                  control={control}
                  legend={labelOf(control.key)}
                  hint={hint}
                  addText={texts?.add ? t(texts.add) : t('admin.options.addRow')}
                  itemOf={(index) => itemOf(control.key, index)}
                  rows={(draft[control.key] ?? []) as readonly TextRow[]}
                  inputErrors={inputErrors}
                  onChange={(rows) => set(control.key, rows)}
                />
              );
            default:
              return (
                <p key={control.key} className="notice">
                  {t('admin.options.unsupported', { name: labelOf(control.key) })}
                </p>
              );
          }
        })}
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('admin.options.save')}
          </button>
        </div>
      </form>
      <section className={styles.preview} aria-labelledby="options-preview">
        <h2 id="options-preview">{t('admin.options.preview')}</h2>
        <p className="hint">{t('admin.options.preview.lead')}</p>
        {preview ? (
          <Preview key={JSON.stringify(preview)} definition={preview} title={localized(type.name)} />
        ) : (
          <p className="notice">{t('admin.options.preview.incomplete')}</p>
        )}
      </section>
      <LeavePageBlockerDialog blocker={leaving.blocker} />
    </>
  );
}

/** The citizen's form as these options build it, drawn by the citizen's own renderer. */
function Preview({ definition, title }: Readonly<{ definition: FormDefinition; title: string }>) {
  const t = useText();
  const state = useFormState(definition, { idPrefix: 'preview' });
  return (
    <form
      noValidate
      aria-label={t('admin.options.preview.form', { title })}
      onSubmit={(event) => event.preventDefault()}
    >
      <FormFields state={state} />
    </form>
  );
}
