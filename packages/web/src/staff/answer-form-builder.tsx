import type { FormDefinition } from '@kontakta/domain';
import { useText } from '../i18n/use-text.ts';
import { ANSWER_NOUN } from './form-builder-field.tsx';
import { BuilderFieldList } from './form-builder-list.tsx';
import type { BuilderField, BuilderProblem } from './form-builder-model.ts';
import styles from './form-builder-page.module.css';
import { FormPreview } from './form-builder-preview.tsx';

// The caregiver's answer form of a custom errand type, designed with the same builder: the unit's
// own fields come first; the message to the citizen and "may the citizen reply" always end it.

export const ANSWER_ID_PREFIX = 'answer-builder';

type EditorProps = Readonly<{
  fields: readonly BuilderField[];
  problems: readonly BuilderProblem[];
  onChange: (fields: BuilderField[]) => void;
}>;

/** The answer fields' editor, inside the builder's form. */
export function AnswerFormEditor({ fields, problems, onChange }: EditorProps) {
  const t = useText();
  return (
    <>
      <h2 id="answer-builder-heading">{t('builder.answer.heading')}</h2>
      <p>{t('builder.answer.lead')}</p>
      {fields.length === 0 ? <p className="hint">{t('builder.answer.none')}</p> : null}
      <BuilderFieldList
        tree={fields}
        parent={[]}
        idPrefix={ANSWER_ID_PREFIX}
        noun={ANSWER_NOUN}
        problems={problems}
        onChange={onChange}
      />
    </>
  );
}

/** The whole answer form as the caregiver will get it, beside the citizen's preview. */
export function AnswerFormPreview({
  definition,
  valid,
  title,
}: Readonly<{ definition: FormDefinition; valid: boolean; title: string }>) {
  const t = useText();
  return (
    <section className={styles.previewPart} aria-labelledby="answer-preview">
      <h2 id="answer-preview">{t('builder.answer.preview.heading')}</h2>
      <p className="hint">{t('builder.answer.preview.lead')}</p>
      {valid ? (
        <FormPreview
          key={JSON.stringify(definition)}
          definition={definition}
          idPrefix="answer-preview"
          title=""
          label={t('builder.answer.preview.form', { title: title || t('builder.preview.untitled') })}
        />
      ) : (
        <p className="notice">{t('builder.answer.preview.incomplete')}</p>
      )}
    </section>
  );
}
