import type { Kysely, Selectable, Updateable } from 'kysely';
import type { CalendarNoteTable, DatabaseSchema } from '../schema.ts';

export type CalendarNoteRow = Selectable<CalendarNoteTable>;

/** At most this many notes in one month or one export: a calendar, not a diary. */
export const CALENDAR_LIST_LIMIT = 500;

export async function insertCalendarNote(db: Kysely<DatabaseSchema>, row: CalendarNoteRow): Promise<void> {
  await db.insertInto('calendar_note').values(row).execute();
}

/** The note, only if it is this citizen's (otherwise as if it did not exist). */
export async function findCalendarNote(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  id: string,
): Promise<CalendarNoteRow | undefined> {
  return db
    .selectFrom('calendar_note')
    .selectAll()
    .where('citizen_id', '=', citizenId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateCalendarNote(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  id: string,
  changes: Updateable<CalendarNoteTable>,
): Promise<void> {
  await db.updateTable('calendar_note').set(changes).where('citizen_id', '=', citizenId).where('id', '=', id).execute();
}

export async function deleteCalendarNote(db: Kysely<DatabaseSchema>, citizenId: string, id: string): Promise<number> {
  const result = await db
    .deleteFrom('calendar_note')
    .where('citizen_id', '=', citizenId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The citizen's notes from `fromDate` up to, not including, `toDate`, in date order. Served by calendar_note_citizen_date_idx. */
export async function listCalendarNotes(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  fromDate: string,
  toDate: string,
  limit = CALENDAR_LIST_LIMIT,
): Promise<CalendarNoteRow[]> {
  return db
    .selectFrom('calendar_note')
    .selectAll()
    .where('citizen_id', '=', citizenId)
    .where('note_date', '>=', fromDate)
    .where('note_date', '<', toDate)
    .orderBy('note_date')
    .orderBy('note_time')
    .orderBy('id')
    .limit(limit)
    .execute();
}
