import type { StaffErrandDetail } from '@kontakta/contract';
import { type FormEvent, useState } from 'react';
import { useAddNote } from '../api/staff-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { formatDateTime, isoDateTime } from '../ui/format.ts';
import { UserText } from '../ui/user-text.tsx';
import styles from './staff-errand-page.module.css';

const NOTE_ID = 'internal-note';

/** Notes between staff on the errand: never shown to the citizen, every note in the access log. */
export function InternalNotesSection({
  errand,
  onDone,
}: Readonly<{ errand: StaffErrandDetail; onDone: (text: string) => void }>) {
  const t = useText();
  const add = useAddNote(errand.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const notes = errand.notes ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('staff.notes.required'));
      setAttempt((n) => n + 1);
      return;
    }
    setError(undefined);
    try {
      await add.mutateAsync(text);
      setText('');
      onDone(t('staff.notes.saved'));
    } catch {
      setError(t('staff.notes.failed'));
      setAttempt((n) => n + 1);
    }
  };

  return (
    <section className={styles.notes} aria-labelledby="errand-notes">
      <h2 id="errand-notes">{t('staff.notes.heading')}</h2>
      <p>{t('staff.notes.lead')}</p>
      {notes.length > 0 ? (
        <ol className={styles.noteList}>
          {notes.map((note) => (
            <li key={note.id}>
              <p className={styles.noteMeta}>
                {note.author} · <time dateTime={isoDateTime(note.createdAt)}>{formatDateTime(note.createdAt)}</time>
              </p>
              <UserText text={note.text} />
            </li>
          ))}
        </ol>
      ) : null}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary focusKey={attempt} errors={error ? [{ message: error, targetId: NOTE_ID }] : []} />
        <div className={`field ${error ? 'has-error' : ''}`}>
          <label htmlFor={NOTE_ID}>{t('staff.notes.label')}</label>
          {error ? (
            <p id={`${NOTE_ID}-error`} className="field-error">
              <span className="visually-hidden">{t('form.errorPrefix')} </span>
              {error}
            </p>
          ) : null}
          <textarea
            id={NOTE_ID}
            className="input"
            rows={3}
            maxLength={5000}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={error ? `${NOTE_ID}-error` : undefined}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="submit" className="button button-secondary" disabled={add.isPending}>
          {t('staff.notes.submit')}
        </button>
      </form>
    </section>
  );
}
