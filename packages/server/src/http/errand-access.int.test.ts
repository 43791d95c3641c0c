import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../testing/errand-fixture.ts';
import { DIALECTS } from '../testing/test-databases.ts';

// Who may read an errand, proven for every endpoint: exactly the citizen, the unit's receivers and
// the assigned caregiver. Everyone else gets 404 (existence hidden) or, for lists, sees nothing.
describe.each(DIALECTS)('errand access on %s', (dialect) => {
  let f: ErrandFixture;
  let owner: Client;
  let receiver: Client;
  let doctor: Client;
  const others: Record<string, Client> = {};
  let errandId: string;

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    owner = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    others['another citizen'] = await f.citizen(f.personas.citizens.tolvan.personnummer);
    others['a receiver at another unit'] = await f.staffElsewhere('receiver', f.unit);
    others['a unit administrator without the receiver role'] = await f.staff(
      f.personas.staff.unitAdministrator.hsaId,
      f.unit,
    );
    others['a caregiver never assigned'] = await f.staff(f.personas.staff.secondDoctor.hsaId, f.unit);

    const form = (await owner.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    errandId = (
      await owner.post('/api/citizen/errands', {
        unitHsaId: f.unit,
        errandType: 'renew-prescription',
        formVersionId: form.formVersionId,
        answers: prescriptionAnswers('Sertralin'),
      })
    ).json().id;
    await receiver.post(`/api/staff/errands/${errandId}/assign`, { caregiverHsaId: f.personas.staff.doctor.hsaId });
    await doctor.post(`/api/staff/errands/${errandId}/answer`, {
      answers: { medicines: [{ item: 'Sertralin', decision: 'renewed' }], message: 'Klart.', citizenMayReply: true },
    });
  });
  afterAll(async () => f.close());

  const errandEndpoints = (id: () => string) =>
    [
      ['GET', () => `/api/citizen/errands/${id()}`, undefined],
      ['POST', () => `/api/citizen/errands/${id()}/replies`, { message: 'hej' }],
      ['POST', () => `/api/citizen/errands/${id()}/archive`, undefined],
      ['POST', () => `/api/citizen/errands/${id()}/unarchive`, undefined],
      ['GET', () => `/api/staff/errands/${id()}`, undefined],
      ['POST', () => `/api/staff/errands/${id()}/assign`, { caregiverHsaId: 'SE2321000016-P01001' }],
      ['POST', () => `/api/staff/errands/${id()}/take-back`, undefined],
      ['POST', () => `/api/staff/errands/${id()}/answer`, { answers: { message: 'x', citizenMayReply: false } }],
      ['POST', () => `/api/staff/errands/${id()}/message`, { message: 'x' }],
      ['POST', () => `/api/staff/errands/${id()}/notes`, { text: 'x' }],
      ['POST', () => `/api/staff/errands/${id()}/close`, { message: 'x' }],
      ['POST', () => `/api/staff/errands/${id()}/reopen`, undefined],
    ] as const;

  it('refuses every errand endpoint without a login (401)', async () => {
    for (const [method, url, body] of errandEndpoints(() => errandId)) {
      const response = await f.app.inject({ method, url: url(), ...(body ? { payload: body } : {}) });
      expect(response.statusCode, `${method} ${url()}`).toBe(401);
    }
  });

  it.each([
    'another citizen',
    'a receiver at another unit',
    'a unit administrator without the receiver role',
    'a caregiver never assigned',
  ])('%s gets 404 from every errand endpoint, and nothing changes', async (who) => {
    const before = await f.database.db
      .selectFrom('errand')
      .selectAll()
      .where('id', '=', errandId)
      .executeTakeFirstOrThrow();
    const client = others[who] as Client;
    for (const [method, url, body] of errandEndpoints(() => errandId)) {
      const response = method === 'GET' ? await client.get(url()) : await client.post(url(), body);
      expect(response.statusCode, `${method} ${url()}`).toBe(404);
      expect(response.body).not.toContain('Sertralin');
    }
    const after = await f.database.db
      .selectFrom('errand')
      .selectAll()
      .where('id', '=', errandId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('the rightful people can read it', async () => {
    expect((await owner.get(`/api/citizen/errands/${errandId}`)).statusCode).toBe(200);
    expect((await receiver.get(`/api/staff/errands/${errandId}`)).statusCode).toBe(200);
    expect((await doctor.get(`/api/staff/errands/${errandId}`)).statusCode).toBe(200);
    // A citizen session never reaches the staff view, nor staff the citizen view.
    expect((await owner.get(`/api/staff/errands/${errandId}`)).statusCode).toBe(404);
    expect((await receiver.get(`/api/citizen/errands/${errandId}`)).statusCode).toBe(404);
  });

  it('an unknown or malformed errand id is 404 or 400, never 500', async () => {
    expect((await owner.get('/api/citizen/errands/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
    expect((await owner.get('/api/citizen/errands/%27%3B--')).statusCode).toBe(400);
  });

  it('lists, search and history show others nothing of the errand', async () => {
    const otherCitizen = others['another citizen'] as Client;
    for (const folder of ['inbox', 'sent', 'archive']) {
      const list = (await otherCitizen.get(`/api/citizen/errands?folder=${folder}`)).json();
      expect(list.items).toEqual([]);
    }
    expect((await otherCitizen.get('/api/citizen/access-log')).json().items).toEqual([]);
    // Their own listed health centre may be there; never as a unit they have used.
    const units = (await otherCitizen.get('/api/citizen/units')).json().items;
    expect(units.filter((unit: { used: boolean }) => unit.used)).toEqual([]);

    const elsewhere = others['a receiver at another unit'] as Client;
    const inbox = (await elsewhere.get('/api/staff/inbox')).json();
    expect(inbox.items.map((e: { id: string }) => e.id)).not.toContain(errandId);
    // Nor who it is from: another unit's lists never name the citizen.
    const ownerPnr = f.personas.citizens.adult.personnummer;
    for (const url of ['/api/staff/inbox?filter=unanswered', '/api/staff/inbox?filter=all', '/api/staff/my-errands']) {
      expect((await elsewhere.get(url)).body, url).not.toContain(ownerPnr);
    }

    const admin = others['a unit administrator without the receiver role'] as Client;
    for (const url of ['/api/staff/inbox', '/api/staff/unanswered', '/api/staff/caregivers']) {
      expect((await admin.get(url)).statusCode, url).toBe(403);
    }
    const unassigned = others['a caregiver never assigned'] as Client;
    expect((await unassigned.get('/api/staff/my-errands')).json().items).toEqual([]);
    expect((await admin.get('/api/staff/my-errands')).json().items).toEqual([]);
    expect((await unassigned.get('/api/staff/inbox')).statusCode).toBe(403);
  });

  it('refuses wrong roles with 403 and wrong states with 409, with the reason', async () => {
    const assignByDoctor = await doctor.post(`/api/staff/errands/${errandId}/assign`, {
      caregiverHsaId: f.personas.staff.doctor.hsaId,
    });
    expect(assignByDoctor.statusCode).toBe(403);
    const answerByReceiver = await receiver.post(`/api/staff/errands/${errandId}/answer`, {
      answers: { medicines: [{ item: 'x', decision: 'renewed' }], message: 'x', citizenMayReply: false },
    });
    expect(answerByReceiver.statusCode).toBe(403);
    const notCaregiver = await receiver.post(`/api/staff/errands/${errandId}/assign`, {
      caregiverHsaId: f.personas.staff.unitAdministrator.hsaId,
    });
    expect(notCaregiver.statusCode).toBe(400);
    expect(notCaregiver.json().errors[0]).toMatchObject({ path: 'body.caregiverHsaId', code: 'not-a-caregiver-here' });
    const unarchive = await owner.post(`/api/citizen/errands/${errandId}/unarchive`);
    expect(unarchive.statusCode).toBe(409);
    expect(unarchive.json().detail).toBe('not-archived');
  });

  it('reads numbers in query strings from their text, and refuses text that is no number', async () => {
    expect((await receiver.get('/api/staff/inbox?limit=1')).json().items).toHaveLength(1);
    const bad = await receiver.get('/api/staff/inbox?limit=many');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.limit');
    expect((await receiver.get('/api/staff/inbox?olderThanDays=-1')).statusCode).toBe(400);
  });

  it('unit search and forms refuse what they should', async () => {
    expect((await f.app.inject('/api/citizen/unit-search?q=a')).statusCode).toBe(401);
    expect((await owner.get('/api/citizen/unit-search?q=')).statusCode).toBe(400);
    expect((await owner.get('/api/citizen/unit-search?q=solgläntan&cursor=not*a*cursor')).statusCode).toBe(400);
    expect(
      (await owner.get(`/api/citizen/unit-search?q=x&cursor=${Buffer.from('{"a":1}').toString('base64url')}`)).json()
        .errors[0].path,
    ).toBe('query.cursor');
    expect((await owner.get(`/api/citizen/units/${f.unit}/errand-types/no-such-type/form`)).statusCode).toBe(404);
    expect(
      (await owner.get('/api/citizen/units/SE-NO-SUCH-UNIT/errand-types/renew-prescription/form')).statusCode,
    ).toBe(404);
    expect((await receiver.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).statusCode).toBe(
      404,
    );
    // A type the unit has turned off is not on offer, and cannot be sent to either.
    const form = (await owner.get(`/api/citizen/units/${f.unit}/errand-types/advice/form`)).json();
    await f.database.db
      .updateTable('unit_errand_type')
      .set({ enabled: 0 })
      .where('unit_hsa_id', '=', f.unit)
      .where('errand_type', '=', 'advice')
      .execute();
    expect((await owner.get(`/api/citizen/units/${f.unit}/errand-types/advice/form`)).statusCode).toBe(404);
    const sent = await owner.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'advice',
      formVersionId: form.formVersionId,
      answers: { question: 'Hur länge smittar vattkoppor?' },
    });
    expect(sent.statusCode).toBe(404);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const count = async () => (await f.database.db.selectFrom('errand').select('id').execute()).length;
    const before = await count();
    const form = (await owner.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    const send = (answers: unknown, extra: Record<string, unknown> = {}) =>
      owner.post('/api/citizen/errands', {
        unitHsaId: f.unit,
        errandType: 'renew-prescription',
        formVersionId: form.formVersionId,
        answers,
        ...extra,
      });
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `Läkemedel ${i}` }));
    const tooMany = await send({ medicines: eleven });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].path).toBe('answers.medicines');
    expect(tooMany.json().errors[0].message).toMatch(/10/);
    const missing = await send({ medicines: [] });
    expect(missing.statusCode).toBe(400);
    expect((await send({ medicines: [{ name: 'x'.repeat(100_000) }] })).statusCode).toBeGreaterThanOrEqual(400);
    expect((await send(prescriptionAnswers(), { formVersionId: 'no-such-version' })).json().errors[0].path).toBe(
      'body.formVersionId',
    );
    expect((await send(prescriptionAnswers(), { errandType: 'no-such-type' })).statusCode).toBe(404);
    expect((await send(prescriptionAnswers(), { unitHsaId: 'SE2321000016-NONE' })).statusCode).toBe(404);
    expect((await send(prescriptionAnswers(), { extra: true })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});
