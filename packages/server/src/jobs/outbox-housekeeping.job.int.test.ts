import { describe, expect, it } from 'vitest';
import { getCitizenStoppedChannels } from '../notifications/delivery-status.ts';
import type { Database } from '../storage/database.ts';
import type { OutboxChannel, OutboxStatus } from '../storage/schema.ts';
import { createTestDatabase, DIALECTS } from '../testing/test-databases.ts';
import { outboxHousekeepingJob } from './outbox-housekeeping.job.ts';
import { checkResumable } from './scheduler/resumability.test-support.ts';

const NOW = new Date('2026-12-06T09:07:00Z');
const now = NOW.getTime();
const DAY = 86_400_000;
const KEEP_MS = 30 * DAY;
/** Final before this goes; at it or after, stays. */
const CUTOFF = now - KEEP_MS;
const CITIZENS = ['citizen-a', 'citizen-b', 'citizen-c'];

const quiet = () => {};
const context = (database: Database, checkpoint = async () => {}) => ({
  database,
  now: NOW,
  logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  signal: new AbortController().signal,
  checkpoint,
});

type Row = {
  id: string;
  status: OutboxStatus;
  /** When it became final (`next_attempt_at`). */
  at: number;
  created?: number;
  channel?: OutboxChannel;
  citizen?: string | null;
  recipient?: string;
};

function outboxRow(row: Row) {
  const created = row.created ?? row.at - 60_000;
  return {
    id: row.id,
    channel: row.channel ?? 'email',
    template: 'errand-answered',
    recipient: row.recipient ?? 'a@example.se',
    language: 'sv' as const,
    parameters: '{}',
    status: row.status,
    attempts: 1,
    next_attempt_at: row.at,
    last_error: null,
    created_at: created,
    delivered_at: row.status === 'sent' ? row.at : null,
    citizen_id: row.citizen === undefined ? 'citizen-a' : row.citizen,
    errand_id: null,
    claimed_by: null,
    last_attempt_at: created,
    provider_reference: null,
  };
}

async function insertRows(database: Database, rows: Row[]): Promise<void> {
  await database.db
    .insertInto('citizen')
    .values(
      CITIZENS.map((id, i) => ({
        id,
        personnummer: `19800101000${i}`,
        given_name: 'Test',
        family_name: 'Person',
        created_at: now - 400 * DAY,
        last_login_at: null,
      })),
    )
    .execute();
  for (let i = 0; i < rows.length; i += 500) {
    await database.db
      .insertInto('outbox')
      .values(rows.slice(i, i + 500).map(outboxRow))
      .execute();
  }
}

const OLD = CUTOFF - DAY;
const YOUNG = CUTOFF + DAY;

/** Named `gone-…` when the job must delete them, `kept-…` when not. */
const ROWS: Row[] = [
  // The window, on both sides, for each final status.
  { id: 'gone-dead', status: 'dead', at: CUTOFF - 1, citizen: null },
  { id: 'kept-dead', status: 'dead', at: CUTOFF, citizen: null },
  { id: 'gone-expired', status: 'expired', at: CUTOFF - 1, channel: 'sms', recipient: '+46701234567' },
  { id: 'kept-expired', status: 'expired', at: CUTOFF, channel: 'sms', recipient: '+46701234567' },
  { id: 'gone-sent', status: 'sent', at: CUTOFF - 1, recipient: 'other@example.se' },
  { id: 'kept-sent', status: 'sent', at: CUTOFF, recipient: 'another@example.se' },
  { id: 'gone-letter-bounced', status: 'bounced', at: OLD, channel: 'letter', recipient: 'citizen-a' },
  { id: 'gone-bounced-no-citizen', status: 'bounced', at: OLD, citizen: null },
  // Still to be delivered, however old: never touched.
  { id: 'kept-pending', status: 'pending', at: OLD - DAY },
  { id: 'kept-failed', status: 'failed', at: OLD - DAY },
  { id: 'kept-sending', status: 'sending', at: OLD - DAY },
  // Citizen A's e-mail: a bounce, then a delivery: nothing to show, both go.
  { id: 'gone-a-email-bounce', status: 'bounced', at: OLD, created: OLD - 10 * DAY },
  { id: 'gone-a-email-sent', status: 'sent', at: OLD - 5 * DAY, created: OLD - 9 * DAY },
  // Citizen A's mobile: a delivery, then a bounce: "stopped working" is shown, so the bounce stays.
  { id: 'gone-a-sms-sent', status: 'sent', at: OLD - 3, created: OLD - 3, channel: 'sms', recipient: '+46700000001' },
  {
    id: 'kept-a-sms-bounce',
    status: 'bounced',
    at: OLD - 2,
    created: OLD - 2,
    channel: 'sms',
    recipient: '+46700000001',
  },
  // Citizen B's e-mail: two bounces; the latest stays.
  { id: 'gone-b-email-bounce-1', status: 'bounced', at: OLD, created: OLD, citizen: 'citizen-b' },
  { id: 'kept-b-email-bounce-2', status: 'bounced', at: OLD - 1, created: OLD + 1, citizen: 'citizen-b' },
  // Citizen B's mobile: an old bounce, then a recent delivery (kept by its age) that decides.
  {
    id: 'gone-b-sms-bounce',
    status: 'bounced',
    at: OLD,
    citizen: 'citizen-b',
    channel: 'sms',
    recipient: '+46700000002',
  },
  {
    id: 'kept-b-sms-sent',
    status: 'sent',
    at: YOUNG,
    created: YOUNG,
    citizen: 'citizen-b',
    channel: 'sms',
    recipient: '+46700000002',
  },
  // Citizen C's e-mail: a recent bounce (kept by its age) created before an old delivery; the
  // delivery is the latest, and deleting it would make the bounce show: it waits.
  { id: 'kept-c-email-bounce', status: 'bounced', at: YOUNG, created: OLD - 20 * DAY, citizen: 'citizen-c' },
  { id: 'kept-c-email-sent', status: 'sent', at: OLD, created: OLD - 19 * DAY, citizen: 'citizen-c' },
];

async function remaining(database: Database): Promise<string[]> {
  const rows = await database.db.selectFrom('outbox').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}

async function stoppedChannels(database: Database) {
  return Promise.all(CITIZENS.map((citizen) => getCitizenStoppedChannels(database.db, citizen)));
}

describe.each(DIALECTS)('the outbox-housekeeping job on %s', (dialect) => {
  it('deletes messages final for longer than the setting, keeps the rest, and survives being killed at any point', {
    timeout: 240_000,
  }, async () => {
    const { clean } = await checkResumable({
      createDatabase: () => createTestDatabase(dialect),
      seed: (database) => insertRows(database, ROWS),
      job: outboxHousekeepingJob({ keepMs: KEEP_MS, batchSize: 2 }),
      now: NOW,
      snapshot: remaining,
    });
    expect(clean).toEqual(
      ROWS.map((row) => row.id)
        .filter((id) => id.startsWith('kept-'))
        .sort(),
    );
  });

  it('never changes which of a citizen’s addresses their settings say stopped working', async () => {
    const database = await createTestDatabase(dialect);
    try {
      await insertRows(database, ROWS);
      const before = await stoppedChannels(database);
      expect(before.flat().map((stopped) => stopped.recipient)).toEqual(['+46700000001', 'a@example.se']);
      const result = await outboxHousekeepingJob({ keepMs: KEEP_MS, batchSize: 3 }).run(context(database));
      expect(result.counts).toEqual({ dead: 1, expired: 1, bounced: 5, sent: 3 });
      expect(await stoppedChannels(database)).toEqual(before);
    } finally {
      await database.drop();
    }
  });

  it('pages past rows it keeps, and works through a backlog larger than one batch of 1 000', async () => {
    const database = await createTestDatabase(dialect);
    try {
      // 1 200 latest bounces (kept) come first in the index, 1 500 deletable after them.
      const kept: Row[] = Array.from({ length: 1_200 }, (_, i) => ({
        id: `kept-${i}`,
        status: 'bounced',
        at: OLD - 10_000 + i,
        recipient: `kept-${i}@example.se`,
      }));
      const gone: Row[] = Array.from({ length: 1_500 }, (_, i) => ({
        id: `gone-${i}`,
        status: 'bounced',
        at: OLD + i,
        channel: 'letter',
        recipient: 'citizen-a',
      }));
      await insertRows(database, [...kept, ...gone]);
      let checkpoints = 0;
      const result = await outboxHousekeepingJob({ keepMs: KEEP_MS }).run(
        context(database, async () => void checkpoints++),
      );
      expect(result.counts).toEqual({ dead: 0, expired: 0, bounced: 1_500, sent: 0 });
      // dead, expired, sent: one page each; bounced: 2 700 rows, three pages.
      expect(checkpoints).toBe(3 + 3);
      expect(await database.db.selectFrom('outbox').select('id').execute()).toHaveLength(1_200);
    } finally {
      await database.drop();
    }
  });
});
