import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../observability/prometheus-metrics.ts';
import { createErrandFixture, type ErrandFixture, prescriptionAnswers } from '../../testing/errand-fixture.ts';
import { parseMetricsText, sampleValue } from '../../testing/metrics-text.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { REPEATED_REFUSALS } from '../../use-cases/security/record-refused-errand.ts';

describe.each(DIALECTS)('staff refused an errand on %s', (dialect) => {
  let f: ErrandFixture;
  const metrics = createMetrics();
  let errandId: string;

  beforeAll(async () => {
    f = await createErrandFixture(dialect, { metrics });
    const citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    errandId = (
      await citizen.post('/api/citizen/errands', {
        unitHsaId: f.unit,
        errandType: 'renew-prescription',
        formVersionId: form.formVersionId,
        answers: prescriptionAnswers(),
      })
    ).json().id;
  });
  afterAll(async () => f.close());

  const events = () => f.database.db.selectFrom('security_event').selectAll().orderBy('at').execute();
  const metric = async (name: string) => sampleValue(parseMetricsText(await metrics.registry.metrics()), name);

  it('leaves a security event, not an access-log entry the citizen would see', async () => {
    const stranger = await f.staffElsewhere('receiver', f.unit);
    const accessLogBefore = await f.database.db.selectFrom('access_log').selectAll().execute();
    const refused = await stranger.get(`/api/staff/errands/${errandId}`);
    expect(refused.statusCode).toBe(404);
    await expect.poll(async () => (await events()).length, { timeout: 30_000 }).toBe(1);
    expect((await events())[0]).toMatchObject({ kind: 'staff-errand-refused', subject: errandId });
    expect((await events())[0]?.staff_hsa_id).not.toBeNull();
    expect(await f.database.db.selectFrom('access_log').selectAll().execute()).toEqual(accessLogBefore);
    await expect.poll(() => metric('kontakta_staff_errand_refusals_total'), { timeout: 30_000 }).toBe(1);
  });

  it('counts repeated refusals of one member of staff once they pass the threshold', async () => {
    const prober = await f.staff(f.personas.staff.secondDoctor.hsaId, f.unit);
    for (let i = 0; i < REPEATED_REFUSALS + 2; i++) {
      const id = i === 0 ? errandId : crypto.randomUUID();
      expect((await prober.get(`/api/staff/errands/${id}`)).statusCode).toBe(404);
    }
    await expect.poll(() => metric('kontakta_staff_repeated_refusals_total'), { timeout: 30_000 }).toBe(1);
    // Events are written after each response has left, so the last one may still be on its way.
    await expect
      .poll(() => metric('kontakta_staff_errand_refusals_total'), { timeout: 30_000 })
      .toBe(1 + REPEATED_REFUSALS + 2);
  });

  it('is not written for a citizen, nor for staff who may see the errand', async () => {
    const before = (await events()).length;
    const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    expect((await receiver.get(`/api/staff/errands/${errandId}`)).statusCode).toBe(200);
    const citizen = await f.citizen(f.personas.citizens.tolvan.personnummer);
    expect((await citizen.get(`/api/citizen/errands/${errandId}`)).statusCode).toBe(404);
    expect((await events()).length).toBe(before);
  });
});
