import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

// Standard answers (issue 18): unit data kept by its administrators with the change log, read by
// the unit's staff for an errand type. On both databases.
describe.each(DIALECTS)('answer templates on %s', (dialect) => {
  let f: ErrandFixture;
  let admin: Client;
  let doctor: Client;
  let otherUnitDoctor: Client;
  let citizen: Client;
  const base = () => `/api/admin/units/${f.unit}/answer-templates`;
  const changeLog = async () =>
    (
      await f.database.db
        .selectFrom('unit_admin_change')
        .select('action')
        .where('unit_hsa_id', '=', f.unit)
        .orderBy('at')
        .execute()
    ).map((row) => row.action);

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    admin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
    doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    otherUnitDoctor = await f.staffElsewhere('caregiver', f.unit);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
  });
  afterAll(async () => f.close());

  it('are added, changed and removed by the unit administrator, each change in the change log', async () => {
    const added = await admin.post(base(), {
      title: { sv: 'Receptet förnyat' },
      text: { sv: 'Hej!\nDitt recept är förnyat och finns på apoteket.' },
      errandTypes: ['renew-prescription'],
    });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id;
    expect(added.json()).toMatchObject({
      title: { sv: 'Receptet förnyat', en: null },
      errandTypes: ['renew-prescription'],
    });

    const changed = await admin.put(`${base()}/${id}`, {
      title: { sv: 'Receptet förnyat', en: 'Prescription renewed' },
      text: { sv: 'Ditt recept är förnyat.', en: 'Your prescription is renewed.' },
      errandTypes: [],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await admin.get(base())).json().items).toEqual([
      expect.objectContaining({ id, text: { sv: 'Ditt recept är förnyat.', en: 'Your prescription is renewed.' } }),
    ]);
    expect((await admin.delete(`${base()}/${id}`)).statusCode).toBe(204);
    expect((await admin.get(base())).json().items).toEqual([]);
    expect(await changeLog()).toEqual(
      expect.arrayContaining(['answer-template-added', 'answer-template-changed', 'answer-template-removed']),
    );
    expect((await admin.delete(`${base()}/${id}`)).statusCode).toBe(404);
  });

  it('refuse a blank Swedish text, control characters and unknown fields (400 naming the field)', async () => {
    const cases: Array<[unknown, string]> = [
      [{ title: { sv: '  ' }, text: { sv: 'x' }, errandTypes: [] }, 'body.title.sv'],
      [{ title: { sv: 'x' }, text: { sv: '' }, errandTypes: [] }, 'body.text.sv'],
      [{ title: { sv: 'x\u0000' }, text: { sv: 'x' }, errandTypes: [] }, 'body.title.sv'],
      [{ title: { sv: 'x' }, text: { sv: 'x' }, errandTypes: ['Not A Type'] }, 'body.errandTypes'],
      [{ title: { sv: 'x' }, text: { sv: 'x' } }, 'body.errandTypes'],
    ];
    for (const [body, path] of cases) {
      const response = await admin.post(base(), body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        response
          .json()
          .errors.map((e: { path: string }) => e.path)
          .join(' '),
      ).toContain(path);
    }
    expect((await admin.get(base())).json().items).toEqual([]);
  });

  it("are read by the unit's staff for an errand type, never by another unit's or a citizen", async () => {
    for (const [title, errandTypes] of [
      ['För recept', ['renew-prescription']],
      ['För alla', []],
      ['För intyg', ['request-certificate']],
    ] as const) {
      await admin.post(base(), { title: { sv: title }, text: { sv: `${title}.` }, errandTypes });
    }
    const forPrescription = (await doctor.get('/api/staff/answer-templates?errandType=renew-prescription')).json();
    expect(forPrescription.items.map((item: { title: { sv: string } }) => item.title.sv)).toEqual([
      'För alla',
      'För recept',
    ]);
    expect((await otherUnitDoctor.get('/api/staff/answer-templates')).json().items).toEqual([]);
    expect((await citizen.get('/api/staff/answer-templates')).statusCode).toBe(404);
    expect((await f.app.inject({ method: 'GET', url: '/api/staff/answer-templates' })).statusCode).toBe(401);
    expect((await doctor.post(base(), { title: { sv: 'x' }, text: { sv: 'x' }, errandTypes: [] })).statusCode).toBe(
      403,
    );
  });
});
