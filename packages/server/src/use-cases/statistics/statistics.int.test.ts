import type { CitizenActor, StaffActor } from '@kontakta/domain';
import {
  answerHourBucket,
  closedOnClosures,
  isoWeekOf,
  stockholmDate,
  stockholmWallTime,
  workingTimeBetween,
} from '@kontakta/domain';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as createStatCount } from '../../storage/migrations/2026-12-06-21-statistics.ts';
import { up as createRollups } from '../../storage/migrations/2026-12-06-25-statistics-rollups.ts';
import { foldPendingStats } from '../../storage/repositories/statistics.repository.ts';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { demoRegions, regionSession } from '../../testing/region-session.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { answerErrand } from '../errands/answer-errand.ts';
import { assignErrand } from '../errands/assign-errand.ts';
import { openingIntervals } from '../errands/reply-deadlines.ts';
import { sendErrand } from '../errands/send-errand.ts';
import { recordLoginEvent } from '../login/record-login-event.ts';
import { contextFor } from '../services.ts';

// Statistics (issue 16 pts 3–4), on both databases: the aggregates maintained as events happen
// equal a recount from the raw rows after random activity; small counts are suppressed and no
// total gives them away; each administrator sees only their own unit or region; bad input is a
// 400 naming the field; the CSV is what the JSON shows, for Excel.

type CountRow = {
  measure: string;
  unit_hsa_id: string;
  municipality_code: string;
  day: string;
  dimension: string;
  bucket: number;
  count: number;
};

const keyOf = (r: Omit<CountRow, 'count'>) =>
  [r.measure, r.unit_hsa_id, r.municipality_code, r.day, r.dimension, r.bucket].join('|');

describe.each(DIALECTS)('statistics on %s', (dialect) => {
  let f: ErrandFixture;
  let citizenId: string;
  let regionCode: string;
  let otherRegion: { code: string; admin: string };
  let unitInOtherRegion: string;
  let secondUnitInRegion: string | undefined;
  let region: Client;
  let unitAdmin: Client;
  let receiver: Client;
  let citizen: Client;

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    const row = await f.database.db
      .selectFrom('citizen')
      .select('id')
      .where('personnummer', '=', f.personas.citizens.adult.personnummer)
      .executeTakeFirstOrThrow();
    citizenId = row.id;
    ({ regionCode, other: otherRegion } = await demoRegions(f));
    const units = await f.database.db.selectFrom('care_unit').select(['hsa_id', 'region_code']).execute();
    unitInOtherRegion = units.find((u) => u.region_code !== regionCode)?.hsa_id as string;
    secondUnitInRegion = units.find((u) => u.region_code === regionCode && u.hsa_id !== f.unit)?.hsa_id;
    region = await regionSession(f, f.personas.staff.regionAdministrator.hsaId, regionCode);
    unitAdmin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
  });
  afterAll(async () => f.close());

  const citizenActor = (): CitizenActor => ({
    kind: 'citizen',
    citizenId,
    personnummer: f.personas.citizens.adult.personnummer,
    loginMethod: 'eid',
    sessionId: 'statistics-test',
  });
  const staffActor = (hsaId: string, roles: StaffActor['roles']): StaffActor => ({
    kind: 'staff',
    hsaId,
    unitHsaId: f.unit,
    roles,
    sessionId: 'statistics-test',
  });

  async function sendAt(at: number): Promise<string> {
    const type = await f.database.db
      .selectFrom('unit_errand_type')
      .select('current_version_id')
      .where('unit_hsa_id', '=', f.unit)
      .where('errand_type', '=', 'renew-prescription')
      .executeTakeFirstOrThrow();
    const ctx = { ...contextFor(f.services, citizenActor()), now: at };
    const { id } = await sendErrand(ctx, {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: type.current_version_id as string,
      answers: prescriptionAnswers('Levaxin'),
      language: 'sv',
    });
    return id;
  }

  async function answerAt(errandId: string, at: number): Promise<void> {
    const receiverCtx = {
      ...contextFor(f.services, staffActor(f.personas.staff.receiver.hsaId, ['receiver'])),
      now: at,
    };
    const row = await f.database.db
      .selectFrom('errand')
      .select('assigned_to')
      .where('id', '=', errandId)
      .executeTakeFirstOrThrow();
    if (row.assigned_to === null) await assignErrand(receiverCtx, errandId, f.personas.staff.doctor.hsaId);
    const doctorCtx = { ...contextFor(f.services, staffActor(f.personas.staff.doctor.hsaId, ['caregiver'])), now: at };
    await answerErrand(
      doctorCtx,
      errandId,
      { medicines: [{ item: 'Levaxin', decision: 'renewed' }], message: 'Klart.', citizenMayReply: false },
      'sv',
    );
  }

  /** What the aggregates must be: counted again from the errands and login events themselves. */
  async function recount(): Promise<Map<string, number>> {
    const { db } = f.database;
    const counts = new Map<string, number>();
    const add = (row: Omit<CountRow, 'count'>) => counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
    const cards = new Map(
      (await db.selectFrom('unit_contact_card').select(['unit_hsa_id', 'opening_hours']).execute()).map((c) => [
        c.unit_hsa_id,
        c.opening_hours,
      ]),
    );
    const municipalities = new Map(
      (await db.selectFrom('care_unit').select(['hsa_id', 'municipality_code']).execute()).map((u) => [
        u.hsa_id,
        u.municipality_code,
      ]),
    );
    for (const errand of await db.selectFrom('errand').selectAll().execute()) {
      const base = {
        unit_hsa_id: errand.unit_hsa_id,
        municipality_code: municipalities.get(errand.unit_hsa_id) ?? '',
        dimension: errand.errand_type,
        bucket: 0,
      };
      add({ ...base, measure: 'errand-sent', day: stockholmDate(new Date(errand.created_at)) });
      if (errand.first_answered_at === null) continue;
      const day = stockholmDate(new Date(errand.first_answered_at));
      add({ ...base, measure: 'errand-answered', day });
      const working = workingTimeBetween(
        errand.created_at,
        errand.first_answered_at,
        openingIntervals(cards.get(errand.unit_hsa_id)),
        closedOnClosures([]),
      );
      add({ ...base, measure: 'answer-time', day, bucket: answerHourBucket(working) });
    }
    const logins = await db
      .selectFrom('login_event')
      .selectAll()
      .where('audience', '=', 'citizen')
      .where('result', '=', 'success')
      .execute();
    for (const login of logins) {
      add({
        measure: 'login',
        unit_hsa_id: '',
        // Each municipality's logins are a count of their own (and its region's: the code's first two digits).
        municipality_code: login.municipality_code ?? '',
        day: stockholmDate(new Date(login.occurred_at)),
        dimension: login.method,
        bucket: 0,
      });
    }
    return counts;
  }

  /**
   * The recount as rollup rows (migration -25): each day count also at its week and month, at its
   * unit, municipality and region, and for errand measures also summed over all types ('').
   */
  async function expectedRollups(): Promise<Map<string, number>> {
    const units = new Map(
      (
        await f.database.db.selectFrom('care_unit').select(['hsa_id', 'region_code', 'municipality_code']).execute()
      ).map((u) => [u.hsa_id, u]),
    );
    const rollups = new Map<string, number>();
    for (const [key, count] of await recount()) {
      const [measure, unit, municipality, day, dimension, bucket] = key.split('|') as string[] as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const region = unit === '' ? municipality.slice(0, 2) : (units.get(unit)?.region_code ?? '');
      const places: Array<[string, string, string]> = [
        ...(unit === '' ? [] : [['unit', unit, municipality] as [string, string, string]]),
        ['municipality', municipality, municipality],
        ['region', region, ''],
      ];
      const dimensions = measure === 'login' ? [dimension] : [dimension, ''];
      for (const [level, place, municipalityCode] of places)
        for (const [grain, period] of [
          ['day', day],
          ['week', isoWeekOf(day)],
          ['month', day.slice(0, 7)],
        ])
          for (const dim of dimensions) {
            const rollup = [measure, level, place, grain, period, dim, bucket, region, municipalityCode].join('|');
            rollups.set(rollup, (rollups.get(rollup) ?? 0) + count);
          }
    }
    return rollups;
  }

  /** Every rollup row (notifications aside: the recount does not cover the outbox worker). */
  async function aggregates(): Promise<Map<string, number>> {
    // Counts wait in stat_pending until folded (a statistics read folds them first, as here).
    await foldPendingStats(f.database.db);
    const rows = await f.database.db
      .selectFrom('stat_rollup')
      .selectAll()
      .where('measure', '!=', 'notification')
      .execute();
    // Coarser rows are the sums of the finer ones: a week's or month's row equals its days' rows.
    const fromDays = new Map<string, number>();
    for (const row of rows.filter((r) => r.grain === 'day'))
      for (const [grain, period] of [
        ['week', isoWeekOf(row.period)],
        ['month', row.period.slice(0, 7)],
      ]) {
        const key = [row.measure, row.level, row.place, grain, period, row.dimension, row.bucket].join('|');
        fromDays.set(key, (fromDays.get(key) ?? 0) + Number(row.count));
      }
    for (const row of rows.filter((r) => r.grain !== 'day'))
      expect(Number(row.count)).toBe(
        fromDays.get([row.measure, row.level, row.place, row.grain, row.period, row.dimension, row.bucket].join('|')),
      );
    expect(rows.filter((r) => r.grain !== 'day').length).toBe(fromDays.size);
    return new Map(
      rows.map((row) => [
        [
          row.measure,
          row.level,
          row.place,
          row.grain,
          row.period,
          row.dimension,
          row.bucket,
          row.region_code,
          row.municipality_code,
        ].join('|'),
        Number(row.count),
      ]),
    );
  }

  const BASE_DAY = '2026-10-05';
  const action = fc.oneof(
    fc.record({
      kind: fc.constant('send' as const),
      day: fc.integer({ min: 0, max: 13 }),
      minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    }),
    fc.record({ kind: fc.constant('answer' as const), pick: fc.nat(), hours: fc.integer({ min: 0, max: 200 }) }),
    fc.record({
      kind: fc.constant('login' as const),
      day: fc.integer({ min: 0, max: 13 }),
      method: fc.constantFrom('eid' as const, 'password-sms' as const),
      result: fc.constantFrom('success' as const, 'refused' as const),
      municipality: fc.constantFrom('0180', '0380', null),
    }),
  );

  it('keeps aggregates equal to a recount from the raw rows after random activity', async () => {
    const sent: Array<{ id: string; at: number }> = [];
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
        for (const a of actions) {
          if (a.kind === 'send') {
            const at = stockholmWallTime(BASE_DAY, 0).getTime() + a.day * 86_400_000 + a.minute * 60_000;
            sent.push({ id: await sendAt(at), at });
          } else if (a.kind === 'answer' && sent.length > 0) {
            // A first answer is what is counted; the errand then waits for the citizen.
            const errand = sent.splice(a.pick % sent.length, 1)[0] as { id: string; at: number };
            await answerAt(errand.id, errand.at + a.hours * 3_600_000 + 1);
          } else if (a.kind === 'login') {
            await recordLoginEvent(f.services, {
              occurred_at: stockholmWallTime(BASE_DAY, 600).getTime() + a.day * 86_400_000,
              audience: 'citizen',
              method: a.method,
              result: a.result,
              reason: null,
              municipality_code: a.municipality,
            });
          }
        }
        expect(await aggregates()).toEqual(await expectedRollups());
      }),
      { numRuns: 6 },
    );
    // The migrations' backfills, run on the same rows, arrive at the same counts: -21 counts the
    // days from the raw rows into stat_count, -25 rolls those up and drops stat_count.
    const live = await aggregates();
    await sql`drop table stat_rollup`.execute(f.database.db);
    const untyped = f.database.db as unknown as Kysely<unknown>;
    await createStatCount(untyped);
    await createRollups(untyped);
    expect(await aggregates()).toEqual(live);
  });

  const query = (extra = '') => `/api/staff/statistics?from=2026-10-01&to=2026-10-31&granularity=week${extra}`;

  it('shows a unit administrator their unit, suppressing counts under 5 and the totals that would reveal them', async () => {
    // Three errands on one day of another month: a count of 3, which must never be shown; then 6 and 7.
    const sendOn = async (day: string, count: number) => {
      for (let minute = 0; minute < count; minute++) await sendAt(stockholmWallTime(day, 600 + minute).getTime());
    };
    await sendOn('2026-09-15', 3);
    await sendOn('2026-09-16', 6);
    await sendOn('2026-09-17', 7);
    const search = 'from=2026-09-15&to=2026-09-17&granularity=day&breakdown=errand-type';
    const response = await unitAdmin.get(`/api/staff/statistics?${search}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.scope).toMatchObject({ kind: 'unit', key: f.unit });
    const sentTable = body.tables.find((t: { id: string }) => t.id === 'errands-sent');
    const column = sentTable.columns.findIndex((c: { key: string }) => c.key === 'renew-prescription');
    const [first, second, third] = sentTable.rows;
    expect(first.key).toBe('2026-09-15');
    expect(first.cells[column]).toEqual({ value: null, suppressed: true });
    expect(first.total).toBeNull();
    // The smallest other count of the column is hidden too: the type's total for the three days
    // can be had elsewhere, and that total minus 6 and 7 would give the 3.
    expect(second.cells[column]).toEqual({ value: null, suppressed: true });
    expect(third.cells[column]).toEqual({ value: 7, suppressed: false });
    expect(third.total).toBe(7);
    // No total of the column (or of everything) that would let 3 be worked out.
    expect(sentTable.columnTotals[column]).toBeNull();
    expect(sentTable.grandTotal).toBeNull();
    expect(JSON.stringify(sentTable)).not.toMatch(/"value":[36]\b/);
    // Logins belong to no unit: a unit administrator is shown none.
    expect(body.tables.map((t: { id: string }) => t.id)).not.toContain('logins');

    const csv = await unitAdmin.get(`/api/staff/statistics.csv?${search}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="kontakta-statistik-.*\.csv"$/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toContain('2026-09-15;< 5;');
    expect(lines).toContain('2026-09-16;< 5;');
    expect(lines).toContain('2026-09-17;7;7');
    expect(csv.body).toContain('Skickade ärenden');
  });

  it('shows a regional administrator their region, or one of its units, and logins by method', async () => {
    const response = await region.get(query('&breakdown=unit'));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.scope).toMatchObject({ kind: 'region', key: regionCode });
    expect(body.tables.map((t: { id: string }) => t.id)).toContain('logins');
    expect(body.units.map((u: { hsaId: string }) => u.hsaId)).toContain(f.unit);
    const one = await region.get(query(`&unit=${f.unit}`));
    expect(one.statusCode).toBe(200);
    expect(one.json().scope).toMatchObject({ kind: 'unit', key: f.unit });
    if (secondUnitInRegion) expect((await region.get(query(`&unit=${secondUnitInRegion}`))).statusCode).toBe(200);
  });

  it('refuses other units and regions (404), other roles (403), citizens (404) and strangers (401)', async () => {
    expect((await region.get(query(`&unit=${unitInOtherRegion}`))).statusCode).toBe(404);
    expect((await unitAdmin.get(query(`&unit=${unitInOtherRegion}`))).statusCode).toBe(404);
    const otherAdmin = await regionSession(f, otherRegion.admin, otherRegion.code);
    const theirs = await otherAdmin.get(query(`&unit=${f.unit}`));
    expect(theirs.statusCode).toBe(404);
    expect((await receiver.get(query())).statusCode).toBe(403);
    expect((await receiver.get(query().replace('statistics', 'statistics.csv'))).statusCode).toBe(403);
    expect((await citizen.get(query())).statusCode).toBe(404);
    const stranger = await f.app.inject({ method: 'GET', url: query() });
    expect(stranger.statusCode).toBe(401);
  });

  it.each([
    ['from=2026-10-01', 'querystring.to'],
    ['from=2026-13-01&to=2026-10-01', 'querystring.from'],
    ['from=2026-02-30&to=2026-03-01', 'querystring.from'],
    ['from=2026-10-05&to=2026-10-01', 'querystring.to'],
    ['from=2026-01-01&to=2026-12-31&granularity=day', 'querystring.to'],
    ['from=2026-10-01&to=2026-10-31&granularity=year', 'querystring.granularity'],
    ['from=2026-10-01&to=2026-10-31&breakdown=person', 'querystring.breakdown'],
    ['from=2026-10-01&to=2026-10-31&unit=a%20b', 'querystring.unit'],
  ])('refuses %s with 400 naming %s', async (search, field) => {
    const response = await unitAdmin.get(`/api/staff/statistics?${search}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(JSON.stringify(response.json())).toContain(field);
  });
});
