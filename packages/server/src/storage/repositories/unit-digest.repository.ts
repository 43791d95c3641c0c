import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

// The daily digest for units that chose one instead of an e-mail per errand and per reply.

/** Units whose functional mailbox gets a daily digest. */
export async function listDigestUnits(db: Kysely<DatabaseSchema>) {
  return db
    .selectFrom('unit_setting')
    .select(['unit_hsa_id', 'notification_email', 'last_digest_at'])
    .where('mailbox_notifications', '=', 'daily-digest')
    .where('notification_email', 'is not', null)
    .orderBy('unit_hsa_id')
    .execute();
}

/** Errands that arrived, and citizens' replies still waiting, in (since, until]: counts only. */
export async function countUnitNews(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  since: number,
  until: number,
): Promise<number> {
  const row = await db
    .selectFrom('errand')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('unit_hsa_id', '=', unitHsaId)
    .where((eb) =>
      eb.or([
        eb.and([eb('created_at', '>', since), eb('created_at', '<=', until)]),
        eb.and([eb('citizen_reply_at', '>', since), eb('citizen_reply_at', '<=', until)]),
      ]),
    )
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Where the unit's last digest stopped counting. */
export async function markDigestSent(db: Kysely<DatabaseSchema>, unitHsaId: string, until: number): Promise<void> {
  await db.updateTable('unit_setting').set({ last_digest_at: until }).where('unit_hsa_id', '=', unitHsaId).execute();
}
