import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, ErrandFixture } from '../../testing/errand-fixture.ts';
import { createErrandFixture } from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { customTypeBody, type Method, requestAs, travelForm } from '../../testing/unit-admin-fixture.ts';

// Who may administer a unit, proven for every admin endpoint: only its own administrators, acting
// at that unit. Not logged in 401; a citizen 404; other staff 403; and nothing changes on refusal.
describe.each(DIALECTS)('unit administration access on %s', (dialect) => {
  let f: ErrandFixture;
  let admin: Client;
  let citizen: Client;
  const refused: Record<string, Client> = {};
  let customId: string;
  let retiredId: string;
  let linkId: string;
  let templateId: string;

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    admin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    refused['a receiver of the unit'] = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    refused['a caregiver of the unit'] = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    refused['an administrator of another unit'] = await f.staffElsewhere('unit-administrator', f.unit);
    refused['staff who chose no unit'] = await f.staffWithRoles(
      f.personas.staff.unitAdministrator.hsaId,
      null as never,
      ['unit-administrator'],
    );
    customId = (await requestAs(f, admin, 'POST', `/api/admin/units/${f.unit}/errand-types`, customTypeBody())).json()
      .id;
    retiredId = (await requestAs(f, admin, 'POST', `/api/admin/units/${f.unit}/errand-types`, customTypeBody())).json()
      .id;
    await requestAs(f, admin, 'POST', `/api/admin/units/${f.unit}/errand-types/${retiredId}/retire`);
    linkId = (
      await requestAs(f, admin, 'POST', `/api/admin/units/${f.unit}/links`, {
        title: { sv: 'Boka tid', en: 'Book a time' },
        url: 'https://boka.example.se/',
      })
    ).json().id;
    templateId = (
      await requestAs(f, admin, 'POST', `/api/admin/units/${f.unit}/answer-templates`, {
        title: { sv: 'Förnyat' },
        text: { sv: 'Receptet är förnyat.' },
        errandTypes: [],
      })
    ).json().id;
  });
  afterAll(async () => f.close());

  const base = () => `/api/admin/units/${f.unit}`;
  const settings = { enabled: true, openToProxies: true, citizenMayReply: true };
  const definition = () => ({
    name: { sv: 'Resa', en: 'Trip' },
    description: { sv: 'Om resor.', en: 'About trips.' },
    citizenForm: travelForm('Hur länge?'),
  });
  const endpoints = (): Array<[Method, string, unknown?]> => [
    ['GET', `${base()}/errand-types`],
    ['POST', `${base()}/errand-types`, customTypeBody()],
    ['POST', `${base()}/errand-types/preview`, { citizenForm: travelForm() }],
    ['GET', `${base()}/errand-types/renew-prescription`],
    ['PUT', `${base()}/errand-types/renew-prescription`, { ...settings, options: { showFurtherInformation: false } }],
    ['POST', `${base()}/errand-types/request-certificate/preview`, { options: {} }],
    ['PUT', `${base()}/errand-types/${customId}/definition`, definition()],
    ['GET', `${base()}/errand-types/renew-prescription/versions/1/questionnaire`],
    ['GET', `${base()}/settings`],
    ['PUT', `${base()}/settings`, { notificationEmail: 'annan@example.se', staffNames: 'profession' }],
    ['GET', `${base()}/contact-card`],
    [
      'PUT',
      `${base()}/contact-card`,
      {
        phone: '08-123 456 78',
        visitingAddress: null,
        openingHours: { days: [{ day: 'monday', opens: '08:00', closes: '17:00' }], note: null },
        description: null,
        replyTimes: [{ errandType: 'advice', amount: 2, unit: 'working-days' }],
      },
    ],
    ['GET', `${base()}/links`],
    ['POST', `${base()}/links`, { title: { sv: 'X', en: 'X' }, url: 'https://x.example.se/' }],
    ['PUT', `${base()}/links`, { links: [] }],
    ['PUT', `${base()}/links/order`, { ids: [linkId] }],
    ['PUT', `${base()}/links/${linkId}`, { title: { sv: 'Y', en: 'Y' }, url: 'https://y.example.se/' }],
    ['DELETE', `${base()}/links/${linkId}`],
    ['GET', `${base()}/answer-templates`],
    ['POST', `${base()}/answer-templates`, { title: { sv: 'X' }, text: { sv: 'X' }, errandTypes: [] }],
    ['PUT', `${base()}/answer-templates/${templateId}`, { title: { sv: 'Y' }, text: { sv: 'Y' }, errandTypes: [] }],
    ['DELETE', `${base()}/answer-templates/${templateId}`],
    ['GET', `${base()}/changes`],
    ['GET', `${base()}/region-units`],
    ['POST', `${base()}/errand-types/${customId}/retire`],
  ];

  async function snapshot() {
    const { db } = f.database;
    return {
      types: await db.selectFrom('unit_errand_type').selectAll().orderBy('errand_type').execute(),
      versions: (await db.selectFrom('form_version').select('id').execute()).length,
      links: await db.selectFrom('unit_external_link').selectAll().orderBy('id').execute(),
      settings: await db.selectFrom('unit_setting').selectAll().orderBy('unit_hsa_id').execute(),
      contactCards: await db.selectFrom('unit_contact_card').selectAll().orderBy('unit_hsa_id').execute(),
      replyTimes: (await db.selectFrom('unit_reply_time').select('errand_type').execute()).length,
      changes: (await db.selectFrom('unit_admin_change').select('id').execute()).length,
    };
  }

  it('refuses every endpoint without a login (401)', async () => {
    for (const [method, url, body] of endpoints()) {
      const response = await requestAs(f, undefined, method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('refuses a citizen session with 404, as every staff endpoint does', async () => {
    for (const [method, url, body] of endpoints()) {
      expect((await requestAs(f, citizen, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it.each([
    'a receiver of the unit',
    'a caregiver of the unit',
    'an administrator of another unit',
    'staff who chose no unit',
  ])('refuses %s with 403 on every endpoint, and nothing changes', async (who) => {
    const before = await snapshot();
    for (const [method, url, body] of endpoints()) {
      const response = await requestAs(f, refused[who], method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json()).toMatchObject({ code: 'forbidden', detail: 'unit-administrators-only' });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an administrator of two units acting at the other one (roles count where one logged in)', async () => {
    const other = (await f.registers.findEmployee(f.personas.staff.unitAdministrator.hsaId))?.commissions.find(
      (c) => c.unitHsaId !== f.unit,
    )?.unitHsaId as string;
    expect(other).toBeDefined();
    expect((await admin.get(`/api/admin/units/${other}/errand-types`)).statusCode).toBe(403);
    expect((await admin.get(`/api/admin/units/${f.unit}/errand-types`)).statusCode).toBe(200);
  });

  it('refuses before reading the body: a malformed body from a non-administrator is still 403', async () => {
    const response = await requestAs(f, refused['a receiver of the unit'], 'POST', `${base()}/errand-types`, {
      bogus: true,
    });
    expect(response.statusCode).toBe(403);
    expect((await requestAs(f, undefined, 'PUT', `${base()}/settings`, '{not json')).statusCode).toBe(401);
  });

  it('answers 404 for unknown errand types, versions and links', async () => {
    const unknown: Array<[Method, string, unknown?]> = [
      ['GET', `${base()}/errand-types/custom-00000000-0000-0000-0000-000000000000`],
      ['PUT', `${base()}/errand-types/no-such-type`, settings],
      ['PUT', `${base()}/errand-types/custom-00000000-0000-0000-0000-000000000000/definition`, definition()],
      ['POST', `${base()}/errand-types/custom-00000000-0000-0000-0000-000000000000/retire`],
      ['POST', `${base()}/errand-types/no-such-type/preview`, { options: {} }],
      ['GET', `${base()}/errand-types/renew-prescription/versions/999/questionnaire`],
      ['GET', `${base()}/errand-types/no-such-type/versions/1/questionnaire`],
      [
        'PUT',
        `${base()}/links/00000000-0000-0000-0000-000000000000`,
        { title: { sv: 'Y', en: 'Y' }, url: 'https://y.se/' },
      ],
      ['DELETE', `${base()}/links/00000000-0000-0000-0000-000000000000`],
      // Base types are set up with options and turned off, not edited as forms or retired.
      ['PUT', `${base()}/errand-types/renew-prescription/definition`, definition()],
      ['POST', `${base()}/errand-types/renew-prescription/retire`],
    ];
    for (const [method, url, body] of unknown) {
      expect((await requestAs(f, admin, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it("a custom type of another unit is unknown here (404), even to that unit's administrator", async () => {
    const elsewhere = refused['an administrator of another unit'] as Client;
    const theirUnit = (await elsewhere.get('/api/staff/me')).json().unit.hsaId as string;
    const created = await requestAs(
      f,
      elsewhere,
      'POST',
      `/api/admin/units/${theirUnit}/errand-types`,
      customTypeBody(),
    );
    expect(created.statusCode).toBe(201);
    const theirs = created.json().id as string;
    expect((await admin.get(`${base()}/errand-types/${theirs}`)).statusCode).toBe(404);
    expect((await requestAs(f, admin, 'PUT', `${base()}/errand-types/${theirs}`, settings)).statusCode).toBe(404);
  });

  it('answers 409 for changing a retired custom type', async () => {
    const changes: Array<[Method, string, unknown?]> = [
      ['PUT', `${base()}/errand-types/${retiredId}`, settings],
      ['PUT', `${base()}/errand-types/${retiredId}/definition`, definition()],
      ['POST', `${base()}/errand-types/${retiredId}/retire`],
    ];
    for (const [method, url, body] of changes) {
      const response = await requestAs(f, admin, method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(409);
      expect(response.json().detail).toBe('errand-type-retired');
    }
    // Still readable, and still exportable, for the errands sent with it.
    expect((await admin.get(`${base()}/errand-types/${retiredId}`)).json()).toMatchObject({
      retiredAt: expect.any(Number),
    });
    const questionnaire = (await admin.get(`${base()}/errand-types/${retiredId}/versions/1/questionnaire`)).json();
    expect(questionnaire.status).toBe('retired');
  });

  it('answers 400 naming the fields for bad input, and writes nothing', async () => {
    const before = await snapshot();
    const bad: Array<[Method, string, unknown, string[]]> = [
      ['PUT', `${base()}/errand-types/renew-prescription`, { ...settings, enabled: 'yes' }, ['body.enabled']],
      [
        'PUT',
        `${base()}/errand-types/request-certificate`,
        { ...settings, options: { certificateKinds: [{ value: 'Fel värde', label: { sv: 'A', en: 'A' } }] } },
        ['body.options.certificateKinds[0].value'],
      ],
      [
        'PUT',
        `${base()}/errand-types/renew-prescription`,
        { ...settings, options: { unknownOption: 1 } },
        ['body.options.unknownOption'],
      ],
      ['PUT', `${base()}/errand-types/${customId}`, { ...settings, options: { a: 1 } }, ['body.options']],
      ['POST', `${base()}/errand-types`, customTypeBody({ name: { sv: ' ', en: 'X' } }), ['body.name.sv']],
      [
        'POST',
        `${base()}/errand-types`,
        customTypeBody({ citizenForm: { formatVersion: 1, fields: [] } }),
        ['body.citizenForm.fields'],
      ],
      [
        'POST',
        `${base()}/errand-types`,
        customTypeBody({
          answerForm: { formatVersion: 1, fields: [{ kind: 'number', key: 'message', label: { sv: 'M', en: 'M' } }] },
        }),
        ['body.answerForm.fields[0].kind'],
      ],
      ['POST', `${base()}/errand-types`, { ...customTypeBody(), extra: 1 }, ['body.extra']],
      [
        'PUT',
        `${base()}/errand-types/${customId}/definition`,
        { ...definition(), citizenForm: 'no' },
        ['body.citizenForm'],
      ],
      [
        'PUT',
        `${base()}/settings`,
        { notificationEmail: 'inte en adress', staffNames: 'full-name' },
        ['body.notificationEmail'],
      ],
      ['PUT', `${base()}/settings`, { notificationEmail: null, staffNames: 'nickname' }, ['body.staffNames']],
      ['POST', `${base()}/links`, { title: { sv: 'X', en: 'X' }, url: 'http://osäker.example.se/' }, ['body.url']],
      ['POST', `${base()}/links`, { title: { sv: 'X', en: 'X' }, url: 'javascript:alert(1)' }, ['body.url']],
      ['POST', `${base()}/links`, { title: { sv: 'X', en: 'X' }, url: 'https://user:pw@example.se/' }, ['body.url']],
      ['PUT', `${base()}/links/order`, { ids: [] }, ['body.ids']],
      ['GET', `${base()}/changes?cursor=bogus`, undefined, ['query.cursor']],
      ['GET', `${base()}/errand-types/renew-prescription/versions/0/questionnaire`, undefined, ['params.version']],
    ];
    for (const [method, url, body, paths] of bad) {
      const response = await requestAs(f, admin, method, url, body);
      expect(response.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      const errorPaths = (response.json().errors ?? []).map((e: { path: string }) => e.path);
      for (const path of paths) expect(errorPaths, `${method} ${url}`).toContain(path);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('names definition problems in the caller’s language', async () => {
    const body = customTypeBody({ citizenForm: { formatVersion: 1, fields: [] } });
    const sv = await requestAs(f, admin, 'POST', `${base()}/errand-types`, body);
    const en = await requestAs(f, admin, 'POST', `${base()}/errand-types`, body, { 'accept-language': 'en' });
    expect(sv.json().errors[0].message).toMatch(/minst/);
    expect(en.json().errors[0].message).toMatch(/at least/);
  });
});
