import type { CalendarNote, CalendarNoteBody } from '@kontakta/contract';
import type { CitizenActor, Language } from '@kontakta/domain';
import { findCalendarNote, updateCalendarNote } from '../../storage/repositories/calendar-note.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { calendarOwner, checkedNote, presentNote, sealedNote } from './calendar-note-record.ts';

/** Changes one of the citizen's notes; someone else's note is as if it did not exist (404). */
export async function changeCalendarNote(
  ctx: UseCaseContext<CitizenActor>,
  id: string,
  body: CalendarNoteBody,
  language: Language,
): Promise<CalendarNote> {
  const owner = calendarOwner(ctx.actor);
  const { db } = ctx.database;
  if (!(await findCalendarNote(db, owner, id))) throw new AppError('not-found');
  const note = checkedNote(body, language);
  await updateCalendarNote(db, owner, id, {
    note_date: note.date,
    note_time: note.time,
    ...sealedNote(ctx, id, { title: note.title, text: note.text }),
    updated_at: ctx.now,
  });
  const row = await findCalendarNote(db, owner, id);
  if (!row) throw new AppError('not-found');
  return presentNote(ctx, row);
}
