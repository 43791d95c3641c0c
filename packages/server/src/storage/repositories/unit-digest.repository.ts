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

/** Units with reply times and a functional mailbox: the ones an overdue notice can reach. */
export async function listUnitsWithReplyTimes(db: Kysely<DatabaseSchema>) {
  return db
    .selectFrom('unit_setting')
    .select(['unit_hsa_id', 'notification_email'])
    .where('notification_email', 'is not', null)
    .where('unit_hsa_id', 'in', (eb) => eb.selectFrom('unit_reply_time').select('unit_hsa_id').distinct())
    .orderBy('unit_hsa_id')
    .execute();
}

/** Errands waiting at the unit that have had no overdue notice for their current wait. */
export async function listUnnoticedWaitingErrands(db: Kysely<DatabaseSchema>, unitHsaId: string) {
  return db
    .selectFrom('errand')
    .select(['id', 'unit_hsa_id', 'errand_type', 'waiting_since'])
    .where('unit_hsa_id', '=', unitHsaId)
    .where('status', 'in', ['new', 'open', 'assigned'])
    .where('waiting_since', 'is not', null)
    .where((eb) =>
      eb.or([eb('overdue_notice_for', 'is', null), eb('overdue_notice_for', '!=', eb.ref('waiting_since'))]),
    )
    .execute();
}

export async function markOverdueNoticed(
  db: Kysely<DatabaseSchema>,
  errands: ReadonlyArray<{ id: string; waiting_since: number | null }>,
): Promise<void> {
  for (const errand of errands) {
    await db
      .updateTable('errand')
      .set({ overdue_notice_for: errand.waiting_since })
      .where('id', '=', errand.id)
      .execute();
  }
}
