import type { Insertable, Kysely, Selectable } from 'kysely';
import { precompiledQuery } from '../precompiled-query.ts';
import type { DatabaseSchema } from '../schema.ts';
import type { ErrandNoteTable } from '../staff-work-schema.ts';

export type ErrandNoteRow = Selectable<ErrandNoteTable>;

export async function insertErrandNote(db: Kysely<DatabaseSchema>, row: Insertable<ErrandNoteTable>): Promise<void> {
  await db.insertInto('errand_note').values(row).execute();
}

// Every staff opening of an errand reads its notes (issue 20: compiled once, not per request).
const notesOf = precompiledQuery<{ errandId: string }, ErrandNoteRow>((db, a) =>
  db.selectFrom('errand_note').selectAll().where('errand_id', '=', a.errandId).orderBy('created_at').orderBy('id'),
);

export async function listErrandNotes(db: Kysely<DatabaseSchema>, errandId: string): Promise<ErrandNoteRow[]> {
  return notesOf(db, { errandId });
}
