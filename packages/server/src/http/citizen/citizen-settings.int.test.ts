import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

describe.each(DIALECTS)('notification settings on %s', (dialect) => {
  let f: ErrandFixture;
  let citizen: Client;
  let other: Client;
  let now = Date.UTC(2026, 10, 22, 10, 0);

  beforeAll(async () => {
    f = await createErrandFixture(dialect, { clock: () => now });
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    other = await f.citizen(f.personas.citizens.tolvan.personnummer);
  });
  afterAll(async () => f.close());

  const codeSentTo = async (address: string) => {
    const row = await f.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient', '=', address)
      .where('template', '=', 'contact-verification')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return (JSON.parse(row.parameters) as { code: string }).code;
  };

  it('refuses without a login, and another citizen never sees my settings', async () => {
    expect((await f.app.inject('/api/citizen/settings')).statusCode).toBe(401);
    await citizen.put('/api/citizen/settings', { email: 'karl@example.se' });
    const theirs = (await other.get('/api/citizen/settings')).json();
    expect(theirs.email.address).toBeNull();
  });

  it('a new e-mail address is used only after the code sent to it comes back', async () => {
    const changed = await citizen.put('/api/citizen/settings', { email: ' Karl@Example.se ', language: 'en' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      email: { address: 'karl@example.se', verified: false, awaitingCode: true },
      language: 'en',
    });
    const code = await codeSentTo('karl@example.se');
    expect(code).toMatch(/^\d{6}$/);

    const wrong = await citizen.post('/api/citizen/settings/verify', {
      channel: 'email',
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid-code');
    const right = await citizen.post('/api/citizen/settings/verify', { channel: 'email', code });
    expect(right.statusCode).toBe(200);
    expect(right.json().email).toMatchObject({ verified: true, awaitingCode: false });
    // A code works once.
    expect((await citizen.post('/api/citizen/settings/verify', { channel: 'email', code })).statusCode).toBe(409);
  });

  it('an answer is announced to the verified address, by e-mail, in the chosen language, without content', async () => {
    const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    const doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    const id = (
      await citizen.post('/api/citizen/errands', {
        unitHsaId: f.unit,
        errandType: 'renew-prescription',
        formVersionId: form.formVersionId,
        answers: prescriptionAnswers(),
      })
    ).json().id;
    await receiver.post(`/api/staff/errands/${id}/assign`, { caregiverHsaId: f.personas.staff.doctor.hsaId });
    await doctor.post(`/api/staff/errands/${id}/answer`, {
      answers: { medicines: [{ item: 'Levaxin', decision: 'renewed' }], message: 'Klart.', citizenMayReply: false },
    });
    const errand = (await receiver.get(`/api/staff/errands/${id}`)).json();
    expect(errand.notifications).toEqual([
      expect.objectContaining({ channel: 'email', status: 'pending', to: expect.not.stringContaining('karl@') }),
    ]);
    const row = await f.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('errand_id', '=', id)
      .where('template', '=', 'errand-answered')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ recipient: 'karl@example.se', language: 'en', channel: 'email' });
  });

  it('a code expires after 15 minutes and after five wrong tries', async () => {
    await citizen.put('/api/citizen/settings', { mobile: '070-123 45 67' });
    const code = await codeSentTo('+46701234567');
    now += 16 * 60_000;
    const late = await citizen.post('/api/citizen/settings/verify', { channel: 'mobile', code });
    expect(late.json().code).toBe('code-expired');

    // Changing an address needs a login within ten minutes (see citizen-settings-security).
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    await citizen.put('/api/citizen/settings', { mobile: '0701234568' });
    const fresh = await codeSentTo('+46701234568');
    const wrong = fresh === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      expect((await citizen.post('/api/citizen/settings/verify', { channel: 'mobile', code: wrong })).statusCode).toBe(
        401,
      );
    }
    expect((await citizen.post('/api/citizen/settings/verify', { channel: 'mobile', code: fresh })).json().code).toBe(
      'code-expired',
    );
    expect((await citizen.get('/api/citizen/settings')).json().mobile).toMatchObject({ verified: false });
  });

  it('refuses bad addresses naming the field, and unknown fields', async () => {
    const bad = await citizen.put('/api/citizen/settings', { email: 'not-an-address', mobile: '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.email', 'body.mobile']);
    expect((await citizen.put('/api/citizen/settings', { fax: '08-123' })).statusCode).toBe(400);
    expect((await citizen.post('/api/citizen/settings/verify', { channel: 'fax', code: '1' })).statusCode).toBe(400);
  });

  it('clearing an address stops notifications there, and the address is told so', async () => {
    const cleared = (await citizen.put('/api/citizen/settings', { email: null })).json();
    expect(cleared.email).toEqual({ address: null, verified: false, awaitingCode: false, stoppedWorkingAt: null });
    const notice = await f.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'contact-replaced')
      .executeTakeFirstOrThrow();
    expect(notice).toMatchObject({ channel: 'email', recipient: 'karl@example.se', language: 'en', parameters: '{}' });
  });
});
