import type { CalendarNoteList } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import { listCalendarNotes } from '../../storage/repositories/calendar-note.repository.ts';
import type { UseCaseContext } from '../services.ts';
import { calendarOwner, presentNote } from './calendar-note-record.ts';

/** The citizen's notes in one month (`YYYY-MM`), in date and time order. */
export async function listCalendarMonth(ctx: UseCaseContext<CitizenActor>, month: string): Promise<CalendarNoteList> {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  const rows = await listCalendarNotes(ctx.database.db, calendarOwner(ctx.actor), `${month}-01`, `${next}-01`);
  return { items: rows.map((row) => presentNote(ctx, row)) };
}
