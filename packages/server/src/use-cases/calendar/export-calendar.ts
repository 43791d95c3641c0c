import type { CitizenActor } from '@kontakta/domain';
import { listCalendarNotes } from '../../storage/repositories/calendar-note.repository.ts';
import type { UseCaseContext } from '../services.ts';
import { calendarOwner, presentNote } from './calendar-note-record.ts';
import { icsCalendar } from './ics-calendar.ts';

/** The citizen's calendar as an iCalendar file, to import into their own calendar app. */
export async function exportCalendar(ctx: UseCaseContext<CitizenActor>): Promise<string> {
  const rows = await listCalendarNotes(ctx.database.db, calendarOwner(ctx.actor), '0000-01-01', '9999-12-32');
  return icsCalendar(
    rows.map((row) => presentNote(ctx, row)),
    ctx.now,
  );
}
