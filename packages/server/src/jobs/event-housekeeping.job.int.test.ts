import { describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.ts';
import { createTestDatabase, DIALECTS } from '../testing/test-databases.ts';
import { eventHousekeepingJob } from './event-housekeeping.job.ts';
import { checkResumable } from './scheduler/resumability.test-support.ts';

const NOW = new Date('2026-12-06T09:07:00Z');
const now = NOW.getTime();
const DAY = 86_400_000;
const LOGIN_KEEP_MS = 365 * DAY;
const SECURITY_KEEP_MS = 90 * DAY;

const quiet = () => {};

function loginEvent(id: string, occurredAt: number) {
  return {
    id,
    occurred_at: occurredAt,
    audience: 'citizen' as const,
    method: 'eid' as const,
    result: 'success' as const,
    reason: null,
    municipality_code: '0180',
  };
}

function securityEvent(id: string, at: number) {
  return {
    id,
    at,
    kind: 'staff-errand-refused' as const,
    staff_hsa_id: 'SE-STAFF-1',
    unit_hsa_id: 'SE-UNIT-1',
    subject: null,
    request_id: null,
  };
}

/** Three events of each kind just past the window (gone-…), one just inside it (kept). */
async function seed(database: Database): Promise<void> {
  const gone = ['gone-1', 'gone-2', 'gone-3'];
  await database.db
    .insertInto('login_event')
    .values([
      ...gone.map((id, i) => loginEvent(id, now - LOGIN_KEEP_MS - 1 - i)),
      loginEvent('kept', now - LOGIN_KEEP_MS),
    ])
    .execute();
  await database.db
    .insertInto('security_event')
    .values([
      ...gone.map((id, i) => securityEvent(id, now - SECURITY_KEEP_MS - 1 - i)),
      securityEvent('kept', now - SECURITY_KEEP_MS),
    ])
    .execute();
}

async function remaining(database: Database) {
  return {
    login: (await database.db.selectFrom('login_event').select('id').orderBy('id').execute()).map((r) => r.id),
    security: (await database.db.selectFrom('security_event').select('id').orderBy('id').execute()).map((r) => r.id),
  };
}

describe.each(DIALECTS)('the event-housekeeping job on %s', (dialect) => {
  it('deletes events older than their settings, in batches, and survives being killed at any point', {
    timeout: 120_000,
  }, async () => {
    const { clean, checkpoints } = await checkResumable({
      createDatabase: () => createTestDatabase(dialect),
      seed,
      job: eventHousekeepingJob({
        loginEventsKeepMs: LOGIN_KEEP_MS,
        securityEventsKeepMs: SECURITY_KEEP_MS,
        batchSize: 2,
      }),
      now: NOW,
      snapshot: remaining,
    });
    expect(clean).toEqual({ login: ['kept'], security: ['kept'] });
    expect(checkpoints).toBe(4);
  });

  it('works through a backlog larger than one batch of 1 000', async () => {
    const database = await createTestDatabase(dialect);
    try {
      const old = Array.from({ length: 2_100 }, (_, i) => loginEvent(`old-${i}`, now - LOGIN_KEEP_MS - 1 - i));
      for (let i = 0; i < old.length; i += 500) {
        await database.db
          .insertInto('login_event')
          .values(old.slice(i, i + 500))
          .execute();
      }
      await database.db
        .insertInto('login_event')
        .values(loginEvent('recent', now - DAY))
        .execute();
      let checkpoints = 0;
      const result = await eventHousekeepingJob({
        loginEventsKeepMs: LOGIN_KEEP_MS,
        securityEventsKeepMs: SECURITY_KEEP_MS,
      }).run({
        database,
        now: NOW,
        logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
        signal: new AbortController().signal,
        checkpoint: async () => void checkpoints++,
      });
      expect(result.counts).toEqual({ loginEvents: 2_100, securityEvents: 0 });
      expect(checkpoints).toBe(3 + 1);
      expect((await remaining(database)).login).toEqual(['recent']);
    } finally {
      await database.drop();
    }
  });
});
