import type { FormDefinition } from '@kontakta/domain';
import { useState } from 'react';
import { FormFields } from '../forms/form-renderer.tsx';
import { useFormState } from '../forms/use-form-state.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import styles from './form-builder-page.module.css';

/**
 * Exactly what the citizen (or, for the answer form, the caregiver) will see: the one form
 * renderer, the same checks. Keyed on the definition by the caller, so a change starts afresh.
 */
export function FormPreview({
  definition,
  label,
  title,
  idPrefix,
}: Readonly<{ definition: FormDefinition; label: string; title: string; idPrefix: string }>) {
  const t = useText();
  const state = useFormState(definition, { idPrefix });
  const [checked, setChecked] = useState(false);
  return (
    <form
      noValidate
      className={styles.previewForm}
      aria-label={label}
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
