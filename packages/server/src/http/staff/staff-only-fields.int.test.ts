import {
  CitizenErrandDetail,
  type StaffErrandDetail,
  StaffErrandDetail as StaffErrandSchema,
} from '@kontakta/contract';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

// Citizens and staff get an errand through two whitelists: `CitizenErrandDetail` and
// `StaffErrandDetail`, which adds what only staff may see. These tests prove that no staff-only
// field reaches a citizen: in the real flow, from the serializer on its own, and from the citizen
// route even when the presenter hands it the staff view by mistake.

/** When true, the presenter shows every errand as staff see it, to whoever asks (a bug on purpose). */
let presenterLeaks = false;
/** What the presenter handed the routes while it leaked. */
const presented: unknown[] = [];
vi.mock('../../use-cases/errands/present-errand.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../use-cases/errands/present-errand.ts')>();
  const presentErrand = async (...args: Parameters<typeof actual.presentErrand>) => {
    const [ctx, db, row, viewer, language] = args;
    if (!presenterLeaks) {
      return viewer === 'staff'
        ? actual.presentErrand(ctx, db, row, 'staff', language)
        : actual.presentErrand(ctx, db, row, 'citizen', language);
    }
    const detail = await actual.presentErrand(ctx, db, row, 'staff', language);
    presented.push(detail);
    return detail;
  };
  return { ...actual, presentErrand };
});

const STAFF_ONLY = Object.keys(StaffErrandSchema.properties)
  .filter((key) => !(key in CitizenErrandDetail.properties))
  .sort();
const CITIZEN_KEYS = Object.keys(CitizenErrandDetail.properties).sort();

it('the staff-only fields are the ones the staff whitelist adds', () => {
  expect(STAFF_ONLY).toEqual(['assignedTo', 'citizen', 'notes', 'notifications', 'sentByProxy']);
});

it("the serializer drops every staff-only field from an answer under the citizen's schema", async () => {
  const staffShaped: StaffErrandDetail = {
    id: 'e-1',
    unit: { hsaId: 'SE-1', name: 'Vårdcentralen' },
    errandType: { id: 'renew-prescription', name: { sv: 'Förnya recept', en: 'Renew a prescription' } },
    status: 'assigned',
    createdAt: 1,
    lastEventAt: 2,
    unread: false,
    hasAnswer: false,
    archived: false,
    deletesOn: null,
    replyAllowed: false,
    messages: [],
    history: [],
    assignedTo: 'SE-1-DOCTOR',
    citizen: { personnummer: '191212121212', name: 'Tolvan Tolvansson' },
    sentByProxy: { personnummer: '198001019806', name: 'Anna Lindqvist' },
    notifications: [{ channel: 'sms', status: 'failed', to: '070-*** ** 67', createdAt: 3 }],
    notes: [{ id: 'n-1', author: 'Sara Berg', createdAt: 4, text: 'Ringt, inget svar.' }],
  };
  const app = Fastify();
  app.get('/citizen', { schema: { response: { 200: CitizenErrandDetail } } }, async () => staffShaped);
  app.get('/staff', { schema: { response: { 200: StaffErrandSchema } } }, async () => staffShaped);
  try {
    const citizen = (await app.inject({ url: '/citizen' })).json();
    expect(Object.keys(citizen).sort()).toEqual(CITIZEN_KEYS);
    for (const key of STAFF_ONLY) expect(citizen).not.toHaveProperty(key);
    // The same object under the staff schema keeps them: the citizen's schema is what drops them.
    expect((await app.inject({ url: '/staff' })).json()).toEqual(staffShaped);
  } finally {
    await app.close();
  }
});

describe.each(DIALECTS)('staff-only errand fields on %s', (dialect) => {
  let f: ErrandFixture;
  let owner: Client;
  let receiver: Client;
  let doctorHsaId: string;
  let errandId: string;

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    owner = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    doctorHsaId = f.personas.staff.doctor.hsaId;
    const doctor = await f.staff(doctorHsaId, f.unit);
    // A verified e-mail address, so that the answer is announced and staff have a notification to see.
    const citizenId = (await f.database.db.selectFrom('citizen').select('id').executeTakeFirstOrThrow()).id;
    await f.database.db
      .insertInto('citizen_contact')
      .values({
        citizen_id: citizenId,
        email: 'karl@example.se',
        email_verified_at: Date.now(),
        mobile: null,
        mobile_verified_at: null,
        language: 'sv',
        updated_at: Date.now(),
      })
      .execute();
    const form = (await owner.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    errandId = (
      await owner.post('/api/citizen/errands', {
        unitHsaId: f.unit,
        errandType: 'renew-prescription',
        formVersionId: form.formVersionId,
        answers: prescriptionAnswers('Sertralin'),
      })
    ).json().id;
    expect(
      (await receiver.post(`/api/staff/errands/${errandId}/assign`, { caregiverHsaId: doctorHsaId })).statusCode,
    ).toBe(204);
    // Answered, but still assigned until closed: `assignedTo` has a value for staff to see.
    expect(
      (
        await doctor.post(`/api/staff/errands/${errandId}/answer`, {
          answers: {
            medicines: [{ item: 'Sertralin', decision: 'renewed' }],
            message: 'Klart.',
            citizenMayReply: true,
          },
        })
      ).statusCode,
    ).toBe(204);
  });
  afterAll(async () => {
    presenterLeaks = false;
    await f.close();
  });

  it('staff see who has the errand, who it is about and how the notifications fared', async () => {
    const response = await receiver.get(`/api/staff/errands/${errandId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      assignedTo: doctorHsaId,
      citizen: { personnummer: f.personas.citizens.adult.personnummer, name: expect.any(String) },
      notifications: [expect.objectContaining({ channel: 'email' })],
    });
  });

  it('the citizen gets none of it, only what the citizen whitelist names', async () => {
    const response = await owner.get(`/api/citizen/errands/${errandId}`);
    expect(response.statusCode).toBe(200);
    const errand = response.json();
    for (const key of STAFF_ONLY) expect(errand).not.toHaveProperty(key);
    expect(Object.keys(errand).every((key) => CITIZEN_KEYS.includes(key))).toBe(true);
    expect(response.body).not.toContain(f.personas.citizens.adult.personnummer);
    expect(response.body).not.toContain(doctorHsaId);
  });

  it("even when the presenter hands the citizen's route the staff view, the citizen gets none of it", async () => {
    presenterLeaks = true;
    presented.length = 0;
    try {
      const response = await owner.get(`/api/citizen/errands/${errandId}`);
      expect(response.statusCode).toBe(200);
      // The presenter did leak: the staff-only fields were in what the route was given ...
      expect(presented).toEqual([expect.objectContaining({ assignedTo: doctorHsaId, citizen: expect.anything() })]);
      // ... and the citizen's answer schema dropped them.
      const errand = response.json();
      for (const key of STAFF_ONLY) expect(errand).not.toHaveProperty(key);
      expect(response.body).not.toContain(f.personas.citizens.adult.personnummer);
      expect(response.body).not.toContain(doctorHsaId);
    } finally {
      presenterLeaks = false;
    }
  });
});
