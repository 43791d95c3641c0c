import { sql } from 'kysely';
import type { Database } from '../../storage/database.ts';
import { recordAccess } from './record-access.ts';

// For tests of pruning: chains with entries of chosen ages, written as the application writes them.

export const NOW = new Date('2026-12-06T09:00:00Z');
const DAY = 86_400_000;

/** Entries of one unit, oldest first, each `ageDays` before NOW. */
export async function writeAccesses(database: Database, unitHsaId: string, ageDays: readonly number[]): Promise<void> {
  for (const [i, age] of ageDays.entries()) {
    await recordAccess(
      database.db,
      database.dialect,
      [
        {
          unitHsaId,
          errandId: `errand-${i % 3}`,
          citizenId: `citizen-${i % 2}`,
          staffHsaId: 'SE-STAFF-1',
          role: 'receiver',
          action: 'read',
        },
      ],
      NOW.getTime() - age * DAY,
    );
  }
}

/**
 * Two units. A: entries 1–5 eight years old, 6–7 six years old, 8 four years old, 9 yesterday, so
 * a 5-year keep period prunes 1–7. B: two entries, both recent: nothing to prune.
 */
export async function seedChains(database: Database): Promise<void> {
  const years = (n: number) => n * 366;
  await writeAccesses(database, 'SE-UNIT-A', [...Array(5).fill(years(8)), years(6), years(6), years(4), 1]);
  await writeAccesses(database, 'SE-UNIT-B', [30, 1]);
}

/** What a pruning is judged by: the remaining positions per unit and the anchors (hashes vary: ids are random). */
export async function chainState(database: Database) {
  const rows = await database.db
    .selectFrom('access_log')
    .select(['unit_hsa_id', 'position'])
    .orderBy('unit_hsa_id')
    .orderBy('position')
    .execute();
  const anchors = await database.db
    .selectFrom('access_log_anchor')
    .select(['unit_hsa_id', 'position', 'last_at'])
    .orderBy('unit_hsa_id')
    .execute();
  return { rows: rows.map((r) => `${r.unit_hsa_id}:${r.position}`), anchors };
}

/** The anchor's own triggers (migration 2026-12-06-10), dropped by an attacker with schema rights. */
export async function dropAnchorGuard(database: Database): Promise<void> {
  if (database.dialect === 'postgres') {
    await sql`DROP TRIGGER access_log_anchor_checked ON access_log_anchor`.execute(database.db);
    await sql`DROP TRIGGER access_log_after_anchor ON access_log`.execute(database.db);
    return;
  }
  for (const trigger of [
    'access_log_anchor_checked_update',
    'access_log_anchor_no_delete',
    'access_log_after_anchor',
  ]) {
    await sql.raw(`DROP TRIGGER ${trigger}`).execute(database.db);
  }
}
