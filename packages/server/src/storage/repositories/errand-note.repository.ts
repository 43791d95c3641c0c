import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import type { ErrandNoteTable } from '../staff-work-schema.ts';

export type ErrandNoteRow = Selectable<ErrandNoteTable>;

export async function insertErrandNote(db: Kysely<DatabaseSchema>, row: Insertable<ErrandNoteTable>): Promise<void> {
  await db.insertInto('errand_note').values(row).execute();
}

export async function listErrandNotes(db: Kysely<DatabaseSchema>, errandId: string): Promise<ErrandNoteRow[]> {
  return db
    .selectFrom('errand_note')
    .selectAll()
    .where('errand_id', '=', errandId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
