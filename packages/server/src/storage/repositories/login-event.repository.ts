import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { DatabaseSchema, LoginEventTable } from '../schema.ts';

export type NewLoginEvent = Omit<Insertable<LoginEventTable>, 'id'>;

export async function insertLoginEvent(db: Kysely<DatabaseSchema>, event: NewLoginEvent): Promise<void> {
  await db
    .insertInto('login_event')
    .values({ id: randomUUID(), ...event })
    .execute();
}
