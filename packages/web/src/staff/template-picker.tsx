import { useState } from 'react';
import { useAnswerTemplatesFor } from '../api/staff-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import styles from './template-picker.module.css';

/**
 * Inserts one of the unit's standard answers into a message field; the caregiver edits it there.
 * Shown only when the unit has templates for the errand's type. Texts in the citizen's language
 * are the unit's business: the Swedish text is inserted, English where the caregiver chooses it.
 * A message already typed is not replaced without asking.
 */
export function TemplatePicker({
  errandType,
  idPrefix,
  current,
  onInsert,
}: Readonly<{
  errandType: string;
  idPrefix: string;
  /** What the message field holds now. */
  current: string;
  onInsert: (text: string) => void;
}>) {
  const t = useText();
  const templates = useAnswerTemplatesFor(errandType);
  const [chosen, setChosen] = useState('');
  const [language, setLanguage] = useState<'sv' | 'en'>('sv');
  const [replacing, setReplacing] = useState<string | undefined>();
  const items = templates.data?.items ?? [];
  if (items.length === 0) return null;
  const template = items.find((item) => item.id === chosen);
  const id = `${idPrefix}-template`;
  return (
    <div className={styles.picker}>
      <div className="field">
        <label htmlFor={id}>{t('staff.templates.choose')}</label>
        <select id={id} className="input" value={chosen} onChange={(event) => setChosen(event.target.value)}>
          <option value="">{t('form.choose')}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title.sv}
            </option>
          ))}
        </select>
      </div>
      {template?.text.en ? (
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('staff.templates.language')}</label>
          <select
            id={`${id}-language`}
            className="input"
            value={language}
            onChange={(event) => setLanguage(event.target.value === 'en' ? 'en' : 'sv')}
          >
            <option value="sv">Svenska</option>
            <option value="en">English</option>
          </select>
        </div>
      ) : null}
      <button
        type="button"
        className="button button-secondary"
        disabled={!template}
        onClick={() => {
          if (!template) return;
          const text = (language === 'en' ? template.text.en : null) ?? template.text.sv;
          if (current.trim() !== '' && current !== text) setReplacing(text);
          else onInsert(text);
        }}
      >
        {t('staff.templates.insert')}
      </button>
      <ConfirmDialog
        isOpen={replacing !== undefined}
        heading={t('staff.templates.replace.heading')}
        safe={{ label: t('staff.templates.replace.keep'), className: 'button', onPress: () => setReplacing(undefined) }}
        act={{
          label: t('staff.templates.replace.yes'),
          className: 'button button-secondary',
          onPress: () => {
            const text = replacing;
            setReplacing(undefined);
            if (text !== undefined) onInsert(text);
          },
        }}
      >
        <p>{t('staff.templates.replace.text')}</p>
      </ConfirmDialog>
    </div>
  );
}
