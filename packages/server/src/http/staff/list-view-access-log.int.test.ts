import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { LIST_VIEW_WINDOW_MS } from '../../use-cases/access-log/recent-list-views.ts';
import { verifyAccessLog } from '../../use-cases/access-log/verify-access-log.ts';

// A staff list is an access (it shows whom each errand is from), logged once per staff member
// and errand within five minutes, however often the list is sorted, paged or refreshed; opening
// an errand is logged every time. On both databases, with the clock moved by the test.
describe.each(DIALECTS)('list views in the access log on %s', (dialect) => {
  let f: ErrandFixture;
  let now = Date.parse('2026-12-07T09:00:00+01:00');
  let citizen: Client;
  let receiver: Client;
  let otherReceiver: Client;
  let otherReceiverHsaId: string;
  let doctor: Client;
  const sent: string[] = [];

  const listEntries = async (errandId: string) =>
    f.database.db
      .selectFrom('access_log')
      .select(['staff_hsa_id', 'role', 'at'])
      .where('errand_id', '=', errandId)
      .where('action', '=', 'list')
      .orderBy('position')
      .execute();
  const entryCount = async () => (await verifyAccessLog(f.database)).entries;

  beforeAll(async () => {
    f = await createErrandFixture(dialect, { clock: () => now });
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    const colleague = (await f.registers.listEmployeesAtUnit(f.unit)).find(
      (e) =>
        e.hsaId !== f.personas.staff.receiver.hsaId &&
        e.commissions.some((c) => c.unitHsaId === f.unit && c.roles.includes('receiver')),
    );
    if (!colleague) throw new Error('the demo unit has one receiver only');
    otherReceiverHsaId = colleague.hsaId;
    otherReceiver = await f.staff(colleague.hsaId, f.unit);
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    for (const medicine of ['Levaxin', 'Alvedon', 'Losec']) {
      const response = await citizen.post('/api/citizen/errands', {
        unitHsaId: f.unit,
        errandType: 'renew-prescription',
        formVersionId: form.formVersionId,
        answers: prescriptionAnswers(medicine),
      });
      expect(response.statusCode, response.body).toBe(201);
      sent.push(response.json().id);
    }
  });
  afterAll(async () => f.close());

  it('logs each errand shown once, however the receiver sorts and refreshes within five minutes', async () => {
    const before = await entryCount();
    for (const query of ['', 'sort=waiting', 'filter=new', 'filter=unanswered&sort=type', '']) {
      const page = await receiver.get(`/api/staff/inbox?${query}`);
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json().items.length).toBeGreaterThanOrEqual(3);
    }
    for (const id of sent) {
      expect(await listEntries(id)).toEqual([
        { staff_hsa_id: f.personas.staff.receiver.hsaId, role: 'receiver', at: now },
      ]);
    }
    // The chain stays whole, and grows by exactly the errands shown.
    expect(await verifyAccessLog(f.database)).toEqual({ entries: before + 3, problems: [] });
  });

  it('logs another receiver, and the same receiver again once the five minutes have passed', async () => {
    expect((await otherReceiver.get('/api/staff/inbox')).statusCode).toBe(200);
    now += LIST_VIEW_WINDOW_MS - 1;
    expect((await receiver.get('/api/staff/inbox')).statusCode).toBe(200);
    const [first] = sent as [string];
    expect((await listEntries(first)).map((e) => e.staff_hsa_id)).toEqual([
      f.personas.staff.receiver.hsaId,
      otherReceiverHsaId,
    ]);
    now += 1;
    expect((await receiver.get('/api/staff/inbox')).statusCode).toBe(200);
    expect(await listEntries(first)).toHaveLength(3);
    expect((await listEntries(first)).at(-1)).toMatchObject({ staff_hsa_id: f.personas.staff.receiver.hsaId, at: now });
  });

  it("logs a caregiver's own list apart from the inbox, and every opening of an errand", async () => {
    const [first] = sent as [string];
    const assigned = await receiver.post(`/api/staff/errands/${first}/assign`, {
      caregiverHsaId: f.personas.staff.doctor.hsaId,
    });
    expect(assigned.statusCode, assigned.body).toBe(204);
    for (let i = 0; i < 2; i++) expect((await doctor.get('/api/staff/my-errands')).statusCode).toBe(200);
    expect((await listEntries(first)).filter((e) => e.role === 'caregiver')).toHaveLength(1);

    const reads = async () =>
      (
        await f.database.db
          .selectFrom('access_log')
          .select('id')
          .where('errand_id', '=', first)
          .where('action', '=', 'read')
          .execute()
      ).length;
    const readsBefore = await reads();
    for (let i = 0; i < 2; i++) expect((await doctor.get(`/api/staff/errands/${first}`)).statusCode).toBe(200);
    expect(await reads()).toBe(readsBefore + 2);
    // The citizen's extract names who had the errand in a list.
    const extract = (await citizen.get('/api/citizen/access-log')).json().items;
    expect(
      extract.filter((e: { action: string; errandId: string }) => e.action === 'list' && e.errandId === first),
    ).not.toHaveLength(0);
  });
});
