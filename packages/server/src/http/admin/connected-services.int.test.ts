import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { demoRegions, regionSession } from '../../testing/region-session.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { type Method, requestAs } from '../../testing/unit-admin-fixture.ts';

// Connected external services (issue 16 point 2): a regional administrator registers services for
// the region's units, a unit administrator for their own unit; contact cards show them. A service
// with a hand-over is an OpenID Connect client whose secret is shown once and stored only hashed.
// Refusals: not logged in 401, a citizen 404, staff without the role 403, another region's or
// unit's service 404, bad input 400 naming the field.
describe.each(DIALECTS)('connected services on %s', (dialect) => {
  let f: ErrandFixture;
  let regionCode: string;
  let region: Client;
  let otherRegion: Client;
  let unitAdmin: Client;
  let otherUnitAdmin: Client;
  let otherUnit: string;
  let citizen: Client;
  let secondUnit: string;
  const refusedRegion: Record<string, Client> = {};
  const refusedUnit: Record<string, Client> = {};

  const body = (overrides: Record<string, unknown> = {}) => ({
    name: { sv: 'Provsvar', en: 'Test results' },
    description: { sv: 'Se dina provsvar.', en: 'See your test results.' },
    url: 'https://provsvar.example.se/',
    units: [f.unit],
    handOver: null,
    ...overrides,
  });
  const handOver = { redirectUris: ['https://provsvar.example.se/callback'], claims: ['name'] };

  async function card(unit: string) {
    const response = await citizen.get(`/api/units/${unit}/contact-card`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      services: Array<{
        id: string;
        name: { sv: string };
        description: { sv: string };
        url: string;
        handOver: boolean;
      }>;
    };
  }

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    const regions = await demoRegions(f);
    regionCode = regions.regionCode;
    region = await regionSession(f, f.personas.staff.regionAdministrator.hsaId, regionCode);
    otherRegion = await regionSession(f, regions.other.admin, regions.other.code);
    unitAdmin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
    otherUnitAdmin = await f.staffElsewhere('unit-administrator', f.unit);
    otherUnit = (await otherUnitAdmin.get('/api/session')).json().unitHsaId;
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    const units = await f.database.db
      .selectFrom('care_unit')
      .select('hsa_id')
      .where('region_code', '=', regionCode)
      .where('hsa_id', '!=', f.unit)
      .orderBy('hsa_id')
      .execute();
    secondUnit = units.find((unit) => unit.hsa_id !== otherUnit)?.hsa_id as string;
    refusedRegion['the unit administrator of a unit in the region'] = unitAdmin;
    refusedRegion['a receiver of a unit in the region'] = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    refusedRegion['staff who chose nothing yet'] = await f.staffWithRoles(
      f.personas.staff.regionAdministrator.hsaId,
      null as never,
      [],
    );
    refusedUnit['a receiver of the unit'] = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    refusedUnit['an administrator of another unit'] = otherUnitAdmin;
    refusedUnit['the regional administrator in their region session'] = region;
  });
  afterAll(async () => f.close());

  const endpoints = (base: string, id: string): Array<[Method, string, unknown?]> => [
    ['GET', `${base}/services`],
    ['POST', `${base}/services`, body()],
    ['GET', `${base}/services/${id}`],
    ['PUT', `${base}/services/${id}`, body()],
    ['DELETE', `${base}/services/${id}`],
    ['POST', `${base}/services/${id}/secret`],
  ];

  it('refuses every endpoint: 401 without a login, 404 for a citizen, 403 for staff without the role; nothing is written', async () => {
    const someId = '00000000-0000-4000-8000-000000000000';
    const cases: Array<[string, Record<string, Client>]> = [
      ['/api/region', refusedRegion],
      [`/api/admin/units/${f.unit}`, refusedUnit],
    ];
    for (const [base, refused] of cases) {
      for (const [method, url, payload] of endpoints(base, someId)) {
        expect((await requestAs(f, undefined, method, url, payload)).statusCode, `${method} ${url}`).toBe(401);
        expect((await requestAs(f, citizen, method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
        for (const [who, as] of Object.entries(refused)) {
          const response = await requestAs(f, as, method, url, payload);
          expect(response.statusCode, `${who}: ${method} ${url}`).toBe(403);
        }
      }
    }
    expect(await f.database.db.selectFrom('connected_service').select('id').execute()).toEqual([]);
  });

  it('registers a region service with a hand-over: the secret is shown once and stored only hashed; contact cards show it', async () => {
    const response = await region.post('/api/region/services', body({ units: [f.unit, secondUnit], handOver }));
    expect(response.statusCode, response.body).toBe(201);
    const { service, clientSecret } = response.json();
    expect(clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(service).toMatchObject({
      name: { sv: 'Provsvar', en: 'Test results' },
      url: 'https://provsvar.example.se/',
      owner: { kind: 'region', unitHsaId: null },
      handOver: { redirectUris: ['https://provsvar.example.se/callback'], claims: ['name'] },
      updatedBy: f.personas.staff.regionAdministrator.hsaId,
    });
    expect(service.handOver.clientId).toMatch(/^kontakta-/);
    expect(service.units.map((u: { hsaId: string }) => u.hsaId).sort()).toEqual([f.unit, secondUnit].sort());

    const row = await f.database.db
      .selectFrom('connected_service')
      .selectAll()
      .where('id', '=', service.id)
      .executeTakeFirstOrThrow();
    expect(row.client_secret_hash).toBe(createHash('sha256').update(clientSecret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(clientSecret);
    const shown = await region.get(`/api/region/services/${service.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).not.toContain(clientSecret);
    expect(shown.json()).toEqual(service);

    for (const unit of [f.unit, secondUnit]) {
      expect((await card(unit)).services).toEqual([
        {
          id: service.id,
          name: { sv: 'Provsvar', en: 'Test results' },
          description: { sv: 'Se dina provsvar.', en: 'See your test results.' },
          // The service starts its login with Kontakta (login initiated by a third party).
          url: `https://provsvar.example.se/?iss=${encodeURIComponent(`${f.services.config.publicUrl}/oidc`)}`,
          handOver: true,
        },
      ]);
    }
    expect((await card(otherUnit)).services.map((s) => s.id)).not.toContain(service.id);

    const changes = (await region.get('/api/region/changes')).json();
    expect(changes.items[0]).toMatchObject({
      action: 'service-registered',
      serviceId: service.id,
      staffHsaId: f.personas.staff.regionAdministrator.hsaId,
    });

    // Another region's administrator, and the unit's administrator, cannot see or touch it.
    expect((await otherRegion.get('/api/region/services')).json().items).toEqual([]);
    const base = `/api/admin/units/${f.unit}`;
    for (const [as, prefix] of [
      [otherRegion, '/api/region'],
      [unitAdmin, base],
    ] as const) {
      for (const [method, url, payload] of endpoints(prefix, service.id).slice(2)) {
        expect((await requestAs(f, as, method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect((await unitAdmin.get(`${base}/services`)).json().items).toEqual([]);
    expect((await card(f.unit)).services).toHaveLength(1);
  });

  it('lets a unit administrator register for their own unit only; the region sees it; other units cannot', async () => {
    const base = `/api/admin/units/${f.unit}`;
    const wrong = await unitAdmin.post(`${base}/services`, body({ units: [secondUnit] }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ path: 'body.units[0]', code: 'not-this-unit' })]);

    const response = await unitAdmin.post(`${base}/services`, body({ name: { sv: 'Boka', en: 'Book' } }));
    expect(response.statusCode, response.body).toBe(201);
    const { service, clientSecret } = response.json();
    expect(clientSecret).toBeNull();
    expect(service).toMatchObject({ owner: { kind: 'unit', unitHsaId: f.unit }, handOver: null });
    expect((await unitAdmin.get(`${base}/services`)).json().items.map((s: { id: string }) => s.id)).toEqual([
      service.id,
    ]);
    expect((await card(f.unit)).services.map((s) => s.name.sv)).toEqual(['Boka', 'Provsvar']);
    const unitChanges = (await unitAdmin.get(`${base}/changes`)).json();
    expect(unitChanges.items[0]).toMatchObject({ action: 'service-registered', linkId: service.id });

    // The region oversees its units' services; a change it makes is in both change records.
    const regionList = (await region.get('/api/region/services')).json().items.map((s: { id: string }) => s.id);
    expect(regionList).toContain(service.id);
    const renamed = await region.put(
      `/api/region/services/${service.id}`,
      body({ name: { sv: 'Boka tid', en: 'Book' } }),
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await unitAdmin.get(`${base}/changes`)).json().items[0]).toMatchObject({
      action: 'service-changed',
      linkId: service.id,
      staffHsaId: f.personas.staff.regionAdministrator.hsaId,
    });
    expect((await region.get('/api/region/changes')).json().items[0]).toMatchObject({
      action: 'service-changed',
      serviceId: service.id,
    });

    // An administrator of another unit, through their own unit's address: no such service.
    const theirs = `/api/admin/units/${otherUnit}`;
    for (const [method, url, payload] of endpoints(theirs, service.id).slice(2)) {
      expect((await requestAs(f, otherUnitAdmin, method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await otherUnitAdmin.get(`${theirs}/services`)).json().items).toEqual([]);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await f.database.db.selectFrom('connected_service').select('id').execute();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ url: 'http://provsvar.example.se/' }, 'body.url'],
      [{ url: 'javascript:alert(1)' }, 'body.url'],
      [{ url: 'https://user:pw@provsvar.example.se/' }, 'body.url'],
      [{ name: { sv: '   ', en: 'Results' } }, 'body.name.sv'],
      [{ description: { sv: 'Bra', en: 'A\u0000b' } }, 'body.description.en'],
      [{ units: ['SE0000000000-XXXX'] }, 'body.units[0]'],
      [{ units: [f.unit, f.unit] }, 'body.units[1]'],
      [{ handOver: { redirectUris: ['http://provsvar.example.se/cb'], claims: [] } }, 'body.handOver.redirectUris[0]'],
      [
        { handOver: { redirectUris: ['https://provsvar.example.se/cb#x'], claims: [] } },
        'body.handOver.redirectUris[0]',
      ],
      [
        { handOver: { redirectUris: ['https://a.example.se/cb', 'https://a.example.se/cb'], claims: [] } },
        'body.handOver.redirectUris[1]',
      ],
      [{ handOver: { redirectUris: ['https://a.example.se/cb'], claims: ['name', 'name'] } }, 'body.handOver.claims'],
    ];
    for (const [overrides, path] of cases) {
      const response = await region.post('/api/region/services', body(overrides));
      expect(response.statusCode, `${JSON.stringify(overrides)}: ${response.body}`).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    // Refused by the schema: unknown claims, missing and extra fields, wrong types, huge strings.
    const schemaCases: Array<Record<string, unknown>> = [
      body({ handOver: { redirectUris: ['https://a.example.se/cb'], claims: ['email'] } }),
      body({ handOver: { redirectUris: [], claims: [] } }),
      { ...body(), extra: true },
      { ...body(), url: undefined },
      body({ units: 'all' }),
      body({ url: `https://a.example.se/${'x'.repeat(3000)}` }),
    ];
    for (const payload of schemaCases) {
      const response = await region.post('/api/region/services', payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 200)).toBe(400);
    }
    // Development services may use http on the local machine.
    const local = await region.post(
      '/api/region/services',
      body({ units: [], handOver: { redirectUris: ['http://localhost:4000/callback'], claims: [] } }),
    );
    expect(local.statusCode, local.body).toBe(201);
    expect(await f.database.db.selectFrom('connected_service').select('id').execute()).toHaveLength(before.length + 1);
    expect((await region.delete(`/api/region/services/${local.json().service.id}`)).statusCode).toBe(204);
  });

  it('switches the hand-over on and off, renews the secret, and removes a service', async () => {
    const created = await region.post('/api/region/services', body({ name: { sv: 'Journal', en: 'Records' } }));
    const id = created.json().service.id as string;
    expect((await region.post(`/api/region/services/${id}/secret`)).statusCode).toBe(409);

    const on = await region.put(`/api/region/services/${id}`, body({ handOver }));
    expect(on.statusCode, on.body).toBe(200);
    const clientId = on.json().service.handOver.clientId as string;
    expect(on.json().clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const claims = await region.put(
      `/api/region/services/${id}`,
      body({ handOver: { ...handOver, claims: ['personnummer', 'name'] } }),
    );
    expect(claims.json()).toMatchObject({
      clientSecret: null,
      service: { handOver: { clientId, claims: ['name', 'personnummer'] } },
    });

    const hashOf = async () =>
      (
        await f.database.db
          .selectFrom('connected_service')
          .select('client_secret_hash')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).client_secret_hash;
    const oldHash = await hashOf();
    const renewed = await region.post(`/api/region/services/${id}/secret`);
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json().clientId).toBe(clientId);
    expect(await hashOf()).toBe(createHash('sha256').update(renewed.json().clientSecret).digest('hex'));
    expect(await hashOf()).not.toBe(oldHash);

    const off = await region.put(`/api/region/services/${id}`, body());
    expect(off.json().service.handOver).toBeNull();
    expect(await hashOf()).toBeNull();
    expect((await card(f.unit)).services.find((s) => s.id === id)?.handOver).toBe(false);

    expect((await region.delete(`/api/region/services/${id}`)).statusCode).toBe(204);
    expect((await region.get(`/api/region/services/${id}`)).statusCode).toBe(404);
    expect((await card(f.unit)).services.map((s) => s.id)).not.toContain(id);
    const actions = (await region.get('/api/region/changes')).json().items.slice(0, 5);
    expect(actions.map((c: { action: string }) => c.action)).toEqual([
      'service-removed',
      'service-changed',
      'service-secret-renewed',
      'service-changed',
      'service-changed',
    ]);
    expect(
      await f.database.db
        .selectFrom('connected_service_unit')
        .select('unit_hsa_id')
        .where('service_id', '=', id)
        .execute(),
    ).toEqual([]);
  });

  it('pages the lists by name with a cursor, and refuses a bad cursor or limit naming the field', async () => {
    const names = ['Ärende A', 'Ärende B', 'Ärende B', 'Ärende C', 'Ärende D'];
    const ids: string[] = [];
    for (const sv of names) {
      const created = await region.post('/api/region/services', body({ name: { sv, en: sv } }));
      expect(created.statusCode, created.body).toBe(201);
      ids.push(created.json().service.id);
    }
    const all = (await region.get('/api/region/services?limit=100')).json();
    expect(all.nextCursor).toBeNull();
    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=2&cursor=${cursor}` : 'limit=2';
      const response = await region.get(`/api/region/services?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { items: Array<{ id: string }>; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      walked.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(walked).toEqual(all.items.map((item: { id: string }) => item.id));
    expect(walked).toEqual(expect.arrayContaining(ids));
    expect(pages).toBe(Math.ceil(all.items.length / 2));

    const unitBase = `/api/admin/units/${f.unit}/services`;
    for (const [as, url] of [
      [region, '/api/region/services'],
      [unitAdmin, unitBase],
    ] as const) {
      const bad = await as.get(`${url}?cursor=bm90LWEtY3Vyc29y`);
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
      for (const limit of ['0', '101', 'x']) {
        const refused = await as.get(`${url}?limit=${limit}`);
        expect(refused.statusCode, `${url} limit=${limit}`).toBe(400);
        expect(
          refused
            .json()
            .errors.map((e: { path: string }) => e.path)
            .join(' '),
        ).toContain('limit');
      }
    }
    for (const id of ids) expect((await region.delete(`/api/region/services/${id}`)).statusCode).toBe(204);
  });
});
