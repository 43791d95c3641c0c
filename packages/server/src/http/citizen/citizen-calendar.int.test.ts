import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openText, unwrapDataKey } from '../../encryption/envelope.ts';
import { type Client, createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { rewrapDataKeys } from '../../use-cases/keys/rewrap-data-keys.ts';

// The citizen's private calendar: their own notes only, sealed at rest, listed by month, and
// exported as iCalendar; every refusal on both databases.
describe.each(DIALECTS)('the calendar on %s', (dialect) => {
  let f: ErrandFixture;
  let citizen: Client;
  let other: Client;
  let staff: Client;

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    other = await f.citizen(f.personas.citizens.tolvan.personnummer);
    staff = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
  });
  afterAll(async () => f.close());

  const send = (client: Client | undefined, method: InjectOptions['method'], url: string, payload?: unknown) =>
    f.app.inject({
      method,
      url,
      ...(client ? { cookies: client.login.cookies, headers: client.login.headers } : {}),
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  const note = { date: '2026-12-03', time: '09:15', title: 'Vaccination TBE', text: 'Dos 2 på vårdcentralen' };

  it('adds, lists by month, changes and deletes the citizen’s own notes, sealed at rest', async () => {
    const created = await send(citizen, 'POST', '/api/citizen/calendar', note);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ ...note, id: expect.any(String) });
    await send(citizen, 'POST', '/api/citizen/calendar', {
      ...note,
      date: '2027-01-05',
      time: null,
      title: 'Nästa år',
    });

    const december = await send(citizen, 'GET', '/api/citizen/calendar?month=2026-12');
    expect(december.statusCode).toBe(200);
    expect(december.json().items.map((item: { title: string }) => item.title)).toEqual(['Vaccination TBE']);
    const stored = await f.database.db
      .selectFrom('calendar_note')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.content).toString('latin1')).not.toContain('Vaccination');

    const changed = await send(citizen, 'PUT', `/api/citizen/calendar/${id}`, {
      ...note,
      time: null,
      title: ' Ändrad ',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id, time: null, title: 'Ändrad' });

    expect((await send(citizen, 'DELETE', `/api/citizen/calendar/${id}`)).statusCode).toBe(204);
    expect((await send(citizen, 'GET', '/api/citizen/calendar?month=2026-12')).json().items).toEqual([]);
    expect((await send(citizen, 'DELETE', `/api/citizen/calendar/${id}`)).statusCode).toBe(404);
  });

  it('exports the calendar as iCalendar, never cached', async () => {
    const ics = await send(citizen, 'GET', '/api/citizen/calendar.ics');
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.headers['content-disposition']).toContain('attachment');
    expect(ics.headers['cache-control']).toBe('no-store');
    expect(ics.body).toContain('SUMMARY:Nästa år');
    expect(ics.body).toContain('DTSTART;VALUE=DATE:20270105');
  });

  it('refuses without a login (401), and to staff (404)', async () => {
    for (const [method, url] of [
      ['GET', '/api/citizen/calendar?month=2026-12'],
      ['POST', '/api/citizen/calendar'],
      ['PUT', '/api/citizen/calendar/00000000-0000-0000-0000-000000000000'],
      ['DELETE', '/api/citizen/calendar/00000000-0000-0000-0000-000000000000'],
      ['GET', '/api/citizen/calendar.ics'],
    ] as const) {
      expect(
        (await send(undefined, method, url, method === 'POST' || method === 'PUT' ? note : undefined)).statusCode,
        url,
      ).toBe(401);
      expect(
        (await send(staff, method, url, method === 'POST' || method === 'PUT' ? note : undefined)).statusCode,
        url,
      ).toBe(404);
    }
  });

  it('another citizen sees, changes and deletes nothing of it (404)', async () => {
    const id = (await send(citizen, 'POST', '/api/citizen/calendar', note)).json().id;
    expect((await send(other, 'GET', '/api/citizen/calendar?month=2026-12')).json().items).toEqual([]);
    expect((await send(other, 'GET', '/api/citizen/calendar.ics')).body).not.toContain('Vaccination');
    expect((await send(other, 'PUT', `/api/citizen/calendar/${id}`, { ...note, title: 'Kapad' })).statusCode).toBe(404);
    expect((await send(other, 'DELETE', `/api/citizen/calendar/${id}`)).statusCode).toBe(404);
    const mine = (await send(citizen, 'GET', '/api/citizen/calendar?month=2026-12')).json().items;
    expect(mine.map((item: { title: string }) => item.title)).toEqual(['Vaccination TBE']);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const count = async () => (await f.database.db.selectFrom('calendar_note').select('id').execute()).length;
    const before = await count();
    const impossible = await send(citizen, 'POST', '/api/citizen/calendar', { ...note, date: '2026-02-30' });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().errors[0]).toMatchObject({ path: 'body.date', code: 'invalid-date' });
    const blank = await send(citizen, 'POST', '/api/citizen/calendar', { ...note, title: '   ' });
    expect(blank.json().errors[0]).toMatchObject({ path: 'body.title' });
    for (const bad of [
      { ...note, time: '25:00' },
      { ...note, title: 'x'.repeat(201) },
      { ...note, text: 'x'.repeat(2001) },
      { ...note, extra: true },
      { ...note, date: 20261203 },
    ]) {
      expect((await send(citizen, 'POST', '/api/citizen/calendar', bad)).statusCode).toBe(400);
    }
    expect((await send(citizen, 'GET', '/api/citizen/calendar?month=2026-13')).statusCode).toBe(400);
    expect((await send(citizen, 'GET', '/api/citizen/calendar')).statusCode).toBe(400);
    expect((await send(citizen, 'PUT', '/api/citizen/calendar/%27%3B--', note)).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('key rotation re-wraps the notes’ keys too, and the notes still open', async () => {
    const both = { currentId: 'next-key', keys: new Map([...f.keys.keys, ['next-key', randomBytes(32)]]) };
    expect(await rewrapDataKeys(f.database, both, f.deletionKeys)).toBeGreaterThan(0);
    const rows = await f.database.db.selectFrom('calendar_note').selectAll().execute();
    expect(new Set(rows.map((row) => row.key_id))).toEqual(new Set(['next-key']));
    for (const row of rows) {
      const key = unwrapDataKey(both, { wrapped: Buffer.from(row.wrapped_key), keyId: row.key_id });
      expect(JSON.parse(openText(key, Buffer.from(row.content), `calendar:${row.id}`)).title).toBeTypeOf('string');
    }
  });
});
