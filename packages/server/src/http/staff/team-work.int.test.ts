import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

// Working as a team (issue 18): internal notes that only staff ever see, and routing several
// errands at once. On both databases.
describe.each(DIALECTS)('team work on %s', (dialect) => {
  let f: ErrandFixture;
  let citizen: Client;
  let receiver: Client;
  let doctor: Client;
  let otherUnitReceiver: Client;

  const send = async (medicine: string): Promise<string> => {
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    const sent = await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: form.formVersionId,
      answers: prescriptionAnswers(medicine),
    });
    expect(sent.statusCode).toBe(201);
    return sent.json().id;
  };
  const accessActions = async (id: string) =>
    (await f.database.db.selectFrom('access_log').select('action').where('errand_id', '=', id).execute()).map(
      (row) => row.action,
    );

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    otherUnitReceiver = await f.staffElsewhere('receiver', f.unit);
  });
  afterAll(async () => f.close());

  it('a note is sealed, shown to staff with its author, access-logged, and never reaches the citizen', async () => {
    const id = await send('Levaxin');
    const text = 'Ringt 10.15, inget svar. Försöker igen i eftermiddag.';
    expect((await receiver.post(`/api/staff/errands/${id}/notes`, { text })).statusCode).toBe(204);

    const stored = await f.database.db.selectFrom('errand_note').selectAll().where('errand_id', '=', id).execute();
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]?.content ?? []).toString('latin1')).not.toContain('Ringt');
    expect(await accessActions(id)).toContain('note');

    const staffView = (await receiver.get(`/api/staff/errands/${id}`)).json();
    expect(staffView.notes).toEqual([expect.objectContaining({ text, author: expect.stringMatching(/\S \S/) })]);
    const citizenView = await citizen.get(`/api/citizen/errands/${id}`);
    expect(citizenView.statusCode).toBe(200);
    expect(citizenView.body).not.toContain('Ringt');
    expect(citizenView.json().notes).toBeUndefined();
    expect(JSON.stringify(citizenView.json().history)).not.toContain('note');
    const list = await citizen.get('/api/citizen/errands?folder=sent');
    expect(list.body).not.toContain('Ringt');
  });

  it('refuses notes from the citizen and other units (404), blank or too long (400), and without login (401)', async () => {
    const id = await send('Alvedon');
    expect((await citizen.post(`/api/staff/errands/${id}/notes`, { text: 'x' })).statusCode).toBe(404);
    expect((await otherUnitReceiver.post(`/api/staff/errands/${id}/notes`, { text: 'x' })).statusCode).toBe(404);
    expect(
      (await f.app.inject({ method: 'POST', url: `/api/staff/errands/${id}/notes`, payload: { text: 'x' } }))
        .statusCode,
    ).toBe(401);
    for (const body of [{ text: '   ' }, { text: '' }, { text: 'x'.repeat(5001) }, {}, { text: 'x', author: 'y' }]) {
      const response = await receiver.post(`/api/staff/errands/${id}/notes`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors[0].path).toMatch(/^body/);
    }
    expect(await f.database.db.selectFrom('errand_note').select('id').where('errand_id', '=', id).execute()).toEqual(
      [],
    );
  });

  it('routes several errands at once, each its own change; one that cannot be routed is refused alone', async () => {
    const ids = [await send('A'), await send('B'), await send('C')];
    const already = ids[2] as string;
    await receiver.post(`/api/staff/errands/${already}/assign`, { caregiverHsaId: f.personas.staff.doctor.hsaId });
    const foreign = '00000000-0000-4000-8000-000000000000';
    const response = await receiver.post('/api/staff/errands/assign', {
      errandIds: [...ids, foreign],
      caregiverHsaId: f.personas.staff.doctor.hsaId,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items).toEqual([
      { id: ids[0], outcome: 'assigned' },
      { id: ids[1], outcome: 'assigned' },
      { id: already, outcome: 'refused', reason: 'already-assigned-to-them' },
      { id: foreign, outcome: 'refused', reason: 'not-found' },
    ]);
    const mine = (await doctor.get('/api/staff/my-errands')).json().items.map((e: { id: string }) => e.id);
    expect(mine).toEqual(expect.arrayContaining(ids));
    for (const id of ids.slice(0, 2)) expect(await accessActions(id)).toContain('assign');
  });

  it('refuses bulk routing by caregivers (403), to someone who is no caregiver here (400), and bad lists (400)', async () => {
    const id = await send('D');
    const body = { errandIds: [id], caregiverHsaId: f.personas.staff.doctor.hsaId };
    expect((await doctor.post('/api/staff/errands/assign', body)).statusCode).toBe(403);
    const notHere = await receiver.post('/api/staff/errands/assign', { ...body, caregiverHsaId: 'SE2321000016-XXXX' });
    expect(notHere.statusCode).toBe(400);
    expect(notHere.json().errors[0].path).toBe('body.caregiverHsaId');
    for (const bad of [
      { ...body, errandIds: [] },
      { ...body, errandIds: [id, id] },
      { ...body, errandIds: Array.from({ length: 101 }, () => id) },
      { ...body, errandIds: ["';--"] },
    ]) {
      const response = await receiver.post('/api/staff/errands/assign', bad);
      expect(response.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(response.json().errors[0].path).toMatch(/^body\.errandIds/);
    }
    const row = await f.database.db.selectFrom('errand').select('status').where('id', '=', id).executeTakeFirst();
    expect(row?.status).toBe('new');
  });
});
