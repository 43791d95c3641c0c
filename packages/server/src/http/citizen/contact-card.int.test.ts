import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRegister } from '../../registers/index.ts';
import { changeableRegisters } from '../../testing/changeable-register.ts';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { actFor, addChild } from '../../testing/proxy-sessions.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { requestAs } from '../../testing/unit-admin-fixture.ts';

// The contact card's own part: phone, visiting address, opening hours, description and reply
// times, set by the unit's administrators (with the change log) and shown to everyone; and the
// citizen's units, with where the population register lists them ("Din vårdcentral").
describe.each(DIALECTS)('contact card and my units on %s', (dialect) => {
  let f: ErrandFixture;
  let admin: Client;
  const changeable = changeableRegisters();
  const url = () => `/api/admin/units/${f.unit}/contact-card`;
  const card = async () => (await f.app.inject({ method: 'GET', url: `/api/units/${f.unit}/contact-card` })).json();

  const body = (overrides: Record<string, unknown> = {}) => ({
    phone: ' 08-123 456 78 ',
    visitingAddress: { street: 'Gläntvägen 16, plan 2', postalCode: '12352', city: 'Farsta' },
    openingHours: {
      days: [
        { day: 'friday', opens: '8:00', closes: '15:00' },
        { day: 'monday', opens: '08:00', closes: '17:00' },
      ],
      note: 'Lunchstängt 12–13',
    },
    description: { sv: 'Vårdcentral för alla åldrar.\nVi har BVC i samma hus.', en: null },
    replyTimes: [
      { errandType: 'renew-prescription', amount: 3, unit: 'working-days' },
      { errandType: 'ask-the-nurse', amount: 4, unit: 'working-hours' },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    f = await createErrandFixture(dialect, { registers: changeable.registers });
    admin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
  });
  afterAll(async () => f.close());

  it('starts with the catalogue address, no phone, no hours and no reply times', async () => {
    const settings = (await admin.get(url())).json();
    expect(settings).toMatchObject({
      phone: null,
      visitingAddress: null,
      catalogueAddress: { street: 'Gläntvägen 14', postalCode: '123 52', city: 'Farsta' },
      openingHours: { days: [], note: null },
      description: null,
      updatedAt: null,
    });
    expect(settings.replyTimes.find((t: { errandType: string }) => t.errandType === 'renew-prescription')).toEqual({
      errandType: 'renew-prescription',
      name: { sv: 'Förnya recept', en: expect.any(String) },
      enabled: true,
      replyTime: null,
    });
    const shown = await card();
    expect(shown.contact).toEqual({
      phone: null,
      visitingAddress: { street: 'Gläntvägen 14', postalCode: '123 52', city: 'Farsta' },
      openingHours: { days: [], note: null },
      description: null,
    });
    expect(shown.errandTypes.every((t: { replyTime: unknown }) => t.replyTime === null)).toBe(true);
  });

  it('saves the contact card cleaned up, records the change, and shows it on the contact card', async () => {
    const saved = await requestAs(f, admin, 'PUT', url(), body());
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      phone: '08-123 456 78',
      visitingAddress: { street: 'Gläntvägen 16, plan 2', postalCode: '123 52', city: 'Farsta' },
      openingHours: {
        days: [
          { day: 'monday', opens: '08:00', closes: '17:00' },
          { day: 'friday', opens: '08:00', closes: '15:00' },
        ],
        note: 'Lunchstängt 12–13',
      },
      description: { sv: 'Vårdcentral för alla åldrar.\nVi har BVC i samma hus.', en: null },
      updatedBy: f.personas.staff.unitAdministrator.hsaId,
      updatedAt: expect.any(Number),
    });
    expect((await admin.get(url())).json()).toEqual(saved.json());

    const changes = (await admin.get(`/api/admin/units/${f.unit}/changes`)).json().items;
    expect(changes[0]).toMatchObject({
      action: 'contact-card-changed',
      staffHsaId: f.personas.staff.unitAdministrator.hsaId,
    });
    const rows = await f.database.db
      .selectFrom('unit_admin_change')
      .selectAll()
      .where('unit_hsa_id', '=', f.unit)
      .where('action', '=', 'contact-card-changed')
      .execute();
    expect(rows).toHaveLength(1);

    const shown = await card();
    expect(shown.contact).toEqual({
      phone: '08-123 456 78',
      visitingAddress: { street: 'Gläntvägen 16, plan 2', postalCode: '123 52', city: 'Farsta' },
      openingHours: saved.json().openingHours,
      description: { sv: 'Vårdcentral för alla åldrar.\nVi har BVC i samma hus.', en: null },
    });
    const replyOf = (id: string) => shown.errandTypes.find((t: { id: string }) => t.id === id)?.replyTime;
    expect(replyOf('renew-prescription')).toEqual({ amount: 3, unit: 'working-days' });
    expect(replyOf('ask-the-nurse')).toEqual({ amount: 4, unit: 'working-hours' });
    expect(replyOf('request-appointment')).toBeNull();

    // Back to the catalogue's address and no reply times: null and an empty list clear them.
    const cleared = await requestAs(f, admin, 'PUT', url(), body({ visitingAddress: null, replyTimes: [] }));
    expect(cleared.json().visitingAddress).toBeNull();
    expect((await card()).contact.visitingAddress.street).toBe('Gläntvägen 14');
    expect((await card()).errandTypes.every((t: { replyTime: unknown }) => t.replyTime === null)).toBe(true);
  });

  it('refuses bad input with 400 naming each field, and changes nothing', async () => {
    const before = (await admin.get(url())).json();
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ phone: 'ring oss' }, ['body.phone']],
      [{ phone: '08--123' }, ['body.phone']],
      [{ phone: '+46 8 123 456 78 90 12 34 56' }, ['body.phone']],
      [
        { visitingAddress: { street: ' ', postalCode: '1234', city: 'x'.repeat(61) } },
        ['body.visitingAddress.street', 'body.visitingAddress.postalCode', 'body.visitingAddress.city'],
      ],
      [
        { openingHours: { days: [{ day: 'monday', opens: '25:00', closes: '8' }], note: null } },
        ['body.openingHours.days.0.opens', 'body.openingHours.days.0.closes'],
      ],
      [
        { openingHours: { days: [{ day: 'monday', opens: '17:00', closes: '08:00' }], note: null } },
        ['body.openingHours.days.0.closes'],
      ],
      [
        { openingHours: { days: [{ day: 'monday', opens: '08:00', closes: '08:00' }], note: null } },
        ['body.openingHours.days.0.closes'],
      ],
      [
        {
          openingHours: {
            days: [
              { day: 'monday', opens: '08:00', closes: '12:00' },
              { day: 'monday', opens: '13:00', closes: '17:00' },
            ],
            note: null,
          },
        },
        ['body.openingHours.days.1.day'],
      ],
      [{ openingHours: { days: [], note: 'x'.repeat(201) } }, ['body.openingHours.note']],
      [{ description: { sv: 'x'.repeat(601), en: null } }, ['body.description.sv']],
      [{ description: { sv: '', en: 'Only English' } }, ['body.description.sv']],
      [{ description: { sv: 'Hej\u0000', en: null } }, ['body.description.sv']],
      [
        { replyTimes: [{ errandType: 'no-such-type', amount: 3, unit: 'working-days' }] },
        ['body.replyTimes.0.errandType'],
      ],
      [
        { replyTimes: [{ errandType: 'renew-prescription', amount: 0, unit: 'working-days' }] },
        ['body.replyTimes.0.amount'],
      ],
      [
        {
          replyTimes: [
            { errandType: 'renew-prescription', amount: 3, unit: 'working-days' },
            { errandType: 'renew-prescription', amount: 2, unit: 'working-days' },
          ],
        },
        ['body.replyTimes.1.errandType'],
      ],
      // The HTTP schema's refusals: wrong types, unknown units and properties, huge texts.
      [{ replyTimes: [{ errandType: 'renew-prescription', amount: 3, unit: 'weeks' }] }, ['body.replyTimes.0.unit']],
      [{ phone: 46812345678 }, ['body.phone']],
      [{ description: { sv: 'x'.repeat(10_000), en: null } }, ['body.description.sv']],
    ];
    for (const [overrides, paths] of cases) {
      const response = await requestAs(f, admin, 'PUT', url(), body(overrides));
      expect(response.statusCode, JSON.stringify(overrides).slice(0, 120)).toBe(400);
      const errorPaths = response.json().errors.map((e: { path: string }) => e.path);
      for (const path of paths) expect(errorPaths, JSON.stringify(overrides).slice(0, 120)).toContain(path);
    }
    // The server's own checks answer in the administrator's language.
    const swedish = await requestAs(f, admin, 'PUT', url(), body({ phone: 'ring oss' }), { 'accept-language': 'sv' });
    expect(swedish.json().errors[0].message).toMatch(/^Skriv telefonnumret/);
    const unknownProperty = await requestAs(f, admin, 'PUT', url(), { ...body(), fax: '08-1' });
    expect(unknownProperty.statusCode).toBe(400);
    expect((await admin.get(url())).json()).toEqual(before);
  });

  it('refuses everyone but the unit’s own administrators: 401, 404 for a citizen, 403 for other staff', async () => {
    const before = (await admin.get(url())).json();
    expect((await requestAs(f, undefined, 'GET', url())).statusCode).toBe(401);
    expect((await requestAs(f, undefined, 'PUT', url(), body())).statusCode).toBe(401);
    const citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    expect((await requestAs(f, citizen, 'GET', url())).statusCode).toBe(404);
    expect((await requestAs(f, citizen, 'PUT', url(), body())).statusCode).toBe(404);
    const others = [
      await f.staffElsewhere('unit-administrator', f.unit),
      await f.staff(f.personas.staff.receiver.hsaId, f.unit),
    ];
    for (const other of others) {
      expect((await requestAs(f, other, 'GET', url())).statusCode).toBe(403);
      expect((await requestAs(f, other, 'PUT', url(), body({ phone: '08-999 99 99' }))).statusCode).toBe(403);
    }
    expect((await admin.get(url())).json()).toEqual(before);
    // An administrator reaches only their own unit, whichever address they try.
    const other = (await f.registers.listCareUnits()).find((u) => u.hsaId !== f.unit)?.hsaId;
    expect((await requestAs(f, admin, 'PUT', `/api/admin/units/${other}/contact-card`, body())).statusCode).toBe(403);
  });

  it('lists the citizen’s health centre first ("Din vårdcentral"), then the units they have used', async () => {
    const register = buildDemoRegister(new Date());
    const adult = register.population.people.find((p) => p.personnummer === f.personas.citizens.adult.personnummer);
    expect(adult?.listedUnitHsaId).toBeDefined();
    const citizen = await f.citizen(f.personas.citizens.adult.personnummer);

    const first = await citizen.get('/api/citizen/units');
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toEqual([
      expect.objectContaining({ hsaId: adult?.listedUnitHsaId, listed: true, used: false, kind: 'primary-care' }),
    ]);

    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    const sent = await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: form.formVersionId,
      answers: prescriptionAnswers(),
    });
    expect(sent.statusCode).toBe(201);
    const items = (await citizen.get('/api/citizen/units')).json().items;
    expect(items.map((u: { hsaId: string; listed: boolean; used: boolean }) => [u.hsaId, u.listed, u.used])).toEqual([
      [adult?.listedUnitHsaId, true, false],
      [f.unit, false, true],
    ]);
  });

  it('follows the register: a guardian acting for a child sees the child’s health centre', async () => {
    const { guardian: guardianPersona, child12y8m } = f.personas.citizens;
    const healthCentres = (await f.registers.listCareUnits()).filter((unit) => unit.kind === 'primary-care');
    const guardianListing = (await f.registers.findPerson(guardianPersona.personnummer))?.listedUnitHsaId;
    const elsewhere = healthCentres.find((unit) => unit.hsaId !== guardianListing)?.hsaId ?? '';
    changeable.change(child12y8m.personnummer, (person) => {
      person.listedUnitHsaId = elsewhere;
    });

    const guardian = await f.citizen(guardianPersona.personnummer);
    const own = (await guardian.get('/api/citizen/units')).json().items;
    expect(own.filter((u: { listed: boolean }) => u.listed).map((u: { hsaId: string }) => u.hsaId)).toEqual([
      guardianListing,
    ]);
    const forChild = await actFor(f, guardian, await addChild(guardian, child12y8m.personnummer));
    expect((await forChild.get('/api/citizen/units')).json().items).toEqual([
      expect.objectContaining({ hsaId: elsewhere, listed: true, used: false }),
    ]);

    // A listing the register drops is gone at the next look.
    changeable.change(child12y8m.personnummer, (person) => {
      delete person.listedUnitHsaId;
    });
    expect((await forChild.get('/api/citizen/units')).json().items).toEqual([]);
  });

  it('shows no health centre for a citizen the register lists nowhere', async () => {
    const unlisted = buildDemoRegister(new Date()).population.people.find(
      (p) => p.listedUnitHsaId === undefined && !p.protectedIdentity && p.guardians.length === 0 && p.mobile,
    );
    expect(unlisted).toBeDefined();
    const citizen = await f.citizen(unlisted?.personnummer ?? '');
    const response = await citizen.get('/api/citizen/units');
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([]);
    expect((await f.app.inject({ method: 'GET', url: '/api/citizen/units' })).statusCode).toBe(401);
  });

  it('offers what fits the unit\'s kind from the start: no "Lista om" or sick leave at a children\'s psychiatry unit', async () => {
    const units = await f.database.db.selectFrom('care_unit').select(['hsa_id', 'kind']).execute();
    const offered = async (hsaId: string) =>
      (await f.app.inject({ method: 'GET', url: `/api/units/${hsaId}/contact-card` }))
        .json()
        .errandTypes.map((type: { id: string }) => type.id);
    const bup = units.find((unit) => unit.kind === 'child-psychiatry');
    const healthCentre = units.find((unit) => unit.kind === 'primary-care');
    expect(bup && healthCentre).toBeTruthy();
    expect(await offered(bup?.hsa_id ?? '')).not.toContain('change-listing');
    expect(await offered(bup?.hsa_id ?? '')).not.toContain('extend-sick-leave');
    expect(await offered(healthCentre?.hsa_id ?? '')).toContain('change-listing');
  });
});
