import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../testing/errand-fixture.ts';
import { DIALECTS } from '../testing/test-databases.ts';
import { requestAs } from '../testing/unit-admin-fixture.ts';

// Reference data (a unit's offering, its region's frame, closures, forms, opening hours and reply
// times) is kept in the process between requests (storage/reference-cache.ts). Nothing a change
// commits may be outrun by it: not an administrator's change through the app, and not one written
// by another process.
describe.each(DIALECTS)('the reference data cache on %s', (dialect) => {
  let f: ErrandFixture;
  let citizen: Client;
  let admin: Client;
  const formOf = (type: string) => citizen.get(`/api/citizen/units/${f.unit}/errand-types/${type}/form`);
  const sendOn = (formVersionId: string) =>
    citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId,
      answers: prescriptionAnswers('Levaxin'),
    });
  const settings = { enabled: true, openToProxies: true, citizenMayReply: true };

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    admin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
  });
  afterAll(async () => f.close());

  it("an administrator's change is seen by the very next request", async () => {
    const form = await formOf('renew-prescription');
    expect(form.statusCode).toBe(200);
    expect((await sendOn(form.json().formVersionId)).statusCode).toBe(201);

    const off = await requestAs(f, admin, 'PUT', `/api/admin/units/${f.unit}/errand-types/renew-prescription`, {
      ...settings,
      enabled: false,
    });
    expect(off.statusCode).toBe(200);
    expect((await formOf('renew-prescription')).statusCode).toBe(404);
    expect((await sendOn(form.json().formVersionId)).statusCode).toBe(404);

    await requestAs(f, admin, 'PUT', `/api/admin/units/${f.unit}/errand-types/renew-prescription`, settings);
    expect((await formOf('renew-prescription')).statusCode).toBe(200);
  });

  it('a change written by another process (here: straight into the database) is seen too', async () => {
    const form = await formOf('renew-prescription');
    expect(form.statusCode).toBe(200);
    const { db } = f.database;
    const where = { unit: f.unit, type: 'renew-prescription' };
    await db
      .updateTable('unit_errand_type')
      .set({ enabled: 0 })
      .where('unit_hsa_id', '=', where.unit)
      .where('errand_type', '=', where.type)
      .execute();
    expect((await formOf('renew-prescription')).statusCode).toBe(404);
    expect((await sendOn(form.json().formVersionId)).statusCode).toBe(404);

    await db
      .updateTable('unit_errand_type')
      .set({ enabled: 1 })
      .where('unit_hsa_id', '=', where.unit)
      .where('errand_type', '=', where.type)
      .execute();
    expect((await formOf('renew-prescription')).statusCode).toBe(200);
  });

  it('counts a change to every reference table, so no writer can forget to', async () => {
    const { db } = f.database;
    const generation = async () =>
      (await db.selectFrom('reference_generation').select('value').executeTakeFirstOrThrow()).value;
    const changes = [
      () => db.updateTable('care_unit').set({ name: 'Vårdcentralen Ändrad' }).where('hsa_id', '=', f.unit).execute(),
      () =>
        db.updateTable('unit_setting').set({ staff_names: 'profession' }).where('unit_hsa_id', '=', f.unit).execute(),
      () => db.updateTable('form_version').set({ created_by: 'test' }).where('unit_hsa_id', '=', f.unit).execute(),
      () =>
        db
          .insertInto('unit_closure')
          .values({
            id: 'closure-1',
            unit_hsa_id: f.unit,
            starts_on: '2099-07-01',
            ends_on: '2099-07-31',
            keeps_open: '[]',
            message_sv: null,
            message_en: null,
            cover_unit_hsa_id: null,
            created_at: 0,
            created_by: 'test',
          })
          .execute(),
      () => db.deleteFrom('unit_closure').where('id', '=', 'closure-1').execute(),
      // A unit's opening hours and reply times: every staff list's reply deadlines (migration -33).
      () =>
        db
          .insertInto('unit_contact_card')
          .values({
            unit_hsa_id: f.unit,
            phone: null,
            visiting_street: null,
            visiting_postal_code: null,
            visiting_city: null,
            opening_hours: '[]',
            opening_hours_note: null,
            description_sv: null,
            description_en: null,
            updated_at: 0,
            updated_by: 'test',
          })
          .onConflict((oc) => oc.column('unit_hsa_id').doUpdateSet({ opening_hours: '[]' }))
          .execute(),
      () => db.updateTable('unit_contact_card').set({ phone: '08-1' }).where('unit_hsa_id', '=', f.unit).execute(),
      () =>
        db
          .insertInto('unit_reply_time')
          .values({
            unit_hsa_id: f.unit,
            errand_type: 'renew-prescription',
            amount: 2,
            unit: 'working-days',
            updated_at: 0,
          })
          .onConflict((oc) => oc.columns(['unit_hsa_id', 'errand_type']).doUpdateSet({ amount: 2 }))
          .execute(),
      () => db.updateTable('unit_reply_time').set({ amount: 3 }).where('unit_hsa_id', '=', f.unit).execute(),
      () => db.deleteFrom('unit_reply_time').where('unit_hsa_id', '=', f.unit).execute(),
      () => db.deleteFrom('unit_contact_card').where('unit_hsa_id', '=', f.unit).execute(),
    ];
    for (const change of changes) {
      const before = await generation();
      await change();
      expect(await generation()).toBeGreaterThan(before);
    }
  });
});
