import { describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.ts';
import { createTestDatabase, DIALECTS } from '../testing/test-databases.ts';
import { expiredSessionsJob } from './expired-sessions.job.ts';
import { checkResumable } from './scheduler/resumability.test-support.ts';

const NOW = new Date('2026-12-06T09:07:00Z');
const HOUR = 3_600_000;
const IDLE_MS = HOUR;

async function seedSessions(database: Database): Promise<void> {
  const session = (token: string, lastSeenAgo: number, expiresIn: number) => ({
    token_hash: token,
    kind: 'citizen' as const,
    citizen_id: null,
    staff_hsa_id: null,
    unit_hsa_id: null,
    roles: '[]',
    login_method: 'eid',
    csrf_token: `csrf-${token}`,
    created_at: NOW.getTime() - 2 * HOUR,
    last_seen_at: NOW.getTime() - lastSeenAgo,
    expires_at: NOW.getTime() + expiresIn,
  });
  await database.db
    .insertInto('session')
    .values([
      session('active', 5 * 60_000, 10 * HOUR),
      session('idle', IDLE_MS, 10 * HOUR),
      session('past-its-end', 60_000, 0),
      session('nearly-idle', IDLE_MS - 1, 10 * HOUR),
    ])
    .execute();
}

async function tokens(database: Database): Promise<string[]> {
  const rows = await database.db.selectFrom('session').select('token_hash').orderBy('token_hash').execute();
  return rows.map((row) => row.token_hash);
}

describe.each(DIALECTS)('the expired-sessions job on %s', (dialect) => {
  it('deletes sessions past their end or idle too long, and survives being killed at any point', async () => {
    const { clean, checkpoints } = await checkResumable({
      createDatabase: () => createTestDatabase(dialect),
      seed: seedSessions,
      job: expiredSessionsJob({ idleMs: IDLE_MS }),
      now: NOW,
      snapshot: tokens,
    });
    expect(clean).toEqual(['active', 'nearly-idle']);
    expect(checkpoints).toBe(2);
  });
});
