import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { requestAs } from '../../testing/unit-admin-fixture.ts';

// The unit settings page's one save (issue 18, point 9): settings, contact card and links in one
// request and one transaction, all or nothing.
describe.each(DIALECTS)('the unit settings page saved at once on %s', (dialect) => {
  let f: ErrandFixture;
  let admin: Client;
  const url = () => `/api/admin/units/${f.unit}/settings-page`;
  const link = (sv: string, address: string) => ({ id: null, title: { sv, en: `${sv} (en)` }, url: address });
  const contactCard = (phone: string) => ({
    phone,
    visitingAddress: { street: 'Gläntvägen 16', postalCode: '12352', city: 'Farsta' },
    openingHours: { days: [{ day: 'monday', opens: '08:00', closes: '17:00' }], note: null },
    description: { sv: 'Vårdcentral för alla åldrar.', en: null },
    replyTimes: [{ errandType: 'renew-prescription', amount: 3, unit: 'working-days' }],
  });
  const page = async () => ({
    settings: (await admin.get(`/api/admin/units/${f.unit}/settings`)).json(),
    contactCard: (await admin.get(`/api/admin/units/${f.unit}/contact-card`)).json(),
    links: (await admin.get(`/api/admin/units/${f.unit}/links`)).json(),
  });
  const changeLog = async () =>
    (await admin.get(`/api/admin/units/${f.unit}/changes?limit=50`)).json().items as { action: string }[];

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    admin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
  });
  afterAll(async () => f.close());

  it('changes the settings, the contact card and the links together, each in the change log', async () => {
    const logBefore = (await changeLog()).length;
    const saved = await requestAs(f, admin, 'PUT', url(), {
      settings: { notificationEmail: 'inkorgen@vardcentral.example.se', staffNames: 'profession' },
      contactCard: contactCard('08-123 456 78'),
      links: [link('Boka tid', 'https://boka.example.se/'), link('Hitta hit', 'https://karta.example.se/')],
    });
    expect(saved.statusCode).toBe(200);
    const body = saved.json();
    expect(body.settings).toMatchObject({
      notificationEmail: 'inkorgen@vardcentral.example.se',
      staffNames: 'profession',
      updatedBy: f.personas.staff.unitAdministrator.hsaId,
    });
    expect(body.contactCard).toMatchObject({ phone: '08-123 456 78', visitingAddress: { city: 'Farsta' } });
    expect(body.links.items.map((l: { title: { sv: string } }) => l.title.sv)).toEqual(['Boka tid', 'Hitta hit']);
    // What the answer says is what is stored.
    expect(await page()).toEqual(body);
    const card = (await f.app.inject({ method: 'GET', url: `/api/units/${f.unit}/contact-card` })).json();
    expect(card.contact.phone).toBe('08-123 456 78');
    expect(card.links.map((l: { url: string }) => l.url)).toEqual([
      'https://boka.example.se/',
      'https://karta.example.se/',
    ]);

    const log = await changeLog();
    const added = log.slice(0, log.length - logBefore).map((c) => c.action);
    expect(added.sort()).toEqual(
      ['contact-card-changed', 'external-link-added', 'external-link-added', 'unit-settings-changed'].sort(),
    );

    // A part left out is unchanged, and not in the change log.
    const onlyCard = await requestAs(f, admin, 'PUT', url(), { contactCard: contactCard('08-111 222 33') });
    expect(onlyCard.statusCode).toBe(200);
    expect(onlyCard.json().settings.staffNames).toBe('profession');
    expect(onlyCard.json().links.items).toHaveLength(2);
    expect((await changeLog())[0]?.action).toBe('contact-card-changed');
    expect((await changeLog()).length).toBe(log.length + 1);
  });

  it('refuses a bad field anywhere with 400 naming the part, field and link row, and saves nothing', async () => {
    const before = await page();
    const logBefore = (await changeLog()).length;
    const refused = await requestAs(f, admin, 'PUT', url(), {
      settings: { notificationEmail: 'ny@vardcentral.example.se', staffNames: 'full-name' },
      contactCard: contactCard('070-999 88 77'),
      links: [link('Boka tid', 'https://boka.example.se/'), link('Osäker', 'http://osaker.example.se/')],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.links.1.url']);
    expect(refused.json().errors[0].message).toMatch(/https/);
    expect(await page()).toEqual(before);
    expect((await changeLog()).length).toBe(logBefore);

    // Problems in several parts are all named at once, each under its part.
    const several = await requestAs(f, admin, 'PUT', url(), {
      settings: { notificationEmail: 'inte-en-adress', staffNames: 'full-name' },
      contactCard: contactCard('ring oss'),
      links: [link('  ', 'https://boka.example.se/')],
    });
    expect(several.statusCode).toBe(400);
    expect(several.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.settings.notificationEmail',
      'body.contactCard.phone',
      'body.links.0.title.sv',
    ]);
    expect(await page()).toEqual(before);

    // The schema's refusals name the part too; an empty body saves nothing.
    const wrongType = await requestAs(f, admin, 'PUT', url(), { settings: { notificationEmail: 7, staffNames: 'x' } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].path).toMatch(/^body\.settings/);
    expect((await requestAs(f, admin, 'PUT', url(), {})).statusCode).toBe(400);
    expect(await page()).toEqual(before);
  });

  it("refuses another unit's link (404), other units and other roles (403), and anyone not logged in (401)", async () => {
    const before = await page();
    const adminHsaId = f.personas.staff.unitAdministrator.hsaId;
    const second = (await f.registers.findEmployee(adminHsaId))?.commissions.find(
      (c) => c.unitHsaId !== f.unit && c.roles.includes('unit-administrator'),
    )?.unitHsaId;
    expect(second).toBeDefined();
    const elsewhere = await f.staff(adminHsaId, second ?? '');
    const theirs = await requestAs(f, elsewhere, 'POST', `/api/admin/units/${second}/links`, {
      title: { sv: 'X', en: 'X' },
      url: 'https://x.example.se/',
    });
    expect(theirs.statusCode).toBe(201);
    // Another unit's link in the list: 404, and the settings sent with it are not saved either.
    const foreign = await requestAs(f, admin, 'PUT', url(), {
      settings: { notificationEmail: null, staffNames: 'full-name' },
      links: [{ ...link('Y', 'https://y.example.se/'), id: theirs.json().id }],
    });
    expect(foreign.statusCode).toBe(404);
    expect(await page()).toEqual(before);

    const valid = { settings: { notificationEmail: null, staffNames: 'full-name' } };
    // An administrator acting at another unit, and staff who are not administrators: 403.
    expect((await requestAs(f, elsewhere, 'PUT', url(), valid)).statusCode).toBe(403);
    const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    expect((await requestAs(f, receiver, 'PUT', url(), valid)).statusCode).toBe(403);
    // The other unit's own page, by this unit's administrator: 403 before anything is read.
    expect((await requestAs(f, admin, 'PUT', `/api/admin/units/${second}/settings-page`, valid)).statusCode).toBe(403);
    expect((await requestAs(f, undefined, 'PUT', url(), valid)).statusCode).toBe(401);
    const citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    expect((await requestAs(f, citizen, 'PUT', url(), valid)).statusCode).toBe(404);
    expect(await page()).toEqual(before);
  });
});
