import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeLetterPassword } from '../identity/letter-password.ts';
import { hashPassword } from '../identity/password-hashing.ts';
import { createOutboxWorker, type WorkerLogger } from '../jobs/outbox-worker.ts';
import type { Deliver } from '../notifications/notification.types.ts';
import { enqueueOutboxMessage } from '../storage/repositories/outbox.repository.ts';
import { createErrandFixture, type ErrandFixture, prescriptionAnswers } from '../testing/errand-fixture.ts';
import { injectedBrowser } from '../testing/injected-browser.ts';
import { parseMetricsText, type Sample, sampleValue } from '../testing/metrics-text.ts';
import { DIALECTS } from '../testing/test-databases.ts';
import { createMetrics, type Metrics } from './prometheus-metrics.ts';

const MINUTE = 60_000;
const PASSWORD = 'K7QM-X3TR-PW9A-BC4D';
const MOBILE = '+46701740698';
const REFUSED_MOBILE = '+46700000000';

const silent = Object.fromEntries(
  ['debug', 'info', 'warn', 'error'].map((level) => [level, () => {}]),
) as unknown as WorkerLogger;

// What an operator reads at /metrics after real work: logins, errands, the outbox worker with a
// channel that fails and one that works, and the database underneath, on both databases.
describe.each(DIALECTS)('the operator metrics on %s', (dialect) => {
  let f: ErrandFixture;
  let metrics: Metrics;
  let now = Date.now();
  let errandId: string;
  let citizenPersonnummer: string;

  beforeAll(async () => {
    metrics = createMetrics();
    f = await createErrandFixture(dialect, {
      clock: () => now,
      metrics,
      // As the server opens it: on SQLite, commits share fsyncs that the metrics time.
      open: { groupCommit: true, onGroupCommitSync: metrics.telemetry.groupCommitSynced },
    });
    citizenPersonnummer = f.personas.citizens.adult.personnummer;
  });
  afterAll(async () => f?.close());

  async function scrape(): Promise<Sample[]> {
    const response = await f.app.inject('/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const samples = parseMetricsText(response.body);
    // Labels are closed sets: no personnummer, phone number or id ever reaches them. (Values are
    // numbers, where a phone number's digits could turn up by chance, so only labels are searched.)
    const labelText = JSON.stringify(samples.map((sample) => sample.labels));
    for (const secret of [citizenPersonnummer, MOBILE.slice(3), REFUSED_MOBILE.slice(3), f.unit, errandId]) {
      if (secret) expect(labelText).not.toContain(secret);
    }
    return samples;
  }

  it('counts password logins by method and result', async () => {
    await f.citizen(citizenPersonnummer);
    const { id: citizenId } = await f.database.db
      .selectFrom('citizen')
      .select('id')
      .where('personnummer', '=', citizenPersonnummer)
      .executeTakeFirstOrThrow();
    await f.database.db
      .insertInto('password_credential')
      .values({
        id: randomUUID(),
        citizen_id: citizenId,
        password_hash: await hashPassword(normalizeLetterPassword(PASSWORD)),
        mobile: MOBILE,
        status: 'active',
        terms_accepted_at: now,
        created_at: now,
        activated_at: now,
      })
      .execute();
    const browser = injectedBrowser(f.app, '10.0.0.1');
    const step1 = await browser.post('/api/auth/password', { personnummer: citizenPersonnummer, password: PASSWORD });
    expect(step1.statusCode).toBe(200);
    const sms = await f.database.db
      .selectFrom('outbox')
      .select('parameters')
      .where('template', '=', 'login-code')
      .executeTakeFirstOrThrow();
    const step2 = await browser.post('/api/auth/password/code', { code: JSON.parse(sms.parameters).code });
    expect(step2.statusCode).toBe(200);
    const wrong = await injectedBrowser(f.app, '10.0.0.2').post('/api/auth/password', {
      personnummer: citizenPersonnummer,
      password: 'WRONG-PASS',
    });
    expect(wrong.statusCode).toBe(401);

    const samples = await scrape();
    const logins = (result: string) =>
      sampleValue(samples, 'kontakta_logins_total', { audience: 'citizen', method: 'password-sms', result });
    expect(logins('success')).toBe(1);
    expect(logins('failed')).toBe(1);
    expect(
      sampleValue(samples, 'kontakta_logins_total', { audience: 'citizen', method: 'eid', result: 'success' }),
    ).toBeUndefined();
  });

  it('counts errand transitions by event and base errand type', async () => {
    const citizen = await f.citizen(citizenPersonnummer);
    const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    const sent = await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: form.formVersionId,
      answers: prescriptionAnswers(),
    });
    expect(sent.statusCode).toBe(201);
    errandId = sent.json().id;
    // The unit's first look opens it; assigning it is a second transition.
    expect((await receiver.get(`/api/staff/errands/${errandId}`)).statusCode).toBe(200);
    const assigned = await receiver.post(`/api/staff/errands/${errandId}/assign`, {
      caregiverHsaId: f.personas.staff.doctor.hsaId,
    });
    expect(assigned.statusCode).toBe(204);

    const samples = await scrape();
    const transitions = (event: string) =>
      sampleValue(samples, 'kontakta_errand_transitions_total', { event, errand_type: 'renew-prescription' });
    expect(transitions('sent')).toBe(1);
    expect(transitions('opened')).toBe(1);
    expect(transitions('assigned')).toBe(1);
    expect(transitions('answered')).toBeUndefined();
  });

  it('shows delivery outcomes, the queue, its oldest message, and dead and bounced messages per channel', async () => {
    // Besides the login code and the unit's "new errand" e-mail queued above: two more SMS.
    const sms = (recipient: string) =>
      enqueueOutboxMessage(
        f.database.db,
        { channel: 'sms', template: 'new-message', recipient, language: 'sv', citizen_id: null, errand_id: null },
        now,
      );
    await sms(MOBILE);
    await sms(REFUSED_MOBILE);
    // E-mail works; the SMS gateway is down, and refuses one number.
    const deliver: Deliver = async (message) =>
      message.channel === 'email'
        ? { outcome: 'sent', reference: 'smtp-250' }
        : message.recipient === REFUSED_MOBILE
          ? { outcome: 'bounced', reason: 'SMS gateway refused the number (HTTP 400)' }
          : { outcome: 'retry', reason: 'SMS gateway answered HTTP 503' };
    const worker = createOutboxWorker({
      db: f.database.db,
      deliver,
      logger: silent,
      maxAttempts: 2,
      pollMs: 1000,
      clock: () => now,
      random: () => 1,
      telemetry: metrics.telemetry,
    });

    expect(await worker.runOnce()).toMatchObject({ sent: 1, retrying: 2, bounced: 1 });
    let samples = await scrape();
    const value = (name: string, labels: Record<string, string>) => sampleValue(samples, name, labels);
    expect(value('kontakta_outbox_queued_messages', { channel: 'sms' })).toBe(2);
    expect(value('kontakta_outbox_queued_messages', { channel: 'email' })).toBe(0);
    expect(value('kontakta_outbox_bounced_messages', { channel: 'sms' })).toBe(1);

    // Six minutes on: the login code is past its lifetime, the other SMS has used its attempts.
    now += 6 * MINUTE;
    expect(await worker.runOnce()).toMatchObject({ expired: 1, dead: 1 });
    // An e-mail that has waited a minute and a half, for the age of the queue.
    await enqueueOutboxMessage(
      f.database.db,
      {
        channel: 'email',
        template: 'new-message',
        recipient: 'anna@example.se',
        language: 'sv',
        citizen_id: null,
        errand_id: null,
      },
      now - 90_000,
    );

    samples = await scrape();
    const delivered = (channel: string, outcome: string) =>
      value('kontakta_outbox_deliveries_total', { channel, outcome });
    expect(delivered('email', 'sent')).toBe(1);
    expect(delivered('sms', 'retrying')).toBe(2);
    expect(delivered('sms', 'bounced')).toBe(1);
    expect(delivered('sms', 'expired')).toBe(1);
    expect(delivered('sms', 'dead')).toBe(1);
    expect(delivered('sms', 'sent')).toBe(0);
    expect(delivered('letter', 'dead')).toBe(0);

    expect(value('kontakta_outbox_queued_messages', { channel: 'email' })).toBe(1);
    expect(value('kontakta_outbox_queued_messages', { channel: 'sms' })).toBe(0);
    expect(value('kontakta_outbox_queued_messages', { channel: 'letter' })).toBe(0);
    expect(value('kontakta_outbox_oldest_queued_age_seconds', { channel: 'email' })).toBe(90);
    expect(value('kontakta_outbox_oldest_queued_age_seconds', { channel: 'sms' })).toBe(0);
    // The expired login code is not among the dead an operator would send again.
    expect(value('kontakta_outbox_dead_messages', { channel: 'sms' })).toBe(1);
    expect(value('kontakta_outbox_dead_messages', { channel: 'email' })).toBe(0);
    expect(value('kontakta_outbox_bounced_messages', { channel: 'sms' })).toBe(1);
  });

  it("shows the database's own state: the pool on PostgreSQL, the WAL and group commit on SQLite", async () => {
    const samples = await scrape();
    const value = (name: string) => sampleValue(samples, name);
    if (dialect === 'postgres') {
      expect(value('kontakta_postgres_pool_max_clients')).toBe(5);
      expect(value('kontakta_postgres_pool_clients')).toBeGreaterThanOrEqual(1);
      expect(value('kontakta_postgres_pool_clients')).toBeLessThanOrEqual(5);
      expect(value('kontakta_postgres_pool_idle_clients')).toBeLessThanOrEqual(
        value('kontakta_postgres_pool_clients') as number,
      );
      expect(value('kontakta_postgres_pool_waiting_clients')).toBe(0);
      expect(value('kontakta_sqlite_wal_bytes')).toBeUndefined();
      expect(value('kontakta_group_commit_fsync_seconds_count')).toBe(0);
    } else {
      expect(value('kontakta_sqlite_wal_bytes')).toBeGreaterThan(0);
      const fsyncs = value('kontakta_group_commit_fsync_seconds_count') as number;
      expect(fsyncs).toBeGreaterThan(0);
      expect(value('kontakta_group_commit_batch_commits_count')).toBe(fsyncs);
      // Every commit above was made durable by some fsync: at least one commit per fsync.
      expect(value('kontakta_group_commit_batch_commits_sum')).toBeGreaterThanOrEqual(fsyncs);
      expect(value('kontakta_postgres_pool_clients')).toBeUndefined();
    }
    expect(
      sampleValue(samples, 'kontakta_http_request_duration_seconds_count', {
        route: '/api/staff/errands/:id/assign',
        method: 'POST',
        status: '204',
      }),
    ).toBe(1);
  });
});
