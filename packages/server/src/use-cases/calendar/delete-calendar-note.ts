import type { CitizenActor } from '@kontakta/domain';
import { deleteCalendarNote as deleteRow } from '../../storage/repositories/calendar-note.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { calendarOwner } from './calendar-note-record.ts';

/** Deletes one of the citizen's notes (its sealed text and key go with it); 404 when it is not theirs. */
export async function deleteCalendarNote(ctx: UseCaseContext<CitizenActor>, id: string): Promise<void> {
  const deleted = await deleteRow(ctx.database.db, calendarOwner(ctx.actor), id);
  if (deleted === 0) throw new AppError('not-found');
}
