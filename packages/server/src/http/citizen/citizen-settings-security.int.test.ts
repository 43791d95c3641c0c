import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '../../observability/prometheus-metrics.ts';
import { createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { parseMetricsText, sampleValue } from '../../testing/metrics-text.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

const MINUTE = 60_000;
const SMS_PER_MINUTE = 12;

// The hostile tester's findings on the settings page (issue 13): a logged-in script sent 191 SMS
// in ten seconds to new numbers, satellite ones included; anyone holding an old session could
// send a citizen's notifications elsewhere unnoticed; codes were stored as salted hashes.
describe.each(DIALECTS)('notification settings under attack on %s', (dialect) => {
  let f: ErrandFixture;
  let metrics: Metrics;
  let now = Date.UTC(2026, 11, 6, 9, 0);
  const citizens: Record<string, string> = {};

  beforeAll(async () => {
    metrics = createMetrics();
    f = await createErrandFixture(dialect, {
      clock: () => now,
      metrics,
      env: { KONTAKTA_SMS_PER_MINUTE: String(SMS_PER_MINUTE) },
    });
    for (const [key, persona] of Object.entries(f.personas.citizens)) citizens[key] = persona.personnummer;
  });
  afterAll(async () => f.close());

  const login = (persona: string) => f.citizen(citizens[persona] as string);
  const outbox = (template: string) =>
    f.database.db.selectFrom('outbox').selectAll().where('template', '=', template).orderBy('created_at').execute();
  const sentTo = async (recipient: string) =>
    (await outbox('contact-verification')).filter((row) => row.recipient === recipient);
  const problem = (response: LightMyRequestResponse) => ({ status: response.statusCode, code: response.json().code });
  const smsMetric = async (name: string, labels: Record<string, string>) =>
    sampleValue(parseMetricsText((await f.app.inject('/metrics')).body), name, labels) ?? 0;

  it('sends at most three codes per account in 15 minutes, then 429 with Retry-After and nothing sent', async () => {
    const citizen = await login('adult');
    const before = (await outbox('contact-verification')).length;
    const refusedBefore = await smsMetric('kontakta_sms_refused_total', { reason: 'account-limit' });
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) {
      answers.push((await citizen.put('/api/citizen/settings', { mobile: `070-100 00 ${10 + i}` })).statusCode);
    }
    expect(answers.slice(0, 3)).toEqual([200, 200, 200]);
    expect(answers.slice(3).every((status) => status === 429)).toBe(true);
    const refused = await citizen.put('/api/citizen/settings', { mobile: '070-100 00 99' });
    expect(problem(refused)).toEqual({ status: 429, code: 'too-many-requests' });
    expect(Number(refused.headers['retry-after'])).toBe(15 * 60);
    expect(await outbox('contact-verification')).toHaveLength(before + 3);
    // A refused change changes nothing: the number of the last code sent still waits for it.
    expect((await citizen.get('/api/citizen/settings')).json().mobile).toMatchObject({
      address: '+46701000012',
      awaitingCode: true,
    });
    expect(await smsMetric('kontakta_sms_refused_total', { reason: 'account-limit' })).toBe(refusedBefore + 18);
    expect(await smsMetric('kontakta_sms_queued_total', { purpose: 'contact-verification' })).toBeGreaterThanOrEqual(3);

    now += 5 * MINUTE;
    expect(
      Number((await citizen.put('/api/citizen/settings', { mobile: '070-100 00 98' })).headers['retry-after']),
    ).toBe(10 * 60);
    now += 10 * MINUTE;
    const again = await login('adult');
    expect((await again.put('/api/citizen/settings', { mobile: '070-100 00 97' })).statusCode).toBe(200);
  });

  it('refuses numbers it does not text, naming the field: satellite, foreign, landline, machine ranges', async () => {
    const citizen = await login('tolvan');
    const before = (await f.database.db.selectFrom('outbox').select('id').execute()).length;
    const countryBefore = await smsMetric('kontakta_sms_refused_total', { reason: 'country-not-allowed' });
    for (const [mobile, code] of [
      ['+881 6 1234 5678', 'country-not-allowed'],
      ['+882 16 1234 5678', 'country-not-allowed'],
      ['+44 7700 900123', 'country-not-allowed'],
      ['0047 412 34 567', 'country-not-allowed'],
      ['08-123 456 78', 'not-a-mobile-number'],
      ['071-123 45 67', 'not-a-mobile-number'],
      ['077-123 45 67', 'not-a-mobile-number'],
    ]) {
      const response = await citizen.put('/api/citizen/settings', { mobile });
      expect(problem(response), mobile).toEqual({ status: 400, code: 'validation-failed' });
      expect(response.json().errors, mobile).toEqual([expect.objectContaining({ path: 'body.mobile', code })]);
    }
    expect(await f.database.db.selectFrom('outbox').select('id').execute()).toHaveLength(before);
    expect(await smsMetric('kontakta_sms_refused_total', { reason: 'country-not-allowed' })).toBe(countryBefore + 4);
    expect((await citizen.get('/api/citizen/settings')).json().mobile.address).toBeNull();
  });

  it('sends at most three codes to one number in 15 minutes, whichever accounts ask', async () => {
    const victim = '070-200 00 01';
    for (const persona of ['guardian', 'coGuardian', 'singleGuardian']) {
      expect((await (await login(persona)).put('/api/citizen/settings', { mobile: victim })).statusCode).toBe(200);
    }
    const fourth = await (await login('centenarian')).put('/api/citizen/settings', { mobile: victim });
    expect(problem(fourth)).toEqual({ status: 429, code: 'too-many-requests' });
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    expect(await sentTo('+46702000001')).toHaveLength(3);
    expect(await smsMetric('kontakta_sms_refused_total', { reason: 'recipient-limit' })).toBeGreaterThanOrEqual(1);
    // The same per address for e-mail (no installation limit there: e-mail costs nothing per message).
    for (const persona of ['guardian', 'coGuardian', 'singleGuardian']) {
      expect((await (await login(persona)).put('/api/citizen/settings', { email: 'x@example.se' })).statusCode).toBe(
        200,
      );
    }
    expect(
      (await (await login('centenarian')).put('/api/citizen/settings', { email: 'x@example.se' })).statusCode,
    ).toBe(429);
  });

  it('stops every SMS with a code past the installation limit per minute', async () => {
    now += 30 * MINUTE;
    const people = ['adult', 'tolvan', 'guardian', 'coGuardian', 'singleGuardian', 'centenarian', 'withoutMobile'];
    const answers: LightMyRequestResponse[] = [];
    // Three attempts at most per person, so that only the installation's limit can refuse.
    for (let i = 0; answers.length < SMS_PER_MINUTE + 6; i++) {
      const citizen = await login(people[i % people.length] as string);
      answers.push(await citizen.put('/api/citizen/settings', { mobile: `073-300 ${String(i).padStart(2, '0')} 00` }));
      if (i % people.length === people.length - 1) now += 1000;
    }
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(SMS_PER_MINUTE);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) expect(Number(answer.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await smsMetric('kontakta_sms_refused_total', { reason: 'global-limit' })).toBeGreaterThan(0);
    now += 2 * MINUTE;
  });

  it('needs a login within ten minutes to change or clear an address, e-ID or password alike', async () => {
    const citizen = await login('withoutMobile');
    expect((await citizen.put('/api/citizen/settings', { email: 'lars@example.se' })).statusCode).toBe(200);
    now += 11 * MINUTE;
    for (const change of [{ email: 'thief@example.se' }, { email: null }, { mobile: '070-400 00 01' }]) {
      expect(problem(await citizen.put('/api/citizen/settings', change)), JSON.stringify(change)).toEqual({
        status: 403,
        code: 'recent-login-required',
      });
    }
    expect((await citizen.get('/api/citizen/settings')).json().email).toMatchObject({ address: 'lars@example.se' });
    // The language, the same address again, and a new code for the waiting address need no new login.
    expect((await citizen.put('/api/citizen/settings', { language: 'en', email: 'lars@example.se' })).statusCode).toBe(
      200,
    );
    expect((await citizen.post('/api/citizen/settings/resend', { channel: 'email' })).statusCode).toBe(200);

    // A password + SMS session is held to the same ten minutes.
    const fresh = await login('withoutMobile');
    await f.database.db
      .updateTable('session')
      .set({ login_method: 'password-sms' })
      .where('csrf_token', '=', fresh.login.headers['x-csrf-token'] as string)
      .execute();
    expect((await fresh.put('/api/citizen/settings', { email: 'lars.e@example.se' })).statusCode).toBe(200);
    now += 10 * MINUTE + 1;
    expect(problem(await fresh.put('/api/citizen/settings', { email: 'lars@example.se' }))).toEqual({
      status: 403,
      code: 'recent-login-required',
    });
  });

  it('tells a replaced verified address, and only that, that it is no longer used', async () => {
    now += 20 * MINUTE;
    const citizen = await login('protectedGuardian');
    await citizen.put('/api/citizen/settings', { mobile: '070-500 00 01', language: 'sv' });
    const [code] = (await sentTo('+46705000001')).map((row) => JSON.parse(row.parameters).code as string);
    expect((await citizen.post('/api/citizen/settings/verify', { channel: 'mobile', code })).statusCode).toBe(200);
    const before = (await outbox('contact-replaced')).length;

    await citizen.put('/api/citizen/settings', { mobile: '070-500 00 02' });
    const notices = (await outbox('contact-replaced')).slice(before);
    expect(notices).toEqual([
      expect.objectContaining({ channel: 'sms', recipient: '+46705000001', language: 'sv', parameters: '{}' }),
    ]);
    // The unverified number replaced next gets nothing.
    await citizen.put('/api/citizen/settings', { mobile: '070-500 00 03' });
    expect(await outbox('contact-replaced')).toHaveLength(before + 1);
  });

  it('keeps codes only as HMACs with the master key id, and a new code replaces the old', async () => {
    const citizen = await login('mailForwarding');
    await citizen.put('/api/citizen/settings', { email: 'ulf@example.se' });
    const [first] = (await sentTo('ulf@example.se')).map((row) => JSON.parse(row.parameters).code as string);
    const stored = await f.database.db
      .selectFrom('contact_verification')
      .selectAll()
      .where('address', '=', 'ulf@example.se')
      .executeTakeFirstOrThrow();
    expect(stored.code_hash).toMatch(new RegExp(`^${f.keys.currentId}:[0-9a-f]{64}$`));
    expect(stored.code_hash).not.toContain(first);

    expect((await citizen.post('/api/citizen/settings/resend', { channel: 'email' })).statusCode).toBe(200);
    const codes = (await sentTo('ulf@example.se')).map((row) => JSON.parse(row.parameters).code as string);
    expect(codes).toHaveLength(2);
    if (codes[0] !== codes[1]) {
      expect(
        (await citizen.post('/api/citizen/settings/verify', { channel: 'email', code: codes[0] })).statusCode,
      ).toBe(401);
    }
    expect(
      (await citizen.post('/api/citizen/settings/verify', { channel: 'email', code: codes[1] })).json().email,
    ).toMatchObject({ verified: true });
    // Nothing waits any more: no code to send.
    expect(problem(await citizen.post('/api/citizen/settings/resend', { channel: 'email' }))).toEqual({
      status: 409,
      code: 'conflict',
    });
    expect((await citizen.post('/api/citizen/settings/resend', { channel: 'fax' })).statusCode).toBe(400);
    const anonymous = await f.app.inject({
      method: 'POST',
      url: '/api/citizen/settings/resend',
      payload: { channel: 'email' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
