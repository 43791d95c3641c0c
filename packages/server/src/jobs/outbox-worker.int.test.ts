import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deliver, DeliveryResult, OutgoingMessage } from '../notifications/notification.types.ts';
import { noTelemetry } from '../observability/telemetry.ts';
import { enqueueOutboxMessage, type NewOutboxMessage } from '../storage/repositories/outbox.repository.ts';
import { claimDueOutboxMessages, markOutboxMessageSent } from '../storage/repositories/outbox-delivery.repository.ts';
import {
  listOutboxMessagesByStatus,
  RETRYABLE_STATUSES,
  requeueOutboxMessages,
} from '../storage/repositories/outbox-operations.repository.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';
import { createOutboxWorker, type OutboxWorkerOptions, type WorkerLogger } from './outbox-worker.ts';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const MINUTE = 60_000;

describe.each(DIALECTS)('the outbox worker on %s', (dialect) => {
  let database: TestDatabase;
  let now: number;
  let delivered: OutgoingMessage[];
  let answers: Map<string, DeliveryResult[]>;
  let logLines: Array<{ level: string; fields: unknown; line: string }>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });
  beforeEach(async () => {
    await database.db.deleteFrom('outbox').execute();
    now = T0;
    delivered = [];
    answers = new Map();
    logLines = [];
  });

  /** A transport that answers each message's attempts from `answers` (default: sent). */
  const fakeDeliver: Deliver = async (message) => {
    delivered.push(message);
    return answers.get(message.template)?.shift() ?? { outcome: 'sent', reference: `ref-${message.id}` };
  };

  const logger = Object.fromEntries(
    ['debug', 'info', 'warn', 'error'].map((level) => [
      level,
      (fields: unknown, line: string) => logLines.push({ level, fields, line }),
    ]),
  ) as unknown as WorkerLogger;

  function worker(overrides: Partial<OutboxWorkerOptions> = {}) {
    return createOutboxWorker({
      db: database.db,
      deliver: fakeDeliver,
      logger,
      maxAttempts: 3,
      pollMs: 1000,
      clock: () => now,
      random: () => 1,
      ...overrides,
    });
  }

  function enqueue(overrides: Partial<NewOutboxMessage> = {}, at = now) {
    return enqueueOutboxMessage(
      database.db,
      {
        channel: 'sms',
        template: 'new-message',
        recipient: '+46701234567',
        language: 'sv',
        citizen_id: null,
        errand_id: null,
        ...overrides,
      },
      at,
    );
  }

  const row = (id: string) =>
    database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('delivers due messages once and records when and with what reference', async () => {
    const id = await enqueue({ parameters: { code: '123456' }, template: 'login-code' });
    const summary = await worker().runOnce();
    expect(summary).toMatchObject({ claimed: 1, sent: 1 });
    expect(delivered).toEqual([
      {
        id,
        channel: 'sms',
        template: 'login-code',
        recipient: '+46701234567',
        language: 'sv',
        parameters: { code: '123456' },
      },
    ]);
    expect(await row(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      delivered_at: T0,
      last_attempt_at: T0,
      provider_reference: `ref-${id}`,
      claimed_by: null,
      // The login code does not stay in the database once it has been sent.
      parameters: '{}',
    });
    expect((await worker().runOnce()).claimed).toBe(0);
    expect(delivered).toHaveLength(1);
  });

  it('leaves messages that are not due yet', async () => {
    await enqueue({}, T0 + MINUTE);
    expect((await worker().runOnce()).claimed).toBe(0);
    now = T0 + MINUTE;
    expect((await worker().runOnce()).sent).toBe(1);
  });

  it('retries with growing pauses and marks the message dead after the last attempt', async () => {
    const failure = { outcome: 'retry', reason: 'SMS gateway answered HTTP 503' } as const;
    answers.set('new-message', [failure, failure, failure]);
    const id = await enqueue();
    const w = worker();

    expect(await w.runOnce()).toMatchObject({ retrying: 1 });
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: T0 + 30_000 });
    now = T0 + 29_999;
    expect((await w.runOnce()).claimed).toBe(0);

    now = T0 + 30_000;
    expect(await w.runOnce()).toMatchObject({ retrying: 1 });
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 2, next_attempt_at: now + 60_000 });

    now += 60_000;
    expect(await w.runOnce()).toMatchObject({ dead: 1 });
    expect(await row(id)).toMatchObject({
      status: 'dead',
      attempts: 3,
      last_error: 'SMS gateway answered HTTP 503',
      delivered_at: null,
    });
    now += 24 * 60 * MINUTE;
    expect((await w.runOnce()).claimed).toBe(0);
    expect(delivered).toHaveLength(3);
    expect(logLines.find((l) => l.level === 'error')?.line).toMatch(/dead/);
  });

  it('marks a refused recipient bounced at once, without retrying', async () => {
    answers.set('new-message', [{ outcome: 'bounced', reason: 'SMS gateway refused the number (HTTP 400)' }]);
    const id = await enqueue();
    expect(await worker().runOnce()).toMatchObject({ bounced: 1 });
    expect(await row(id)).toMatchObject({ status: 'bounced', attempts: 1, last_attempt_at: T0 });
    now += 24 * 60 * MINUTE;
    expect((await worker().runOnce()).claimed).toBe(0);
  });

  it('marks a message that can never be sent dead at once', async () => {
    answers.set('new-message', [{ outcome: 'undeliverable', reason: 'no template "x"' }]);
    const id = await enqueue();
    expect(await worker().runOnce()).toMatchObject({ dead: 1 });
    expect(await row(id)).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('does not send a login code past its five minutes: expired, not dead, and not for the operator to retry', async () => {
    const stale = await enqueue({ template: 'login-code', parameters: { code: '123456' } }, T0 - 5 * MINUTE);
    const fresh = await enqueue({ template: 'login-code', parameters: { code: '654321' } }, T0 - 5 * MINUTE + 1);
    const outcomes: string[] = [];
    const telemetry = { ...noTelemetry, outboxDelivery: (d: { outcome: string }) => outcomes.push(d.outcome) };

    expect(await worker({ telemetry }).runOnce()).toMatchObject({ claimed: 2, sent: 1, expired: 1, dead: 0 });
    expect(delivered.map((m) => m.id)).toEqual([fresh]);
    expect(outcomes.sort()).toEqual(['expired', 'sent']);
    expect(await row(stale)).toMatchObject({
      status: 'expired',
      attempts: 1,
      delivered_at: null,
      claimed_by: null,
      // The code is of no use any more and does not stay in the database.
      parameters: '{}',
    });
    expect((await row(stale)).last_error).toMatch(/lifetime/);

    now += 24 * 60 * MINUTE;
    expect((await worker().runOnce()).claimed).toBe(0);
    // `kontakta outbox` lists what can be sent again; an expired code is not among them.
    const undelivered = await listOutboxMessagesByStatus(database.db, RETRYABLE_STATUSES, 100);
    expect(undelivered.map((r) => r.id)).not.toContain(stale);
    expect(await requeueOutboxMessages(database.db, { status: 'dead' }, now)).toBe(0);
    expect(await requeueOutboxMessages(database.db, { id: stale }, now)).toBe(0);
    expect((await row(stale)).status).toBe('expired');
  });

  it('gives up a failing login code once its next retry would come after the code has expired', async () => {
    const failure = { outcome: 'retry', reason: 'SMS gateway answered HTTP 503' } as const;
    answers.set(
      'login-code',
      Array.from({ length: 10 }, () => failure),
    );
    answers.set(
      'new-message',
      Array.from({ length: 10 }, () => failure),
    );
    const code = await enqueue({ template: 'login-code', parameters: { code: '123456' } });
    const other = await enqueue({ template: 'new-message' });
    const w = worker({ maxAttempts: 10 });

    // Attempts at 0, 30 s and 1.5 min fail with retries due at 30 s, 1.5 and 3.5 min: within the five.
    for (const at of [0, 30_000, 90_000]) {
      now = T0 + at;
      expect(await w.runOnce()).toMatchObject({ retrying: 2, expired: 0 });
    }
    expect(await row(code)).toMatchObject({ status: 'failed', next_attempt_at: T0 + 210_000 });
    // The fourth failure would wait 4 minutes more, to 7.5: the code is given up, the other is not.
    now = T0 + 210_000;
    expect(await w.runOnce()).toMatchObject({ retrying: 1, expired: 1, dead: 0 });
    expect(await row(code)).toMatchObject({ status: 'expired', attempts: 4, parameters: '{}' });
    expect(await row(other)).toMatchObject({ status: 'failed', attempts: 4, next_attempt_at: T0 + 450_000 });
    now = T0 + 450_000;
    expect(await w.runOnce()).toMatchObject({ claimed: 1 });
    expect(delivered.filter((m) => m.id === code)).toHaveLength(4);
  });

  it('treats a transport that throws as a failed attempt, keeping the recipient out of the stored error', async () => {
    const id = await enqueue({ recipient: 'anna@example.se', channel: 'email' });
    const throwing = worker({
      deliver: async (message) => {
        throw new Error(`socket closed while talking about ${message.recipient}`);
      },
    });
    expect(await throwing.runOnce()).toMatchObject({ retrying: 1 });
    const stored = await row(id);
    expect(stored.status).toBe('failed');
    expect(stored.last_error).toBe('unexpected Error: socket closed while talking about a***@e***.se');
  });

  it('gives a crashed worker’s messages to another once the lease has run out, and ignores the late one', async () => {
    const id = await enqueue();
    // A worker claims the row and dies before recording anything.
    const claimed = await claimDueOutboxMessages(database.db, {
      claimant: 'crashed/1',
      now,
      leaseMs: 5 * MINUTE,
      limit: 10,
    });
    expect(claimed.map((r) => r.id)).toEqual([id]);

    const survivor = worker({ leaseMs: 5 * MINUTE });
    now = T0 + 5 * MINUTE - 1;
    expect((await survivor.runOnce()).claimed).toBe(0);
    now = T0 + 5 * MINUTE;
    expect(await survivor.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });

    // The crashed worker comes back to life: its outcome no longer counts.
    expect(await markOutboxMessageSent(database.db, id, 'crashed/1', { now, providerReference: 'late' })).toBe(false);
    expect((await row(id)).provider_reference).toBe(`ref-${id}`);
  });

  it('marks a message dead when its last attempt was interrupted', async () => {
    const id = await enqueue();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await claimDueOutboxMessages(database.db, { claimant: `crashed/${attempt}`, now, leaseMs: MINUTE, limit: 10 });
      now += MINUTE;
    }
    expect(await worker().runOnce()).toMatchObject({ dead: 1 });
    expect(delivered).toHaveLength(0);
    expect(await row(id)).toMatchObject({ status: 'dead', attempts: 4 });
  });

  it('delivers a batch, and keeps delivering while batches come back full', async () => {
    for (let i = 0; i < 7; i++) await enqueue();
    const w = worker({ batchSize: 3 });
    expect((await w.runOnce()).sent).toBe(3);
    expect((await w.runOnce()).sent).toBe(3);
    expect((await w.runOnce()).sent).toBe(1);
  });

  it('runs by itself once started, and stops', async () => {
    const w = worker({ clock: Date.now, pollMs: 20 });
    w.start();
    await enqueue({}, Date.now());
    await expect.poll(() => delivered.length, { timeout: 5000 }).toBe(1);
    await w.stop();
    await enqueue({}, Date.now());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delivered).toHaveLength(1);
  });

  it('shares one run between overlapping calls (a single runner per worker)', async () => {
    for (let i = 0; i < 4; i++) await enqueue();
    const w = worker();
    const [a, b] = await Promise.all([w.runOnce(), w.runOnce()]);
    expect(a).toBe(b);
    expect(delivered).toHaveLength(4);
  });

  it('never logs the recipient', async () => {
    answers.set('new-message', [{ outcome: 'retry', reason: 'SMS gateway answered HTTP 503' }]);
    await enqueue({ recipient: '+46709876543' });
    await worker().runOnce();
    expect(logLines.length).toBeGreaterThan(0);
    expect(JSON.stringify(logLines)).not.toContain('709876543');
  });
});
