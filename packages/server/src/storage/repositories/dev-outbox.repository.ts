import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, DevOutboxMessageTable, OutboxStatus } from '../schema.ts';

export type DevOutboxMessageRow = Selectable<DevOutboxMessageTable>;
export type DevOutboxListRow = DevOutboxMessageRow & { status: OutboxStatus | null };

/** Stores a message once per outbox id; a second delivery of the same id changes nothing. */
export async function storeDevOutboxMessage(db: Kysely<DatabaseSchema>, row: DevOutboxMessageRow): Promise<void> {
  await db
    .insertInto('dev_outbox_message')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Newest first, with the outbox row's current status (null once the outbox row is gone). */
export async function listDevOutboxMessages(db: Kysely<DatabaseSchema>, limit: number): Promise<DevOutboxListRow[]> {
  return db
    .selectFrom('dev_outbox_message as m')
    .leftJoin('outbox as o', 'o.id', 'm.id')
    .selectAll('m')
    .select('o.status')
    .orderBy('m.stored_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(limit)
    .execute();
}

export async function findDevOutboxMessage(
  db: Kysely<DatabaseSchema>,
  id: string,
): Promise<DevOutboxMessageRow | undefined> {
  return db.selectFrom('dev_outbox_message').selectAll().where('id', '=', id).executeTakeFirst();
}
