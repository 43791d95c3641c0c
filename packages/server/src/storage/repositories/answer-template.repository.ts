import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import type { AnswerTemplateTable } from '../staff-work-schema.ts';

export type AnswerTemplateRow = Selectable<AnswerTemplateTable>;

/** A unit's standard answers by Swedish title. */
export async function listAnswerTemplates(db: Kysely<DatabaseSchema>, unitHsaId: string): Promise<AnswerTemplateRow[]> {
  return db
    .selectFrom('answer_template')
    .selectAll()
    .where('unit_hsa_id', '=', unitHsaId)
    .orderBy('title_sv')
    .orderBy('id')
    .execute();
}

export async function findAnswerTemplate(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  id: string,
): Promise<AnswerTemplateRow | undefined> {
  return db
    .selectFrom('answer_template')
    .selectAll()
    .where('unit_hsa_id', '=', unitHsaId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertAnswerTemplate(db: Kysely<DatabaseSchema>, row: AnswerTemplateRow): Promise<void> {
  await db.insertInto('answer_template').values(row).execute();
}

export async function updateAnswerTemplate(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  id: string,
  changes: Updateable<AnswerTemplateTable>,
): Promise<void> {
  await db
    .updateTable('answer_template')
    .set(changes)
    .where('unit_hsa_id', '=', unitHsaId)
    .where('id', '=', id)
    .execute();
}

export async function deleteAnswerTemplate(db: Kysely<DatabaseSchema>, unitHsaId: string, id: string): Promise<void> {
  await db.deleteFrom('answer_template').where('unit_hsa_id', '=', unitHsaId).where('id', '=', id).execute();
}
