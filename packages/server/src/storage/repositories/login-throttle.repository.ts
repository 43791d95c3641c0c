import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, LoginThrottleTable } from '../schema.ts';

export type LoginThrottleRow = Selectable<LoginThrottleTable>;

export async function findLoginThrottles(db: Kysely<DatabaseSchema>, keys: string[]): Promise<LoginThrottleRow[]> {
  if (keys.length === 0) return [];
  return db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
}

/**
 * Counts one more failure in a single statement (parallel attempts cannot lose a count); a
 * counter whose last failure is older than `forgetBefore` starts again at one. Returns the count.
 */
export async function countLoginFailure(
  db: Kysely<DatabaseSchema>,
  key: string,
  now: number,
  forgetBefore: number,
): Promise<number> {
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, locked_until: 0, last_failure_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('login_throttle.last_failure_at', '<', forgetBefore)
          .then(1)
          .else(eb('login_throttle.failures', '+', 1))
          .end(),
        last_failure_at: now,
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function lockLoginThrottle(db: Kysely<DatabaseSchema>, key: string, until: number): Promise<void> {
  await db.updateTable('login_throttle').set({ locked_until: until }).where('key', '=', key).execute();
}

export async function deleteLoginThrottle(db: Kysely<DatabaseSchema>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Counters nobody has failed on for longer than `forgetBefore` allows are gone for good. */
export async function deleteForgottenLoginThrottles(db: Kysely<DatabaseSchema>, forgetBefore: number): Promise<void> {
  await db.deleteFrom('login_throttle').where('last_failure_at', '<', forgetBefore).execute();
}
