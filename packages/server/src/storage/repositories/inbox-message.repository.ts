import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { InboxMessageTable } from '../proxy-schema.ts';
import type { DatabaseSchema } from '../schema.ts';
import { literalLimit } from './literal-limit.ts';

export type InboxMessageRow = Selectable<InboxMessageTable>;

export async function insertInboxMessage(
  db: Kysely<DatabaseSchema>,
  message: Omit<InboxMessageRow, 'id' | 'read_at'>,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('inbox_message')
    .values({ ...message, id, read_at: null })
    .execute();
  return id;
}

/** A citizen's messages, newest first, paged by (created_at, id). */
export async function listInboxMessages(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  page: { before?: { createdAt: number; id: string }; limit: number },
): Promise<InboxMessageRow[]> {
  let query = db.selectFrom('inbox_message').selectAll().where('citizen_id', '=', citizenId);
  const before = page.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', before.createdAt),
        eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
      ]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(literalLimit(page.limit)).execute();
}

export async function countUnreadInboxMessages(db: Kysely<DatabaseSchema>, citizenId: string): Promise<number> {
  const row = await db
    .selectFrom('inbox_message')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('citizen_id', '=', citizenId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Marks the citizen's message read; false when they have no such message. */
export async function markInboxMessageRead(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  id: string,
  now: number,
): Promise<boolean> {
  const found = await db
    .selectFrom('inbox_message')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('citizen_id', '=', citizenId)
    .executeTakeFirst();
  if (!found) return false;
  if (found.read_at === null) {
    await db.updateTable('inbox_message').set({ read_at: now }).where('id', '=', id).execute();
  }
  return true;
}
