import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { regionSession as chooseRegion } from '../../testing/region-session.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { type Method, requestAs } from '../../testing/unit-admin-fixture.ts';

// Regional administration (issue 16): a regional administrator chooses their region like a unit,
// sees its units, and sets the base offering that frames every unit's errand types. Refusals:
// not logged in 401, a citizen 404, staff outside a region session 403, another region 404.
describe.each(DIALECTS)('regional administration on %s', (dialect) => {
  let f: ErrandFixture;
  let regionCode: string;
  let otherRegionCode: string;
  let region: Client;
  let otherRegion: Client;
  let unitAdmin: Client;
  let citizen: Client;
  let typeId: string;
  const refused: Record<string, Client> = {};

  /** Logs in without a unit, then chooses the region through the API, as the web app does. */
  async function regionSession(hsaId: string, code: string): Promise<Client> {
    return chooseRegion(f, hsaId, code);
  }

  async function offering(as: Client) {
    const response = await as.get('/api/region/errand-types');
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      region: { code: string; name: string };
      items: Array<{
        errandType: string;
        allowed: boolean;
        openToProxies: boolean;
        citizenMayReply: boolean;
        replyTime: { amount: number; unit: string } | null;
        unitsEnabled: number;
      }>;
    };
  }

  function itemFor(
    list: Awaited<ReturnType<typeof offering>>,
    change: Partial<Awaited<ReturnType<typeof offering>>['items'][number]>,
  ) {
    return list.items.map((item) => ({
      errandType: item.errandType,
      allowed: item.allowed,
      openToProxies: item.openToProxies,
      citizenMayReply: item.citizenMayReply,
      replyTime: item.replyTime ? { amount: item.replyTime.amount, unit: item.replyTime.unit } : null,
      ...(item.errandType === change.errandType ? change : {}),
    }));
  }

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    const regional = await f.registers.findEmployee(f.personas.staff.regionAdministrator.hsaId);
    regionCode = regional?.regionCommissions[0]?.regionCode as string;
    const others = (await f.registers.listRegions()).filter((r) => r.code !== regionCode);
    let otherAdmin: string | undefined;
    for (const other of others) {
      otherAdmin = (await f.registers.listRegionAdministrators(other.code))[0]?.hsaId;
      if (otherAdmin) {
        otherRegionCode = other.code;
        break;
      }
    }
    region = await regionSession(f.personas.staff.regionAdministrator.hsaId, regionCode);
    otherRegion = await regionSession(otherAdmin as string, otherRegionCode);
    unitAdmin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    refused['the unit administrator of a unit in the region'] = unitAdmin;
    refused['a receiver of a unit in the region'] = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    refused['the regional administrator working at their unit'] = await f.staff(
      f.personas.staff.regionAdministrator.hsaId,
      (regional?.commissions[0]?.unitHsaId ?? '') as string,
    );
    refused['staff who chose nothing yet'] = await f.staffWithRoles(
      f.personas.staff.regionAdministrator.hsaId,
      null as never,
      [],
    );
    const card = (await citizen.get(`/api/units/${f.unit}/contact-card`)).json() as { errandTypes: { id: string }[] };
    typeId = card.errandTypes.find((t) => t.id === 'renew-prescription')?.id ?? (card.errandTypes[0]?.id as string);
  });
  afterAll(async () => f.close());

  const endpoints = (): Array<[Method, string, unknown?]> => [
    ['GET', '/api/region/units'],
    ['GET', '/api/region/errand-types'],
    ['PUT', '/api/region/errand-types', { items: [] }],
    ['GET', '/api/region/changes'],
  ];

  it('offers the region beside the units in the chooser, and the session says which region', async () => {
    const first = await f.staffWithRoles(f.personas.staff.regionAdministrator.hsaId, null as never, []);
    const units = (await first.get('/api/auth/units')).json();
    expect(units.regions).toEqual([expect.objectContaining({ code: regionCode, roles: ['region-administrator'] })]);
    expect(units.units.length).toBeGreaterThan(0);
    const session = (await region.get('/api/session')).json();
    expect(session).toMatchObject({ kind: 'staff', unitHsaId: null, regionCode, roles: ['region-administrator'] });
    expect((await region.get('/api/auth/units')).json().currentRegion).toBe(regionCode);
  });

  it('refuses another region, and staff without a region commission, when choosing (404)', async () => {
    const first = await f.staffWithRoles(f.personas.staff.regionAdministrator.hsaId, null as never, []);
    expect((await first.post('/api/auth/region', { regionCode: otherRegionCode })).statusCode).toBe(404);
    expect((await first.post('/api/auth/region', { regionCode: '99' })).statusCode).toBe(404);
    expect((await unitAdmin.post('/api/auth/region', { regionCode })).statusCode).toBe(404);
    expect((await citizen.post('/api/auth/region', { regionCode })).statusCode).toBe(404);
    expect((await first.post('/api/auth/region', { regionCode, extra: 1 })).statusCode).toBe(400);
  });

  it('refuses every region endpoint: 401 without a login, 404 for a citizen, 403 for other staff', async () => {
    for (const [method, url, body] of endpoints()) {
      expect((await requestAs(f, undefined, method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      expect((await requestAs(f, citizen, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      for (const [who, as] of Object.entries(refused)) {
        const response = await requestAs(f, as, method, url, body);
        expect(response.statusCode, `${who}: ${method} ${url}`).toBe(403);
      }
    }
    expect(await f.database.db.selectFrom('region_admin_change').select('id').execute()).toEqual([]);
  });

  it("lists the region's units, and only the region's, with what they offer", async () => {
    const response = await region.get('/api/region/units');
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json();
    expect(list.region.code).toBe(regionCode);
    const own = await f.database.db
      .selectFrom('care_unit')
      .select('hsa_id')
      .where('region_code', '=', regionCode)
      .execute();
    expect(list.items.map((u: { hsaId: string }) => u.hsaId).sort()).toEqual(own.map((u) => u.hsa_id).sort());
    const unit = list.items.find((u: { hsaId: string }) => u.hsaId === f.unit);
    expect(unit.offered.map((t: { id: string }) => t.id)).toContain(typeId);
    expect(unit.blockedByRegion).toEqual([]);
    expect(unit.hasNotificationEmail).toBe(true);
  });

  it('refuses bad offerings naming the field, and changes nothing', async () => {
    const list = await offering(region);
    const bad = [
      { items: [{ ...itemFor(list, {})[0], errandType: 'no-such-type' }] },
      { items: [itemFor(list, {})[0], itemFor(list, {})[0]] },
      { items: [{ ...itemFor(list, {})[0], replyTime: { amount: 0, unit: 'working-days' } }] },
      { items: [{ ...itemFor(list, {})[0], replyTime: { amount: 2, unit: 'weeks' } }] },
      { items: 'all' },
    ];
    for (const body of bad) {
      const response = await region.put('/api/region/errand-types', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    const unknown = await region.put('/api/region/errand-types', bad[0]);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'body.items[0].errandType', code: 'unknown-errand-type' });
    expect(await f.database.db.selectFrom('region_errand_type_policy').select('region_code').execute()).toEqual([]);
  });

  it('disallows a type: off the contact cards, forms and sending of its units; the unit admin sees why and cannot switch it on', async () => {
    const before = await offering(region);
    expect(before.items.find((i) => i.errandType === typeId)?.allowed).toBe(true);
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/${typeId}/form`)).json();
    const saved = await region.put('/api/region/errand-types', {
      items: itemFor(before, { errandType: typeId, allowed: false }),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().items.find((i: { errandType: string }) => i.errandType === typeId).allowed).toBe(false);

    const changes = (await region.get('/api/region/changes')).json();
    expect(changes.items).toEqual([
      expect.objectContaining({
        action: 'errand-type-disallowed',
        errandType: typeId,
        staffHsaId: f.personas.staff.regionAdministrator.hsaId,
      }),
    ]);

    const card = (await citizen.get(`/api/units/${f.unit}/contact-card`)).json();
    expect(card.errandTypes.map((t: { id: string }) => t.id)).not.toContain(typeId);
    expect((await citizen.get(`/api/citizen/units/${f.unit}/errand-types/${typeId}/form`)).statusCode).toBe(404);
    const sent = await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: typeId,
      formVersionId: form.formVersionId,
      answers: typeId === 'renew-prescription' ? prescriptionAnswers() : {},
    });
    expect(sent.statusCode, sent.body).toBe(404);

    const adminList = (await unitAdmin.get(`/api/admin/units/${f.unit}/errand-types`)).json();
    const listed = adminList.items.find((t: { id: string }) => t.id === typeId);
    // The unit's own setting is kept (a region that allows it again gets the unit's offering back).
    expect(listed).toMatchObject({ enabled: true, allowedByRegion: false });

    const enable = await unitAdmin.put(`/api/admin/units/${f.unit}/errand-types/${typeId}`, {
      enabled: true,
      openToProxies: true,
      citizenMayReply: true,
    });
    expect(enable.statusCode, enable.body).toBe(400);
    expect(enable.json().errors[0]).toMatchObject({ path: 'body.enabled', code: 'not-allowed-by-region' });
    expect(enable.json().errors[0].message).toContain('”');
    const off = await unitAdmin.put(`/api/admin/units/${f.unit}/errand-types/${typeId}`, {
      enabled: false,
      openToProxies: true,
      citizenMayReply: true,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await unitAdmin.get(`/api/admin/units/${f.unit}/changes`)).json().items[0]).toMatchObject({
      action: 'errand-type-settings-changed',
      errandType: typeId,
    });

    const units = (await region.get('/api/region/units')).json();
    const others = units.items.filter((u: { hsaId: string }) => u.hsaId !== f.unit);
    expect(units.items.every((u: { offered: { id: string }[] }) => !u.offered.some((t) => t.id === typeId))).toBe(true);
    expect(others.some((u: { blockedByRegion: string[] }) => u.blockedByRegion.includes(typeId))).toBe(true);

    // Another region's units and frame are untouched.
    expect((await offering(otherRegion)).items.find((i) => i.errandType === typeId)?.allowed).toBe(true);
    expect((await otherRegion.get('/api/region/changes')).json().items).toEqual([]);

    // Allowed again: the units that kept it on offer it again.
    const again = await region.put('/api/region/errand-types', {
      items: itemFor(await offering(region), { errandType: typeId, allowed: true }),
    });
    expect(again.statusCode).toBe(200);
    const other = others.find((u: { blockedByRegion: string[] }) => u.blockedByRegion.includes(typeId));
    const otherCard = (await citizen.get(`/api/units/${other.hsaId}/contact-card`)).json();
    expect(otherCard.errandTypes.map((t: { id: string }) => t.id)).toContain(typeId);
  });

  it("gives units the region's defaults where they have set none of their own", async () => {
    const current = await offering(region);
    const target = current.items.find((i) => i.errandType === typeId);
    expect(target?.replyTime).toBeNull();
    const saved = await region.put('/api/region/errand-types', {
      items: itemFor(current, {
        errandType: typeId,
        replyTime: { amount: 4, unit: 'working-days' },
        openToProxies: false,
      }),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const actions = (await region.get('/api/region/changes')).json().items.map((c: { action: string }) => c.action);
    expect(actions[0]).toBe('errand-type-defaults-changed');

    const ownReplyTimes = await f.database.db
      .selectFrom('unit_reply_time')
      .select(['unit_hsa_id', 'errand_type'])
      .execute();
    const units = (await region.get('/api/region/units')).json().items as Array<{
      hsaId: string;
      offered: { id: string }[];
    }>;
    const without = units.find(
      (u) =>
        u.offered.some((t) => t.id === typeId) &&
        !ownReplyTimes.some((r) => r.unit_hsa_id === u.hsaId && r.errand_type === typeId),
    );
    expect(without).toBeDefined();
    const card = (await citizen.get(`/api/units/${without?.hsaId}/contact-card`)).json();
    expect(card.errandTypes.find((t: { id: string }) => t.id === typeId).replyTime).toEqual({
      amount: 4,
      unit: 'working-days',
    });
    // Set up by the system, not by the unit: the region's default for proxies holds there too.
    expect(card.errandTypes.find((t: { id: string }) => t.id === typeId).openToProxies).toBe(false);
    // A unit that sets the type itself decides for itself.
    const own = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
    const reopened = await own.put(`/api/admin/units/${f.unit}/errand-types/${typeId}`, {
      enabled: true,
      openToProxies: true,
      citizenMayReply: true,
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const ownCard = (await citizen.get(`/api/units/${f.unit}/contact-card`)).json();
    expect(ownCard.errandTypes.find((t: { id: string }) => t.id === typeId).openToProxies).toBe(true);

    // A unit setting the type up after this starts from the region's default: closed to proxies.
    await f.database.db
      .deleteFrom('unit_errand_type')
      .where('unit_hsa_id', '=', f.unit)
      .where('errand_type', '=', typeId)
      .execute();
    const adminList = (await unitAdmin.get(`/api/admin/units/${f.unit}/errand-types`)).json();
    expect(adminList.items.find((t: { id: string }) => t.id === typeId)).toMatchObject({
      enabled: false,
      openToProxies: false,
      allowedByRegion: true,
    });
  });

  it("gives a region session nothing of a unit's: no inbox, no unit administration", async () => {
    expect((await region.get('/api/staff/inbox')).statusCode).toBeGreaterThanOrEqual(403);
    expect((await region.get('/api/staff/inbox')).statusCode).toBeLessThanOrEqual(404);
    expect((await region.get(`/api/admin/units/${f.unit}/errand-types`)).statusCode).toBe(403);
    expect(
      (
        await region.put(`/api/admin/units/${f.unit}/errand-types/${typeId}`, {
          enabled: true,
          openToProxies: true,
          citizenMayReply: true,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('pages the change record with a cursor', async () => {
    const first = (await region.get('/api/region/changes?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = (await region.get(`/api/region/changes?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].at).toBeLessThanOrEqual(first.items[0].at);
    expect((await region.get('/api/region/changes?cursor=bad!')).statusCode).toBe(400);
  });

  it('ends the region session when the catalogue no longer gives the commission', async () => {
    const session = (await region.get('/api/session')).json();
    expect(session.regionCode).toBe(regionCode);
    // A session whose region is not one of the person's own (forged row) is refused by the catalogue check.
    await f.database.db
      .updateTable('session')
      .set({ region_code: otherRegionCode })
      .where('region_code', '=', regionCode)
      .execute();
    expect((await region.get('/api/region/units')).statusCode).toBe(401);
  });
});
