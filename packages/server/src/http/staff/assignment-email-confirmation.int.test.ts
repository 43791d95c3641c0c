import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxWorker, type OutboxWorker } from '../../jobs/outbox-worker.ts';
import { createDeliver } from '../../notifications/message-delivery.ts';
import type { Channels } from '../../notifications/notification.types.ts';
import { closeNotificationChannels, createNotificationChannels } from '../../notifications/notification-channels.ts';
import { loginLinks } from '../../notifications/templates/render-message.ts';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { startTestSmtpServer } from '../../testing/test-smtp-server.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

// The caregiver's address for assignment e-mails (issue 18 pt 4) is confirmed as a citizen's
// notification address is: setting it sends a code there (through a real SMTP server here), and
// assignment e-mails go there only once the code has come back. Wrong and expired codes are
// refused. On both databases.
describe.each(DIALECTS)('confirming the assignment e-mail address on %s', (dialect) => {
  let f: ErrandFixture;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let channels: Channels;
  let worker: OutboxWorker;
  let citizen: Client;
  let receiver: Client;
  let doctor: Client;
  let now = Date.UTC(2026, 11, 7, 9, 0);
  const EMAIL = 'doktorn@vardcentralen.example.se';

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    f = await createErrandFixture(dialect, {
      clock: () => now,
      env: {
        KONTAKTA_DEV_OUTBOX: 'false',
        KONTAKTA_PUBLIC_URL: 'https://kontakta.region.se',
        KONTAKTA_SMTP_URL: smtp.url,
        KONTAKTA_MAIL_FROM: 'Kontakta <no-reply@region.se>',
      },
    });
    channels = createNotificationChannels(f.config.notifications, { db: f.database.db, publicUrl: f.config.publicUrl });
    worker = createOutboxWorker({
      db: f.database.db,
      deliver: createDeliver(channels, loginLinks(f.config.publicUrl, true)),
      logger: silent,
      maxAttempts: 3,
      pollMs: 1000,
      clock: () => now,
    });
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
  });
  afterAll(async () => {
    if (channels) await closeNotificationChannels(channels);
    await f?.close();
    await smtp?.close();
  });

  /** Delivers what is due and returns the mails that reached `address` since `from`. */
  const mailsTo = async (address: string) => {
    await worker.runOnce();
    return smtp.received.filter((mail) => mail.envelopeTo.includes(address));
  };
  const latestCode = async (address: string) => {
    const mails = (await mailsTo(address)).filter((mail) => /Bekräfta din e-postadress/.test(mail.subject));
    const code = /\b(\d{6})\b/.exec(mails.at(-1)?.text ?? '')?.[1];
    expect(code).toBeDefined();
    return code as string;
  };
  const assignNew = async (medicine: string) => {
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    const sent = await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: form.formVersionId,
      answers: prescriptionAnswers(medicine),
    });
    expect(sent.statusCode).toBe(201);
    const assigned = await receiver.post(`/api/staff/errands/${sent.json().id}/assign`, {
      caregiverHsaId: f.personas.staff.doctor.hsaId,
    });
    expect(assigned.statusCode).toBe(204);
  };
  const assignmentMails = async (address: string) =>
    (await mailsTo(address)).filter((mail) => /fördelats till dig/.test(mail.subject));

  it('sends a code to a new address, and no assignment e-mail goes there before it is confirmed', async () => {
    const saved = await doctor.put('/api/staff/me/notices', { assignmentEmail: EMAIL });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ assignmentEmail: EMAIL, assignmentEmailConfirmed: false });
    const code = await latestCode(EMAIL);
    expect(code).toMatch(/^\d{6}$/);
    const codeMail = (await mailsTo(EMAIL)).at(-1);
    expect(codeMail?.subject).toBe('Bekräfta din e-postadress i Kontakta');
    expect(codeMail?.header('From')).toContain('no-reply@region.se');

    await assignNew('Levaxin');
    expect(await assignmentMails(EMAIL)).toEqual([]);
    expect(
      await f.database.db.selectFrom('outbox').select('id').where('template', '=', 'errand-assigned').execute(),
    ).toEqual([]);
  });

  it('refuses a wrong code (401 invalid-code) and keeps the address unconfirmed', async () => {
    const code = await latestCode(EMAIL);
    const wrong = await doctor.post('/api/staff/me/notices/confirm', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid-code');
    expect((await doctor.get('/api/staff/me/notices')).json()).toEqual({
      assignmentEmail: EMAIL,
      assignmentEmailConfirmed: false,
    });
    // Another staff member's confirmation cannot use this code: they have none waiting.
    const nurse = await f.staff(f.personas.staff.nurse.hsaId, f.unit);
    const theirs = await nurse.post('/api/staff/me/notices/confirm', { code });
    expect(theirs.statusCode).toBe(409);
    // A malformed code is a 400 naming the field.
    const malformed = await doctor.post('/api/staff/me/notices/confirm', { code: '' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toMatch(/^body(\.code)?$/);
  });

  it('confirms with the code sent; from then on assignments are e-mailed there, without content', async () => {
    const code = await latestCode(EMAIL);
    const confirmed = await doctor.post('/api/staff/me/notices/confirm', { code });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ assignmentEmail: EMAIL, assignmentEmailConfirmed: true });
    // A code works once.
    expect((await doctor.post('/api/staff/me/notices/confirm', { code })).statusCode).toBe(409);

    await assignNew('Alvedon');
    const mails = await assignmentMails(EMAIL);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Ett ärende har fördelats till dig i Kontakta');
    expect(mails[0]?.raw).not.toMatch(/Alvedon|recept/i);
    // Saving the same address again keeps it confirmed and sends no new code.
    const before = smtp.received.length;
    expect((await doctor.put('/api/staff/me/notices', { assignmentEmail: EMAIL })).json()).toEqual({
      assignmentEmail: EMAIL,
      assignmentEmailConfirmed: true,
    });
    await worker.runOnce();
    expect(smtp.received.length).toBe(before);
  });

  it('refuses an expired code (401 code-expired); a new address stops the e-mails until it is confirmed', async () => {
    const other = 'doktorn.ny@vardcentralen.example.se';
    const changed = await doctor.put('/api/staff/me/notices', { assignmentEmail: other });
    expect(changed.json()).toEqual({ assignmentEmail: other, assignmentEmailConfirmed: false });
    const code = await latestCode(other);
    await assignNew('Sertralin');
    expect(await assignmentMails(other)).toEqual([]);
    expect(await assignmentMails(EMAIL)).toHaveLength(1);

    now += 16 * 60_000;
    const late = await doctor.post('/api/staff/me/notices/confirm', { code });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('code-expired');
    // The expired code is forgotten: trying it again finds none waiting.
    expect((await doctor.post('/api/staff/me/notices/confirm', { code })).statusCode).toBe(409);

    // "Send a new code" gives a fresh one, which confirms.
    const resent = await doctor.post('/api/staff/me/notices/resend');
    expect(resent.statusCode, resent.body).toBe(200);
    const fresh = await latestCode(other);
    expect((await doctor.post('/api/staff/me/notices/confirm', { code: fresh })).json()).toEqual({
      assignmentEmail: other,
      assignmentEmailConfirmed: true,
    });
    // Nothing waits now: a new code is refused.
    expect((await doctor.post('/api/staff/me/notices/resend')).statusCode).toBe(409);
  });

  it('stops accepting a code after five wrong tries', async () => {
    const third = 'doktorn.tredje@vardcentralen.example.se';
    await doctor.put('/api/staff/me/notices', { assignmentEmail: third });
    const code = await latestCode(third);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      expect((await doctor.post('/api/staff/me/notices/confirm', { code: wrong })).json().code).toBe('invalid-code');
    }
    expect((await doctor.post('/api/staff/me/notices/confirm', { code })).json().code).toBe('code-expired');
    expect((await doctor.get('/api/staff/me/notices')).json().assignmentEmailConfirmed).toBe(false);
  });

  it('refuses citizens (404) and anyone not logged in (401)', async () => {
    expect((await citizen.post('/api/staff/me/notices/confirm', { code: '123456' })).statusCode).toBe(404);
    expect((await citizen.post('/api/staff/me/notices/resend')).statusCode).toBe(404);
    const anonymous = await f.app.inject({
      method: 'POST',
      url: '/api/staff/me/notices/confirm',
      payload: { code: '123456' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
