import { type Kysely, PostgresAdapter } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

/**
 * Counts one more message under `key` in a fixed window of `windowMs` and returns the count and
 * when the window began. One statement, so parallel requests cannot both see room for one more;
 * on PostgreSQL the row stays locked until the transaction ends, so a refused (rolled back)
 * message gives its count back. A window that has passed starts again at one.
 */
export async function countMessage(
  db: Kysely<DatabaseSchema>,
  key: string,
  now: number,
  windowMs: number,
): Promise<{ count: number; windowStart: number }> {
  const row = await db
    .insertInto('message_limit')
    .values({ key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const passed = eb('message_limit.window_start', '<=', now - windowMs);
        return {
          count: eb
            .case()
            .when(passed)
            .then(1)
            .else(eb('message_limit.count', '+', 1))
            .end(),
          window_start: eb.case().when(passed).then(now).else(eb.ref('message_limit.window_start')).end(),
        };
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: row.count, windowStart: row.window_start };
}

/**
 * Deletes up to `limit` counters whose window began before `before` (they can refuse nothing).
 * On PostgreSQL rows a sender holds are skipped, not waited for: run outside a sender's
 * transaction, the clean-up then never takes part in a deadlock.
 */
export async function deletePassedMessageLimits(
  db: Kysely<DatabaseSchema>,
  before: number,
  limit: number,
): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db
    .deleteFrom('message_limit')
    .where('key', 'in', (eb) => {
      const passed = eb.selectFrom('message_limit').select('key').where('window_start', '<', before).limit(limit);
      return postgres ? passed.forUpdate().skipLocked() : passed;
    })
    .execute();
}
