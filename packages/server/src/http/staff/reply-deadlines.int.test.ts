import { stockholmWallTime } from '@kontakta/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueErrandsJob } from '../../jobs/overdue-errands.job.ts';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

// Deadlines that know opening hours and holidays (issue 18): each errand in the staff lists says
// when its answer is due, and "Obesvarade" groups by time left. On both databases.
describe.each(DIALECTS)('reply deadlines on %s', (dialect) => {
  let f: ErrandFixture;
  let receiver: Client;
  let citizen: Client;
  // Wednesday 23 December 2026, 10:00 in Stockholm: Christmas Eve, Christmas and Boxing Day follow.
  let now = stockholmWallTime('2026-12-23', 10 * 60).getTime();

  beforeAll(async () => {
    f = await createErrandFixture(dialect, { clock: () => now });
    const admin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
    const card = await admin.put(`/api/admin/units/${f.unit}/contact-card`, {
      phone: '08-123 456 78',
      visitingAddress: null,
      openingHours: {
        days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => ({
          day,
          opens: '08:00',
          closes: '16:00',
        })),
        note: null,
      },
      description: null,
      replyTimes: [{ errandType: 'renew-prescription', amount: 1, unit: 'working-days' }],
    });
    expect(card.statusCode, card.body).toBe(200);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
  });
  afterAll(async () => f.close());

  it('dates the answer past the Christmas holidays, at closing time, and counts it overdue after', async () => {
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    const sent = await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: form.formVersionId,
      answers: prescriptionAnswers('Levaxin'),
    });
    expect(sent.statusCode).toBe(201);
    const id = sent.json().id;
    const row = (await receiver.get('/api/staff/inbox')).json().items.find((e: { id: string }) => e.id === id);
    // 24 (eve), 25, 26 (holidays, weekend) and 27 (Sunday) do not count: Monday 28th at 16:00.
    expect(row.replyBy).toBe(stockholmWallTime('2026-12-28', 16 * 60).getTime());

    const overview = (await receiver.get('/api/staff/unanswered')).json();
    expect(overview.byDeadline).toEqual(expect.arrayContaining([{ label: 'later', count: 1 }]));

    now = stockholmWallTime('2026-12-28', 16 * 60 + 1).getTime();
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    const late = (await receiver.get('/api/staff/unanswered')).json();
    expect(late.byDeadline).toEqual(expect.arrayContaining([{ label: 'overdue', count: 1 }]));

    // The unit's mailbox hears of it once, without content, however often the job runs.
    await f.database.db
      .updateTable('unit_setting')
      .set({ notification_email: 'mottagningen@region.example' })
      .where('unit_hsa_id', '=', f.unit)
      .execute();
    const run = () =>
      overdueErrandsJob().run({
        database: f.database,
        now: new Date(now),
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        signal: new AbortController().signal,
        checkpoint: async () => {},
      });
    expect(await run()).toEqual({ counts: { noticed: 1 } });
    expect(await run()).toEqual({ counts: { noticed: 0 } });
    const notices = await f.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'errands-overdue')
      .execute();
    expect(notices).toEqual([
      expect.objectContaining({ recipient: 'mottagningen@region.example', errand_id: null, citizen_id: null }),
    ]);
  });

  it('gives no deadline once the unit takes the reply time away', async () => {
    const admin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
    const current = (await admin.get(`/api/admin/units/${f.unit}/contact-card`)).json();
    const saved = await admin.put(`/api/admin/units/${f.unit}/contact-card`, {
      phone: current.phone,
      visitingAddress: current.visitingAddress,
      openingHours: current.openingHours,
      description: current.description,
      replyTimes: [],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    const overview = (await receiver.get('/api/staff/unanswered')).json();
    expect(overview.byDeadline).toEqual(expect.arrayContaining([{ label: 'no-reply-time', count: 1 }]));
    expect((await receiver.get('/api/staff/inbox')).json().items[0].replyBy).toBeNull();
  });
});
