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
  it('saves the whole list of links at once: all or nothing, a problem naming its row', async () => {
    const url = `${base()}/links`;
    const ids = () => admin.get(url).then((r) => r.json().items.map((l: { id: string }) => l.id));
    const before = await ids();
    expect(before).toHaveLength(MAX_EXTERNAL_LINKS);
    // Keep the second link (retitled) first, add one, leave the rest out.
    const saved = await requestAs(f, admin, 'PUT', url, {
      links: [
        { id: before[1], ...link('Andra länken', 'https://andra.example.se/') },
        { id: null, ...link('Ny länk', 'https://ny.example.se/') },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(
      saved.json().items.map((l: { title: { sv: string }; position: number }) => [l.title.sv, l.position]),
    ).toEqual([
      ['Andra länken', 0],
      ['Ny länk', 1],
    ]);
    expect(saved.json().items[0].id).toBe(before[1]);
    expect((await card()).json().links.map((l: { title: { sv: string } }) => l.title.sv)).toEqual([
      'Andra länken',
      'Ny länk',
    ]);
    const changes = (await admin.get(`${base()}/changes?limit=40`)).json().items;
    const actions = changes
      .filter((c: { at: number }) => c.at === changes[0].at)
      .map((c: { action: string }) => c.action);
    expect(actions.filter((a: string) => a === 'external-link-removed')).toHaveLength(MAX_EXTERNAL_LINKS - 1);
    expect(actions).toContain('external-link-added');
    expect(actions).toContain('external-link-changed');

    // A bad row refuses the whole save, naming the row and field; nothing is written.
    const kept = await ids();
    const refused = await requestAs(f, admin, 'PUT', url, {
      links: [
        { id: kept[0], ...link('Första', 'https://forsta.example.se/') },
        { id: null, ...link('  ', 'http://osaker.example.se/') },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.links.1.title.sv',
      'body.links.1.url',
    ]);
    expect((await admin.get(url)).json().items.map((l: { title: { sv: string } }) => l.title.sv)).toEqual([
      'Andra länken',
      'Ny länk',
    ]);
    // The same link twice, too many links, a wrong type: 400.
    const twice = await requestAs(f, admin, 'PUT', url, {
      links: [
        { id: kept[0], ...link('A', 'https://a.example.se/') },
        { id: kept[0], ...link('B', 'https://b.example.se/') },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].path).toBe('body.links');
    const many = Array.from({ length: MAX_EXTERNAL_LINKS + 1 }, (_, i) => ({
      id: null,
      ...link(`L${i}`, `https://l${i}.example.se/`),
    }));
    expect((await requestAs(f, admin, 'PUT', url, { links: many })).statusCode).toBe(400);
    expect((await requestAs(f, admin, 'PUT', url, { links: 'alla' })).statusCode).toBe(400);
    // Another unit's link, or none at all: 404, and nothing is written.
    const adminHsaId = f.personas.staff.unitAdministrator.hsaId;
    const second = (await f.registers.findEmployee(adminHsaId))?.commissions.find(
      (c) => c.unitHsaId !== f.unit && c.roles.includes('unit-administrator'),
    )?.unitHsaId;
    const elsewhere = await f.staff(adminHsaId, second ?? '');
    const theirs = await requestAs(
      f,
      elsewhere,
      'POST',
      `/api/admin/units/${second}/links`,
      link('X', 'https://x.example.se/'),
    );
    expect(theirs.statusCode).toBe(201);
    for (const id of [theirs.json().id, '00000000-0000-4000-8000-000000000000']) {
      const foreign = await requestAs(f, admin, 'PUT', url, { links: [{ id, ...link('Y', 'https://y.example.se/') }] });
      expect(foreign.statusCode).toBe(404);
    }
    expect(await ids()).toEqual(kept);
    // Not logged in 401; staff who are not the unit's administrators 403, also acting at another unit.
    expect((await requestAs(f, undefined, 'PUT', url, { links: [] })).statusCode).toBe(401);
    const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    expect((await requestAs(f, receiver, 'PUT', url, { links: [] })).statusCode).toBe(403);
    expect((await requestAs(f, elsewhere, 'PUT', url, { links: [] })).statusCode).toBe(403);
    const citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    expect((await requestAs(f, citizen, 'PUT', url, { links: [] })).statusCode).toBe(404);
    expect(await ids()).toEqual(kept);
    // An empty list removes every link.
    expect((await requestAs(f, admin, 'PUT', url, { links: [] })).json().items).toEqual([]);
  });
});
