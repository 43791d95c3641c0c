import { stockholmDate } from '@kontakta/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { requestAs } from '../../testing/unit-admin-fixture.ts';

// Scheduled closures (issue 18, beyond 1177): the administrators' API with its refusals, the
// closure on the contact card, the types kept open, the automatic reply and the cover unit.
describe.each(DIALECTS)('unit closures on %s', (dialect) => {
  let f: ErrandFixture;
  let admin: Client;
  let citizen: Client;
  let sameRegion: string;
  let otherRegion: string;
  const base = () => `/api/admin/units/${f.unit}/closures`;
  const today = () => stockholmDate(new Date());
  const inDays = (days: number) => stockholmDate(new Date(Date.now() + days * 86_400_000));
  const closure = (overrides: Record<string, unknown> = {}) => ({
    startsOn: today(),
    endsOn: inDays(20),
    keepsOpen: ['renew-prescription'],
    message: { sv: 'Sommarstängt.', en: null },
    coverUnitHsaId: null,
    ...overrides,
  });
  const send = async (errandType: string) => {
    const form = await citizen.get(`/api/citizen/units/${f.unit}/errand-types/${errandType}/form`);
    return citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType,
      formVersionId: form.statusCode === 200 ? form.json().formVersionId : 'no-form',
      answers: prescriptionAnswers('Levaxin'),
    });
  };

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    admin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    const units = await f.registers.listCareUnits();
    const home = units.find((unit) => unit.hsaId === f.unit);
    sameRegion = units.find((u) => u.regionCode === home?.regionCode && u.hsaId !== f.unit)?.hsaId ?? '';
    otherRegion = units.find((u) => u.regionCode !== home?.regionCode)?.hsaId ?? '';
    expect(sameRegion).not.toBe('');
    expect(otherRegion).not.toBe('');
  });
  afterAll(async () => f.close());

  it('refuses those who may not schedule closures: 401, 404 for a citizen, 403 for others', async () => {
    expect((await requestAs(f, undefined, 'GET', base())).statusCode).toBe(401);
    expect((await requestAs(f, undefined, 'POST', base(), closure())).statusCode).toBe(401);
    expect((await citizen.get(base())).statusCode).toBe(404);
    const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    expect((await receiver.get(base())).statusCode).toBe(403);
    expect((await requestAs(f, receiver, 'POST', base(), closure())).statusCode).toBe(403);
    // Acting at their other unit, the administrator reaches neither this unit's closures nor the
    // other unit's closure through this unit's address.
    const adminHsaId = f.personas.staff.unitAdministrator.hsaId;
    const second = (await f.registers.findEmployee(adminHsaId))?.commissions.find(
      (c) => c.unitHsaId !== f.unit && c.roles.includes('unit-administrator'),
    )?.unitHsaId;
    const elsewhere = await f.staff(adminHsaId, second ?? '');
    expect((await elsewhere.get(base())).statusCode).toBe(403);
    const theirs = await requestAs(f, elsewhere, 'POST', `/api/admin/units/${second}/closures`, closure());
    expect(theirs.statusCode).toBe(201);
    const id = theirs.json().id;
    expect((await requestAs(f, admin, 'DELETE', `${base()}/${id}`)).statusCode).toBe(404);
    expect((await admin.get(base())).json().items).toEqual([]);
    expect((await requestAs(f, elsewhere, 'DELETE', `/api/admin/units/${second}/closures/${id}`)).statusCode).toBe(204);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const refused = async (body: Record<string, unknown>) => {
      const response = await requestAs(f, admin, 'POST', base(), closure(body));
      expect(response.statusCode).toBe(400);
      return response.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`);
    };
    expect(await refused({ startsOn: '2027-02-30', endsOn: 'i morgon' })).toEqual([
      'body.startsOn not-a-date',
      'body.endsOn not-a-date',
    ]);
    expect(await refused({ startsOn: inDays(5), endsOn: inDays(2) })).toEqual(['body.endsOn ends-before-start']);
    expect(await refused({ startsOn: inDays(-10), endsOn: inDays(-3) })).toEqual(['body.endsOn in-the-past']);
    expect(await refused({ endsOn: inDays(400) })).toEqual(['body.endsOn too-long']);
    expect(await refused({ keepsOpen: ['no-such-type'] })).toEqual(['body.keepsOpen unknown-errand-type']);
    expect(await refused({ message: { sv: '  ', en: null } })).toEqual(['body.message.sv blank-text']);
    expect(await refused({ message: { sv: 'x'.repeat(301), en: null } })).toEqual(['body.message.sv too-long']);
    expect(await refused({ coverUnitHsaId: otherRegion })).toEqual(['body.coverUnitHsaId other-region']);
    expect(await refused({ coverUnitHsaId: f.unit })).toEqual(['body.coverUnitHsaId own-unit']);
    expect(await refused({ coverUnitHsaId: 'SE0000000000-NONE' })).toEqual(['body.coverUnitHsaId unknown-unit']);
    // Wrong types and unknown fields are refused by the schema, also naming the field.
    const wrongType = await requestAs(f, admin, 'POST', base(), { ...closure(), keepsOpen: 'renew-prescription' });
    expect(wrongType.statusCode).toBe(400);
    expect(JSON.stringify(wrongType.json())).toContain('keepsOpen');
    expect((await admin.get(base())).json().items).toEqual([]);
  });

  it('changes a closure that has not ended, with the change recorded, and refuses the rest', async () => {
    const added = await requestAs(f, admin, 'POST', base(), closure({ startsOn: inDays(30), endsOn: inDays(40) }));
    expect(added.statusCode).toBe(201);
    const id = added.json().id;
    const url = `${base()}/${id}`;
    const changed = await requestAs(
      f,
      admin,
      'PUT',
      url,
      closure({
        startsOn: inDays(31),
        endsOn: inDays(45),
        keepsOpen: [],
        message: { sv: 'Stängt för flytt.', en: 'Closed for moving.' },
        coverUnitHsaId: sameRegion,
      }),
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      id,
      startsOn: inDays(31),
      endsOn: inDays(45),
      keepsOpen: [],
      message: { sv: 'Stängt för flytt.', en: 'Closed for moving.' },
      coverUnit: { hsaId: sameRegion },
    });
    expect((await admin.get(base())).json().items).toEqual([changed.json()]);
    const actions = (await admin.get(`/api/admin/units/${f.unit}/changes?limit=1`)).json().items;
    expect(actions[0]).toMatchObject({
      action: 'closure-changed',
      staffHsaId: f.personas.staff.unitAdministrator.hsaId,
    });

    // Bad input: 400 naming the field, nothing written.
    const refused = async (body: Record<string, unknown>) => {
      const response = await requestAs(f, admin, 'PUT', url, closure(body));
      expect(response.statusCode).toBe(400);
      return response.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`);
    };
    expect(await refused({ startsOn: '2027-02-30', endsOn: inDays(40) })).toEqual(['body.startsOn not-a-date']);
    expect(await refused({ startsOn: inDays(40), endsOn: inDays(35) })).toEqual(['body.endsOn ends-before-start']);
    expect(await refused({ coverUnitHsaId: otherRegion })).toEqual(['body.coverUnitHsaId other-region']);
    // Another closure's days.
    const other = await requestAs(f, admin, 'POST', base(), closure({ startsOn: inDays(60), endsOn: inDays(62) }));
    expect(await refused({ startsOn: inDays(50), endsOn: inDays(61) })).toEqual(['body.startsOn overlaps']);
    expect((await admin.get(base())).json().items[0]).toEqual(changed.json());

    // Not logged in 401, a receiver 403, another unit's administrator 403, a citizen 404.
    expect((await requestAs(f, undefined, 'PUT', url, closure())).statusCode).toBe(401);
    const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    expect((await requestAs(f, receiver, 'PUT', url, closure())).statusCode).toBe(403);
    expect((await requestAs(f, citizen, 'PUT', url, closure())).statusCode).toBe(404);
    // Another unit's closure through this unit's address, or through its own with the wrong actor: 404/403.
    const adminHsaId = f.personas.staff.unitAdministrator.hsaId;
    const second = (await f.registers.findEmployee(adminHsaId))?.commissions.find(
      (c) => c.unitHsaId !== f.unit && c.roles.includes('unit-administrator'),
    )?.unitHsaId;
    const elsewhere = await f.staff(adminHsaId, second ?? '');
    const theirs = await requestAs(f, elsewhere, 'POST', `/api/admin/units/${second}/closures`, closure());
    expect(theirs.statusCode).toBe(201);
    const theirUrl = `/api/admin/units/${second}/closures/${theirs.json().id}`;
    expect((await requestAs(f, admin, 'PUT', `${base()}/${theirs.json().id}`, closure())).statusCode).toBe(404);
    expect((await requestAs(f, admin, 'PUT', theirUrl, closure())).statusCode).toBe(403);
    expect((await requestAs(f, elsewhere, 'DELETE', theirUrl)).statusCode).toBe(204);
    expect(
      (await requestAs(f, admin, 'PUT', `${base()}/00000000-0000-4000-8000-000000000000`, closure())).statusCode,
    ).toBe(404);

    // A closure that has begun keeps its first day; one that has ended cannot be changed (409).
    const started = { starts_on: inDays(-3), ends_on: inDays(2), keeps_open: '[]', message_sv: null, message_en: null };
    const row = { unit_hsa_id: f.unit, cover_unit_hsa_id: null, created_at: 0, created_by: adminHsaId };
    await f.database.db
      .insertInto('unit_closure')
      .values([
        { id: 'closure-begun', ...row, ...started },
        { id: 'closure-ended', ...row, ...started, starts_on: inDays(-20), ends_on: inDays(-10) },
      ])
      .execute();
    const begun = `${base()}/closure-begun`;
    const moved = await requestAs(f, admin, 'PUT', begun, closure({ startsOn: inDays(-1), endsOn: inDays(2) }));
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors).toEqual([expect.objectContaining({ path: 'body.startsOn', code: 'started' })]);
    const longer = await requestAs(f, admin, 'PUT', begun, closure({ startsOn: inDays(-3), endsOn: inDays(4) }));
    expect(longer.statusCode).toBe(200);
    expect(longer.json()).toMatchObject({ startsOn: inDays(-3), endsOn: inDays(4) });
    const ended = await requestAs(f, admin, 'PUT', `${base()}/closure-ended`, closure());
    expect(ended.statusCode).toBe(409);
    expect(ended.json().detail).toBe('closure-ended');

    for (const gone of [id, other.json().id, 'closure-begun']) {
      expect((await requestAs(f, admin, 'DELETE', `${base()}/${gone}`)).statusCode).toBe(204);
    }
    await f.database.db.deleteFrom('unit_closure').where('id', '=', 'closure-ended').execute();
    expect((await admin.get(base())).json().items).toEqual([]);
  });

  it('lists the units of the region by name for the cover unit, to the unit administrator only', async () => {
    const url = `/api/admin/units/${f.unit}/region-units`;
    const response = await admin.get(url);
    expect(response.statusCode).toBe(200);
    const items: { hsaId: string; name: string }[] = response.json().items;
    expect(items.map((u) => u.hsaId)).toContain(sameRegion);
    expect(items.map((u) => u.hsaId)).not.toContain(f.unit);
    expect(items.map((u) => u.hsaId)).not.toContain(otherRegion);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['hsaId', 'name']);
    const names = items.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await requestAs(f, undefined, 'GET', url)).statusCode).toBe(401);
    expect((await citizen.get(url)).statusCode).toBe(404);
    const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    expect((await receiver.get(url)).statusCode).toBe(403);
    const adminHsaId = f.personas.staff.unitAdministrator.hsaId;
    const second = (await f.registers.findEmployee(adminHsaId))?.commissions.find(
      (c) => c.unitHsaId !== f.unit && c.roles.includes('unit-administrator'),
    )?.unitHsaId;
    expect((await (await f.staff(adminHsaId, second ?? '')).get(url)).statusCode).toBe(403);
  });

  it('without a cover unit: the card names the closure, only kept-open types go, with an automatic reply', async () => {
    const added = await requestAs(f, admin, 'POST', base(), closure());
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      startsOn: today(),
      keepsOpen: ['renew-prescription'],
      message: { sv: 'Sommarstängt.', en: null },
      coverUnit: null,
      createdBy: f.personas.staff.unitAdministrator.hsaId,
    });
    // Overlapping closures are refused.
    const overlap = await requestAs(f, admin, 'POST', base(), closure({ startsOn: inDays(3), endsOn: inDays(30) }));
    expect(overlap.json().errors).toEqual([expect.objectContaining({ path: 'body.startsOn', code: 'overlaps' })]);

    const card = (await f.app.inject({ method: 'GET', url: `/api/units/${f.unit}/contact-card` })).json();
    expect(card.closure).toMatchObject({
      startsOn: today(),
      endsOn: inDays(20),
      active: true,
      keepsOpen: ['renew-prescription'],
      message: { sv: 'Sommarstängt.', en: null },
      coverUnit: null,
      expectAnswerOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(card.closure.expectAnswerOn > inDays(20)).toBe(true);

    const form = await citizen.get(`/api/citizen/units/${f.unit}/errand-types/request-appointment/form`);
    expect(form.statusCode).toBe(403);
    expect(form.json().detail).toBe('unit-closed');
    const closed = await send('request-appointment');
    expect(closed.statusCode).toBe(403);
    expect(closed.json().detail).toBe('unit-closed');

    // One working day's reply time: the closure's days do not count, so it is due on the first
    // working day after it, the day the contact card names.
    await f.database.db
      .insertInto('unit_reply_time')
      .values({
        unit_hsa_id: f.unit,
        errand_type: 'renew-prescription',
        amount: 1,
        unit: 'working-days',
        updated_at: 0,
      })
      .execute();
    const sent = await send('renew-prescription');
    expect(sent.statusCode).toBe(201);
    const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    const row = (await receiver.get('/api/staff/inbox'))
      .json()
      .items.find((e: { id: string }) => e.id === sent.json().id);
    expect(stockholmDate(new Date(row.replyBy))).toBe(card.closure.expectAnswerOn);
    const errand = await f.database.db
      .selectFrom('errand')
      .select('unit_hsa_id')
      .where('id', '=', sent.json().id)
      .executeTakeFirstOrThrow();
    expect(errand.unit_hsa_id).toBe(f.unit);
    const messages = (await citizen.get('/api/citizen/messages')).json().items;
    expect(messages[0]).toMatchObject({ kind: 'unit-closed-reply' });
    expect(messages[0].body).toContain('Förnya recept');
    expect(messages[0].body).not.toContain('Levaxin');
    // The notification about it carries no content.
    const notices = await f.database.db.selectFrom('outbox').select(['template', 'parameters']).execute();
    expect(JSON.stringify(notices)).not.toContain('Levaxin');

    const items = (await admin.get(base())).json().items;
    expect(items).toHaveLength(1);
    expect((await requestAs(f, admin, 'DELETE', `${base()}/${items[0].id}`)).statusCode).toBe(204);
    expect((await requestAs(f, admin, 'DELETE', `${base()}/${items[0].id}`)).statusCode).toBe(404);
    expect((await f.app.inject({ method: 'GET', url: `/api/units/${f.unit}/contact-card` })).json().closure).toBeNull();
    const changes = (await admin.get(`/api/admin/units/${f.unit}/changes`))
      .json()
      .items.map((c: { action: string }) => c.action);
    expect(changes.slice(0, 2)).toEqual(['closure-removed', 'closure-added']);
  });

  it('with a cover unit: the errand moves there with its access, both units recorded', async () => {
    const added = await requestAs(f, admin, 'POST', base(), closure({ coverUnitHsaId: sameRegion }));
    expect(added.statusCode).toBe(201);
    expect(added.json().coverUnit).toMatchObject({ hsaId: sameRegion, name: expect.any(String) });
    const card = (await f.app.inject({ method: 'GET', url: `/api/units/${f.unit}/contact-card` })).json();
    expect(card.closure.coverUnit).toMatchObject({ hsaId: sameRegion });

    const sent = await send('renew-prescription');
    expect(sent.statusCode).toBe(201);
    const id = sent.json().id;

    const employees = await f.registers.listEmployeesAtUnit(sameRegion);
    const coverReceiverId = employees.find((e) =>
      e.commissions.some((c) => c.unitHsaId === sameRegion && c.roles.includes('receiver')),
    )?.hsaId;
    const coverReceiver = await f.staff(coverReceiverId ?? '', sameRegion);
    const inbox = (await coverReceiver.get('/api/staff/inbox?filter=new')).json();
    expect(inbox.items.map((e: { id: string }) => e.id)).toContain(id);
    const read = await coverReceiver.get(`/api/staff/errands/${id}`);
    expect(read.statusCode).toBe(200);
    expect(
      read
        .json()
        .history.map((h: { type: string }) => h.type)
        .slice(0, 2),
    ).toEqual(['sent', 'moved-to-cover-unit']);
    const homeReceiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    expect((await homeReceiver.get(`/api/staff/errands/${id}`)).statusCode).toBe(404);
    const homeInbox = (await homeReceiver.get('/api/staff/inbox?filter=new')).json();
    expect(homeInbox.items.map((e: { id: string }) => e.id)).not.toContain(id);

    const mine = (await citizen.get(`/api/citizen/errands/${id}`)).json();
    expect(mine.unit.hsaId).toBe(sameRegion);
    const moved = mine.history.find((h: { type: string }) => h.type === 'moved-to-cover-unit');
    expect(moved.assignee).toBe(card.unit.name);
    const messages = (await citizen.get('/api/citizen/messages')).json().items;
    expect(messages[0]).toMatchObject({ kind: 'unit-closed-cover-reply' });
    expect(messages[0].body).toContain(added.json().coverUnit.name);
  });
});
