import type { CalendarNote } from '@kontakta/contract';
import { citizenCalendarRoutes } from '@kontakta/contract';
import { exampleDate, isIsoDate } from '@kontakta/domain';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, addressOf } from '../api/api-client.ts';
import {
  type CalendarNoteInput,
  useCalendarMonth,
  useDeleteCalendarNote,
  useSaveCalendarNote,
} from '../api/citizen-queries.ts';
import { LeavePageDialog } from '../forms/leave-page-dialog.tsx';
import { discardUnsavedChanges, hasUnsavedChanges, useUnsavedForm } from '../forms/unsaved-changes.ts';
import { useLanguage } from '../i18n/i18n-provider.tsx';
import type { Locale } from '../i18n/locale.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary, type SummaryError } from '../ui/error-summary.tsx';
import { focusLater } from '../ui/focus-later.ts';
import { swedishToday } from '../ui/format.ts';
import { PageResult, usePageResult } from '../ui/page-result.tsx';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import styles from './calendar-page.module.css';

const TITLE_MAX = 200;
const TEXT_MAX = 2000;

function monthOf(date: string): string {
  return date.slice(0, 7);
}

function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function monthName(month: string, locale: Locale): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, number - 1, 1));
}

function dayName(date: string, locale: Locale): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, day));
}

/** The citizen's private calendar: notes on appointments, vaccinations and the like, by month, and an .ics file. */
export function CalendarPage() {
  const t = useText();
  const { locale } = useLanguage();
  const [params, setParams] = useSearchParams();
  const requested = params.get('manad') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : monthOf(swedishToday());
  const notes = useCalendarMonth(month);
  // The note being written belongs to the month it was opened in: another month closes it.
  const [opened, setOpened] = useState<{ note: Editing; month: string } | undefined>();
  if (opened && opened.month !== month) setOpened(undefined);
  const editing = opened?.month === month ? opened.note : undefined;
  const setEditing = (note: Editing | undefined) => setOpened(note ? { note, month } : undefined);
  // Another note, or another month, in place of a note with something typed: the page stays, so
  // the question is about the note ("Vill du lämna anteckningen du skriver?"), asked here.
  const [leavingNote, setLeavingNote] = useState<{ note: Editing } | { month: string } | undefined>();
  const edit = (note: Editing) => {
    if (editing && editingKey(editing) !== editingKey(note) && hasUnsavedChanges()) setLeavingNote({ note });
    else setEditing(note);
  };
  // The result of an action on the page is said and gets focus: the button used may be gone.
  const { notice, say } = usePageResult();
  useDocumentTitle(t('common.documentTitle', { page: t('calendar.heading') }));
  const go = (next: string) => {
    if (editing && hasUnsavedChanges()) setLeavingNote({ month: next });
    else setParams({ manad: next });
  };
  const byDate = new Map<string, CalendarNote[]>();
  for (const note of notes.data?.items ?? []) byDate.set(note.date, [...(byDate.get(note.date) ?? []), note]);

  return (
    <>
      <h1>{t('calendar.heading')}</h1>
      <p>{t('calendar.lead')}</p>
      <PageResult notice={notice} />
      <div className="actions">
        <button id="calendar-new" type="button" className="button" onClick={() => edit('new')}>
          {t('calendar.new')}
        </button>
        <a href={addressOf(citizenCalendarRoutes.exportIcs, {})} download="kontakta-kalender.ics">
          {t('calendar.download')}
        </a>
      </div>
      {editing ? (
        <NoteForm
          key={editingKey(editing)}
          note={editing === 'new' ? undefined : editing}
          defaultDate={month === monthOf(swedishToday()) ? swedishToday() : `${month}-01`}
          onDone={(saved) => {
            setEditing(undefined);
            if (saved) {
              say(t('calendar.saved', { title: saved.title }));
              if (monthOf(saved.date) !== month) setParams({ manad: monthOf(saved.date) });
            } else {
              // Cancelled: focus goes back to the button that opened the form, not to the page's top.
              focusLater(editing === 'new' ? 'calendar-new' : `note-edit-${editing.id}`, 'calendar-new');
            }
          }}
        />
      ) : null}
      <LeavePageDialog
        isOpen={leavingNote !== undefined}
        heading={t('calendar.leaveNote.heading')}
        onStay={() => setLeavingNote(undefined)}
        onLeave={() => {
          setLeavingNote(undefined);
          if (leavingNote && 'note' in leavingNote) setEditing(leavingNote.note);
          else if (leavingNote) {
            // Answered here: the layout's question must not follow for the same navigation.
            discardUnsavedChanges();
            setParams({ manad: leavingNote.month });
          }
        }}
      />
      <nav className={styles.months} aria-label={t('calendar.months')}>
        <button type="button" className="button button-secondary" onClick={() => go(shiftMonth(month, -1))}>
          {t('calendar.previous')}
        </button>
        <h2 className={styles.month} aria-live="polite">
          {monthName(month, locale)}
        </h2>
        <button type="button" className="button button-secondary" onClick={() => go(shiftMonth(month, 1))}>
          {t('calendar.next')}
        </button>
      </nav>
      {notes.isPending ? <Loading /> : null}
      {notes.isError ? <LoadError error={notes.error} onRetry={() => void notes.refetch()} /> : null}
      {notes.data && byDate.size === 0 ? <p>{t('calendar.empty')}</p> : null}
      {[...byDate].map(([date, dayNotes]) => (
        <section key={date} aria-labelledby={`day-${date}`} className={styles.day}>
          <h3 id={`day-${date}`}>{dayName(date, locale)}</h3>
          <ul className={styles.notes}>
            {dayNotes.map((note) => (
              <NoteRow
                key={note.id}
                note={note}
                onEdit={() => edit(note)}
                onDeleted={() => say(t('calendar.deleted', { title: note.title }))}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function NoteRow({
  note,
  onEdit,
  onDeleted,
}: Readonly<{ note: CalendarNote; onEdit: () => void; onDeleted: () => void }>) {
  const t = useText();
  const remove = useDeleteCalendarNote();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className={styles.note}>
      <p className={styles.when}>{note.time ?? t('calendar.allDay')}</p>
      <p className={styles.title}>{note.title}</p>
      {note.text ? <p className={styles.text}>{note.text}</p> : null}
      {confirming ? (
        <div className="actions">
          <p id={`confirm-${note.id}`} className={styles.confirm}>
            {t('calendar.confirmDelete', { title: note.title })}
          </p>
          <button
            type="button"
            className="button button-danger"
            aria-describedby={`confirm-${note.id}`}
            disabled={remove.isPending}
            // Awaited rather than mutate's own onSuccess, which is skipped when the row has gone
            // first (the month is fetched again before the mutation ends).
            onClick={() => void remove.mutateAsync(note.id).then(onDeleted, () => undefined)}
          >
            {t('calendar.delete.yes')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            // biome-ignore lint/a11y/noAutofocus: the question replaces the button that had focus; the safe answer takes it.
            autoFocus
            aria-describedby={`confirm-${note.id}`}
            onClick={() => setConfirming(false)}
          >
            {t('calendar.delete.no')}
          </button>
        </div>
      ) : (
        <div className="actions">
          <button id={`note-edit-${note.id}`} type="button" className="button button-secondary" onClick={onEdit}>
            {t('calendar.edit')}
            <span className="visually-hidden"> {note.title}</span>
          </button>
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            {t('calendar.delete')}
            <span className="visually-hidden"> {note.title}</span>
          </button>
        </div>
      )}
      <div role="status">
        {remove.isError ? <p className="notice notice-error">{t('calendar.deleteFailed')}</p> : null}
      </div>
    </li>
  );
}

type Errors = Partial<Record<'date' | 'time' | 'title' | 'text' | 'form', string>>;

type Editing = CalendarNote | 'new';

function editingKey(editing: Editing): string {
  return editing === 'new' ? 'new' : editing.id;
}

function NoteForm({
  note,
  defaultDate,
  onDone,
}: Readonly<{
  note: CalendarNote | undefined;
  defaultDate: string;
  onDone: (saved: CalendarNote | undefined) => void;
}>) {
  const t = useText();
  const save = useSaveCalendarNote();
  const [date, setDate] = useState(note?.date ?? defaultDate);
  const [time, setTime] = useState(note?.time ?? '');
  const [title, setTitle] = useState(note?.title ?? '');
  const [text, setText] = useState(note?.text ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  // Something typed and not saved: leaving the page (or opening another note) asks first.
  const { release } = useUnsavedForm(
    date.trim() !== (note?.date ?? defaultDate) ||
      time.trim() !== (note?.time ?? '') ||
      title.trim() !== (note?.title ?? '') ||
      text.trim() !== (note?.text ?? ''),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!isIsoDate(date.trim())) found.date = t('calendar.error.date', { example: exampleDate({}, swedishToday()) });
    const clock = time.trim().replace('.', ':');
    const normalizedTime = /^\d:\d\d$/.test(clock) ? `0${clock}` : clock;
    if (normalizedTime !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(normalizedTime))
      found.time = t('calendar.error.time');
    if (title.trim() === '') found.title = t('calendar.error.title');
    else if ([...title.trim()].length > TITLE_MAX) found.title = t('calendar.error.titleLong', { max: TITLE_MAX });
    if ([...text.trim()].length > TEXT_MAX) found.text = t('calendar.error.textLong', { max: TEXT_MAX });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const input: CalendarNoteInput = {
      date: date.trim(),
      time: normalizedTime === '' ? null : normalizedTime,
      title: title.trim(),
      text: text.trim(),
    };
    try {
      const saved = await save.mutateAsync({ id: note?.id, note: input });
      // Saved: showing its month (another address) must not ask.
      release();
      onDone(saved);
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      const byField: Errors = {};
      for (const fieldError of problem?.errors ?? []) {
        const field = fieldError.path.replace('body.', '') as keyof Errors;
        if (['date', 'time', 'title', 'text'].includes(field)) byField[field] = fieldError.message;
      }
      setErrors(Object.keys(byField).length > 0 ? byField : { form: t('settings.error.saveFailed') });
      setAttempt((n) => n + 1);
    }
  };

  const summary: SummaryError[] = (['date', 'time', 'title', 'text', 'form'] as const).flatMap((field) =>
    errors[field] ? [{ message: errors[field] ?? '', targetId: field === 'form' ? undefined : `note-${field}` }] : [],
  );
  return (
    <section className="card" aria-labelledby="note-form-heading">
      <h2 id="note-form-heading">{t(note ? 'calendar.form.edit' : 'calendar.form.new')}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary focusKey={attempt} errors={summary} />
        <TextField
          id="note-date"
          label={t('calendar.form.date')}
          hint={t('form.date.format', { example: exampleDate({}, swedishToday()) })}
          error={errors.date}
          errorPrefix={t('form.errorPrefix')}
          value={date}
          onChange={setDate}
          inputMode="numeric"
          autoComplete="off"
          className="input-short"
        />
        <TextField
          id="note-time"
          label={t('calendar.form.time')}
          hint={t('calendar.form.timeHint')}
          error={errors.time}
          errorPrefix={t('form.errorPrefix')}
          value={time}
          onChange={setTime}
          autoComplete="off"
          className="input-short"
        />
        <TextField
          id="note-title"
          label={t('calendar.form.title')}
          hint={t('calendar.form.titleHint')}
          error={errors.title}
          errorPrefix={t('form.errorPrefix')}
          value={title}
          onChange={setTitle}
          autoComplete="off"
        />
        <TextField
          id="note-text"
          multiline
          label={t('calendar.form.text')}
          error={errors.text}
          errorPrefix={t('form.errorPrefix')}
          value={text}
          onChange={setText}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('calendar.form.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(undefined)}>
            {t('calendar.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
