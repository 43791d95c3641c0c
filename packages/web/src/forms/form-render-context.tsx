import type { ConditionScope, FieldOfKind, FormField, GroupField } from '@kontakta/domain';
import { createContext, useContext } from 'react';
import type { Locale } from '../i18n/locale.ts';
import type { TextValues, useText } from '../i18n/use-text.ts';
import styles from './form.module.css';
import { answerPath, type DraftValue, type FieldLocation, fieldDomId } from './form-draft.ts';
import type { FormState } from './use-form-state.ts';

// What every field of the one form renderer shares: the render context (the form state,
// language, texts) and one field's frame: ids, label, hint and error.

export type RenderContext = Readonly<{
  state: FormState;
  locale: Locale;
  t: (id: Parameters<ReturnType<typeof useText>>[0], values?: TextValues) => string;
  announce: (text: string) => void;
}>;

export const Context = createContext<RenderContext | null>(null);

export function useRender(): RenderContext {
  const context = useContext(Context);
  if (!context) throw new Error('form fields must be inside <FormFields>');
  return context;
}

export type FieldProps<F extends FormField = FormField> = Readonly<{
  field: F;
  value: DraftValue | undefined;
  location: FieldLocation;
  scopes: readonly ConditionScope[];
  depth: number;
}>;

// ---- Shared pieces: ids, label, hint and error for one field ----

export type InputLike = Exclude<FormField, GroupField | FieldOfKind<'heading'> | FieldOfKind<'info'>>;

export function useFieldFrame(field: InputLike | GroupField, location: FieldLocation) {
  const { state, locale, t } = useRender();
  const id = fieldDomId(state.idPrefix, location);
  const path = answerPath(location);
  const error = state.fieldErrors.get(path);
  const help = field.help?.[locale];
  const describedBy = [help ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return {
    id,
    path,
    error,
    label: field.label[locale],
    help,
    required: 'required' in field && field.required === true,
    describedBy,
    hint: help ? (
      <p id={`${id}-hint`} className="hint">
        {help}
      </p>
    ) : null,
    errorText: error ? (
      <p id={`${id}-error`} className="field-error">
        <span className="visually-hidden">{t('form.errorPrefix')} </span>
        {error}
      </p>
    ) : null,
  };
}

export function RequiredMark({ required }: Readonly<{ required: boolean }>) {
  const { t } = useRender();
  return required ? <span className={styles.required}> {t('form.required')}</span> : null;
}

export function fieldClass(error: string | undefined, extra = ''): string {
  return ['field', error ? 'has-error' : '', extra].filter(Boolean).join(' ');
}
