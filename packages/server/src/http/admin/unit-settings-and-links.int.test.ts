import { MAX_EXTERNAL_LINKS } from '@kontakta/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { requestAs } from '../../testing/unit-admin-fixture.ts';

// A unit's settings, its contact-card links and the record of who changed what; and the public
// contact card those end up on.
describe.each(DIALECTS)('unit settings, links and the contact card on %s', (dialect) => {
  let f: ErrandFixture;
  let admin: Client;
  const base = () => `/api/admin/units/${f.unit}`;
  const card = () => f.app.inject({ method: 'GET', url: `/api/units/${f.unit}/contact-card` });
  const link = (sv: string, url: string) => ({ title: { sv, en: `${sv} (en)` }, url });

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    admin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
  });
  afterAll(async () => f.close());

  it('shows and changes the notification e-mail and how staff are named, with who and when', async () => {
    const before = (await admin.get(`${base()}/settings`)).json();
    expect(before).toMatchObject({ staffNames: 'full-name', updatedBy: null });
    expect(before.notificationEmail).toMatch(/@mottagning\.example$/);

    const changed = await requestAs(f, admin, 'PUT', `${base()}/settings`, {
      notificationEmail: '  nya.inkorgen@vardcentral.example.se ',
      staffNames: 'profession',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      notificationEmail: 'nya.inkorgen@vardcentral.example.se',
      staffNames: 'profession',
      updatedBy: f.personas.staff.unitAdministrator.hsaId,
      updatedAt: expect.any(Number),
    });
    expect((await admin.get(`${base()}/settings`)).json()).toEqual(changed.json());
    const off = await requestAs(f, admin, 'PUT', `${base()}/settings`, {
      notificationEmail: null,
      staffNames: 'full-name',
    });
    expect(off.json().notificationEmail).toBeNull();
  });

  it('adds, changes, reorders and removes links; the contact card shows them in order', async () => {
    const added = [];
    for (const [title, url] of [
      ['Boka tid', 'https://boka.example.se/vardcentralen'],
      ['Recept', 'https://recept.example.se/'],
      ['Hitta hit', 'https://karta.example.se/?plats=1'],
    ] as const) {
      const response = await requestAs(f, admin, 'POST', `${base()}/links`, link(title, url));
      expect(response.statusCode).toBe(201);
      added.push(response.json());
    }
    expect(added.map((l) => l.position)).toEqual([0, 1, 2]);
    const [first, second, third] = added;

    const edited = await requestAs(
      f,
      admin,
      'PUT',
      `${base()}/links/${second.id}`,
      link('E-recept', 'HTTPS://Recept.Example.se/ny'),
    );
    expect(edited.json()).toMatchObject({ title: { sv: 'E-recept' }, url: 'https://recept.example.se/ny' });

    const order = [third.id, first.id, second.id];
    const reordered = await requestAs(f, admin, 'PUT', `${base()}/links/order`, { ids: order });
    expect(reordered.json().items.map((l: { id: string }) => l.id)).toEqual(order);
    expect((await admin.get(`${base()}/links`)).json().items.map((l: { id: string }) => l.id)).toEqual(order);

    expect((await requestAs(f, admin, 'DELETE', `${base()}/links/${first.id}`)).statusCode).toBe(204);
    expect((await card()).json().links).toEqual([
      { title: { sv: 'Hitta hit', en: 'Hitta hit (en)' }, url: 'https://karta.example.se/?plats=1' },
      { title: { sv: 'E-recept', en: 'E-recept (en)' }, url: 'https://recept.example.se/ny' },
    ]);

    // A reorder must name every link exactly once.
    for (const ids of [[third.id], [third.id, third.id], [third.id, first.id]]) {
      expect((await requestAs(f, admin, 'PUT', `${base()}/links/order`, { ids })).statusCode).toBe(400);
    }
  });

  it('refuses more links than a contact card holds (409)', async () => {
    const existing = (await admin.get(`${base()}/links`)).json().items.length;
    for (let i = existing; i < MAX_EXTERNAL_LINKS; i++) {
      expect(
        (await requestAs(f, admin, 'POST', `${base()}/links`, link(`L${i}`, `https://l${i}.example.se/`))).statusCode,
      ).toBe(201);
    }
    const full = await requestAs(f, admin, 'POST', `${base()}/links`, link('En till', 'https://en-till.example.se/'));
    expect(full.statusCode).toBe(409);
    expect(full.json().detail).toBe('external-link-limit-reached');
  });

  it('records who changed what, newest first, page by page', async () => {
    const first = (await admin.get(`${base()}/changes?limit=3`)).json();
    expect(first.items).toHaveLength(3);
    expect(first.items[0]).toMatchObject({
      action: 'external-link-added',
      staffHsaId: f.personas.staff.unitAdministrator.hsaId,
      linkId: expect.any(String),
    });
    expect(first.items[0].staffName).not.toBe(f.personas.staff.unitAdministrator.hsaId);
    const all = [];
    let cursor: string | null = null;
    do {
      const page: { items: { action: string; at: number }[]; nextCursor: string | null } = (
        await admin.get(`${base()}/changes?limit=7${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const actions = all.map((c) => c.action);
    for (const action of [
      'unit-settings-changed',
      'external-link-added',
      'external-link-changed',
      'external-links-reordered',
      'external-link-removed',
    ]) {
      expect(actions).toContain(action);
    }
    expect(all.map((c) => c.at)).toEqual([...all.map((c) => c.at)].sort((a, b) => b - a));
  });

  it('serves the contact card to anyone, with no personal data; 404 unknown unit, 400 malformed', async () => {
    const response = await card();
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.unit).toMatchObject({ hsaId: f.unit, name: expect.any(String), municipality: expect.any(String) });
    expect(body.errandTypes).toHaveLength(11);
    expect(Object.keys(body.errandTypes[0]).sort()).toEqual([
      'description',
      'id',
      'name',
      'openToProxies',
      'replyTime',
    ]);
    expect(Object.keys(body.contact).sort()).toEqual(['description', 'openingHours', 'phone', 'visitingAddress']);
    expect(response.body).not.toMatch(/SE2321000016-P|@|\d{12}/);
    expect((await f.app.inject({ method: 'GET', url: '/api/units/SE2321000016-NONE/contact-card' })).statusCode).toBe(
      404,
    );
    expect((await f.app.inject({ method: 'GET', url: '/api/units/%27%3B--/contact-card' })).statusCode).toBe(400);
    // Logged in it is the same card.
    const citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    expect((await citizen.get(`/api/units/${f.unit}/contact-card`)).json()).toEqual(body);
  });
});
