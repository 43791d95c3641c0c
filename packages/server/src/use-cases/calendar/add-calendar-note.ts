import type { CalendarNote, CalendarNoteBody } from '@kontakta/contract';
import type { CitizenActor, Language } from '@kontakta/domain';
import { insertCalendarNote } from '../../storage/repositories/calendar-note.repository.ts';
import type { UseCaseContext } from '../services.ts';
import { calendarOwner, checkedNote, newNoteId, presentNote, sealedNote } from './calendar-note-record.ts';

/** A new note in the citizen's calendar. */
export async function addCalendarNote(
  ctx: UseCaseContext<CitizenActor>,
  body: CalendarNoteBody,
  language: Language,
): Promise<CalendarNote> {
  const note = checkedNote(body, language);
  const id = newNoteId();
  const row = {
    id,
    citizen_id: calendarOwner(ctx.actor),
    note_date: note.date,
    note_time: note.time,
    ...sealedNote(ctx, id, { title: note.title, text: note.text }),
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await insertCalendarNote(ctx.database.db, row);
  return presentNote(ctx, row);
}
