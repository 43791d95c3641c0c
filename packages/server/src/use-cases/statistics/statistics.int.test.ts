import type { CitizenActor, StaffActor } from '@kontakta/domain';
import {
  addCalendarDays,
  answerDayBucket,
  answerHourBucket,
  closedOnClosures,
  isoWeekOf,
  periodsBetween,
  stockholmDate,
  stockholmWallTime,
  workingDaysBetween,
  workingTimeBetween,
} from '@kontakta/domain';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as createStatCount } from '../../storage/migrations/2026-12-06-21-statistics.ts';
import { up as createRollups } from '../../storage/migrations/2026-12-06-25-statistics-rollups.ts';
import { backfillAnswerDays } from '../../storage/migrations/2026-12-07-29-statistics-proxies.ts';
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
import { chooseStaffUnit } from '../login/choose-staff-unit.ts';
import { logInStaff } from '../login/log-in-staff.ts';
import { recordLoginEvent } from '../login/record-login-event.ts';
import { addProxy } from '../proxies/add-proxy.ts';
import { removeProxy } from '../proxies/remove-proxy.ts';
import { contextFor } from '../services.ts';

// Statistics (issue 16 pts 3–4), on both databases: the aggregates maintained as events happen
// equal a recount from the raw rows after random activity; small counts are suppressed and no
// total gives them away; each administrator sees only their own unit or region; bad input is a
// 400 naming the field; the CSV is what the JSON shows, for Excel. An installation administrator
// sees every region and unit and nothing else; proxies active equal a recount from the proxy rows;
// staff logins are counted at the unit where work starts, equal to a recount from the login event
// rows (which keep that unit, migration 2026-12-07-31).

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
  let installation: Client;
  /** Guardians' citizen ids, with the children they may be proxy for. */
  let guardians: Array<{ citizenId: string; personnummer: string }>;
  let children: string[];

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
    installation = await f.staffWithRoles(f.personas.staff.installationAdministrator.hsaId, null as never, [
      'installation-administrator' as never,
    ]);
    const people = f.personas.citizens;
    guardians = [];
    for (const person of [people.guardian, people.coGuardian]) {
      await f.citizen(person.personnummer);
      const row = await f.database.db
        .selectFrom('citizen')
        .select('id')
        .where('personnummer', '=', person.personnummer)
        .executeTakeFirstOrThrow();
      guardians.push({ citizenId: row.id, personnummer: person.personnummer });
    }
    const guardian = await f.registers.findPerson(people.guardian.personnummer);
    children = [...(guardian?.children ?? [])];
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
      const days = workingDaysBetween(
        errand.created_at,
        errand.first_answered_at,
        openingIntervals(cards.get(errand.unit_hsa_id)),
        closedOnClosures([]),
      );
      add({ ...base, measure: 'answer-days', day, bucket: answerDayBucket(days) });
    }
    // A proxy's start and end, at the child's municipality kept on its row.
    for (const proxy of await db.selectFrom('proxy').selectAll().execute()) {
      const at = { measure: 'proxy', unit_hsa_id: '', municipality_code: proxy.municipality_code, bucket: 0 };
      add({ ...at, day: stockholmDate(new Date(proxy.created_at)), dimension: 'started' });
      if (proxy.ended_at !== null) add({ ...at, day: stockholmDate(new Date(proxy.ended_at)), dimension: 'ended' });
    }
    const logins = await db
      .selectFrom('login_event')
      .selectAll()
      .where('audience', '=', 'citizen')
      .where('result', '=', 'success')
      .execute();
    // A staff login at the first unit it worked at (kept on its row), on the day of the login.
    const staffLogins = await db
      .selectFrom('login_event')
      .selectAll()
      .where('audience', '=', 'staff')
      .where('result', '=', 'success')
      .where('unit_hsa_id', 'is not', null)
      .execute();
    for (const login of staffLogins) {
      const unit = login.unit_hsa_id as string;
      add({
        measure: 'staff-login',
        unit_hsa_id: unit,
        municipality_code: municipalities.get(unit) ?? '',
        day: stockholmDate(new Date(login.occurred_at)),
        dimension: login.method,
        bucket: 0,
      });
    }
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
      const dimensions = ['login', 'staff-login', 'proxy'].includes(measure) ? [dimension] : [dimension, ''];
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
      .where('measure', '<>', 'notification')
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
    fc.record({
      kind: fc.constant('staff-login' as const),
      day: fc.integer({ min: 0, max: 13 }),
      who: fc.constantFrom('receiver' as const, 'nurse' as const, 'installation' as const, 'stranger' as const),
      pick: fc.nat(),
      switches: fc.integer({ min: 0, max: 2 }),
    }),
    fc.record({
      kind: fc.constant('proxy' as const),
      day: fc.integer({ min: 0, max: 13 }),
      guardian: fc.nat(),
      child: fc.nat(),
      add: fc.boolean(),
    }),
  );

  /** A guardian becomes proxy for a child, or stops being it, at a given time (refusals change nothing). */
  async function changeProxy(guardianIndex: number, childIndex: number, add: boolean, at: number): Promise<void> {
    const guardian = guardians[guardianIndex % guardians.length] as { citizenId: string; personnummer: string };
    const child = children[childIndex % children.length] as string;
    const ctx = {
      ...contextFor(f.services, {
        kind: 'citizen' as const,
        citizenId: guardian.citizenId,
        personnummer: guardian.personnummer,
        loginMethod: 'eid' as const,
        sessionId: 'statistics-test',
      }),
      now: at,
    };
    if (add) {
      await addProxy(ctx, { personnummer: child, language: 'sv' }).catch(() => undefined);
      return;
    }
    const row = await f.database.db
      .selectFrom('citizen')
      .select('id')
      .where('personnummer', '=', child)
      .executeTakeFirst();
    if (row) await removeProxy(ctx, row.id).catch(() => undefined);
  }

  /**
   * A member of staff logs in through the use case the e-ID callback calls: the receiver straight
   * to their one unit, the nurse to a choice of two units (chosen the next day, then switched
   * `switches` times: counted once, at the first, on the day of the login), the installation
   * administrator to no unit (not counted), a stranger refused (not counted).
   */
  async function staffLogin(
    who: 'receiver' | 'nurse' | 'installation' | 'stranger',
    at: number,
    pick: number,
    switches: number,
  ) {
    const staff = f.personas.staff;
    const person =
      who === 'receiver'
        ? staff.receiver
        : who === 'nurse'
          ? staff.nurse
          : who === 'installation'
            ? staff.installationAdministrator
            : { hsaId: '', personnummer: f.personas.citizens.adult.personnummer };
    const outcome = await logInStaff(
      { ...f.services, clock: () => at },
      { personnummerClaim: person.personnummer, previousSessionToken: undefined },
    );
    expect(outcome.ok).toBe(who !== 'stranger');
    if (!outcome.ok || outcome.next !== 'choose-unit') return;
    const units = (await f.registers.findEmployee(person.hsaId))?.commissions.map((c) => c.unitHsaId) ?? [];
    let token = outcome.session.token;
    let current: string | null = null;
    for (let choice = 0; choice <= switches; choice++) {
      const unitHsaId = units[(pick + choice) % units.length] as string;
      const later = at + 86_400_000 + choice * 60_000;
      const chosen = await chooseStaffUnit(
        { ...f.services, clock: () => later },
        { kind: 'staff', hsaId: person.hsaId, unitHsaId: current, roles: [], sessionId: 'statistics-test' },
        { unitHsaId, currentSessionToken: token, currentExpiresAt: later + 3_600_000 },
      );
      if (!chosen) throw new Error(`the nurse could not choose ${unitHsaId}`);
      token = chosen.token;
      current = unitHsaId;
    }
  }

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
          } else if (a.kind === 'staff-login') {
            const at = stockholmWallTime(BASE_DAY, 480).getTime() + a.day * 86_400_000;
            await staffLogin(a.who, at, a.pick, a.switches);
          } else if (a.kind === 'proxy') {
            const at = stockholmWallTime(BASE_DAY, 720).getTime() + a.day * 86_400_000;
            await changeProxy(a.guardian, a.child, a.add, at);
          }
        }
        expect(await aggregates()).toEqual(await expectedRollups());
      }),
      { numRuns: 6 },
    );
    // Whatever the runs drew: an errand sent in the period the later tests ask for (the runs may
    // have drawn no send at all), a login straight to a unit, and one choosing a unit the next day
    // and switching.
    await sendAt(stockholmWallTime(BASE_DAY, 600).getTime());
    const day = stockholmWallTime(BASE_DAY, 480).getTime();
    await staffLogin('receiver', day, 0, 0);
    await staffLogin('nurse', day, 1, 2);
    expect(await aggregates()).toEqual(await expectedRollups());
    // The migrations' backfills, run on the same rows, arrive at the same counts: -21 counts the
    // days from the raw rows into stat_count, -25 rolls those up and drops stat_count, -29 adds
    // the working days of the answers. (Proxies are backfilled at an unknown place: not compared;
    // staff logins are not backfilled: no row kept their unit before -32.)
    const live = await aggregates();
    await sql`drop table stat_rollup`.execute(f.database.db);
    const untyped = f.database.db as unknown as Kysely<unknown>;
    await createStatCount(untyped);
    await createRollups(untyped);
    await backfillAnswerDays(f.database.db);
    const notBackfilled = ([key]: [string, number]) => key.startsWith('proxy|') || key.startsWith('staff-login|');
    expect(await aggregates()).toEqual(new Map([...live].filter((row) => !notBackfilled(row))));
    expect([...live].some(([key]) => key.startsWith('staff-login|'))).toBe(true);
    // Put the proxies' and staff logins' rows back as they were, for the tests after this one.
    await rowsBack([...live].filter(notBackfilled));
  });

  async function rowsBack(rows: Array<[string, number]>): Promise<void> {
    for (const [key, count] of rows) {
      const [measure, level, place, grain, period, dimension, bucket, region_code, municipality_code] = key.split(
        '|',
      ) as string[] as [string, 'region', string, 'day', string, string, string, string, string];
      await f.database.db
        .insertInto('stat_rollup')
        .values({
          measure: measure as 'proxy' | 'staff-login',
          level,
          place,
          grain,
          period,
          dimension,
          bucket: Number(bucket),
          region_code,
          municipality_code,
          count,
        })
        .execute();
    }
  }

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

  type Table = {
    id: string;
    columns: Array<{ key: string }>;
    rows: Array<{ key: string; cells: Array<{ value: number | null; suppressed: boolean }>; total: number | null }>;
  };
  const tableOf = (body: { tables: Table[] }, id: string) => body.tables.find((t) => t.id === id) as Table;

  it('shows an installation administrator the whole installation, any region and any unit', async () => {
    const all = await installation.get(query('&breakdown=region'));
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json();
    expect(body.scope).toMatchObject({ kind: 'all', key: '' });
    // Every region to choose from, and every region's figures side by side.
    expect(body.regions.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining([regionCode, otherRegion.code]),
    );
    expect(body.tables.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining([
        'errands-sent',
        'answer-time',
        'answer-days',
        'logins',
        'staff-logins',
        'proxies-active',
      ]),
    );
    expect(tableOf(body, 'errands-sent').columns.map((c) => c.key)).toContain(regionCode);
    // Every unit to choose from before a region is, each with its region (the filter groups them).
    expect(body.units).toEqual(
      expect.arrayContaining([
        { hsaId: f.unit, name: expect.any(String), regionCode },
        { hsaId: unitInOtherRegion, name: expect.any(String), regionCode: otherRegion.code },
      ]),
    );
    const allUnits = await f.database.db.selectFrom('care_unit').select('hsa_id').execute();
    expect(body.units).toHaveLength(allUnits.length);

    const theirs = await installation.get(query(`&region=${otherRegion.code}`));
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().scope).toMatchObject({ kind: 'region', key: otherRegion.code });
    expect(theirs.json().units.map((u: { hsaId: string }) => u.hsaId)).toContain(unitInOtherRegion);
    const unit = await installation.get(query(`&region=${otherRegion.code}&unit=${unitInOtherRegion}`));
    expect(unit.json().scope).toMatchObject({ kind: 'unit', key: unitInOtherRegion });
    expect((await installation.get(query(`&unit=${f.unit}`))).json().scope).toMatchObject({
      kind: 'unit',
      key: f.unit,
    });
    const csv = await installation.get(query().replace('statistics', 'statistics.csv'));
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Hela installationen');
    expect(csv.headers['content-disposition']).toContain('kontakta-statistik-alla-');

    // Unknown or mismatched places are 404, as anything one may not see.
    expect((await installation.get(query('&region=99'))).statusCode).toBe(404);
    expect((await installation.get(query(`&region=${regionCode}&unit=${unitInOtherRegion}`))).statusCode).toBe(404);
    expect((await installation.get(query('&unit=SE0000000000-NOPE'))).statusCode).toBe(404);
  });

  it('shows a breakdown by unit 25 units a page, in name order, each unit with its own figures', async () => {
    const allUnits = await f.database.db.selectFrom('care_unit').select(['hsa_id', 'name']).execute();
    const ordered = allUnits.sort((a, b) => new Intl.Collator('sv').compare(a.name, b.name)).map((unit) => unit.hsa_id);
    expect(ordered.length).toBeGreaterThan(25);
    // Five errands in a week of the period, so that the unit has a count that is shown.
    for (let minute = 0; minute < 5; minute++) await sendAt(stockholmWallTime('2026-10-21', 600 + minute).getTime());
    const first = (await installation.get(query('&breakdown=unit'))).json();
    expect(first.breakdownPage).toEqual({ page: 1, pages: 2, first: 1, last: 25, total: ordered.length });
    // Every unit of the page is a column, counted or not; the histograms and waiting errands have it as a row.
    expect(tableOf(first, 'errands-sent').columns.map((c) => c.key)).toEqual(ordered.slice(0, 25));
    expect(tableOf(first, 'answer-time').rows.map((r) => r.key)).toEqual(ordered.slice(0, 25));
    expect(tableOf(first, 'unanswered-by-age').rows.map((r) => r.key)).toEqual(ordered.slice(0, 25));
    const second = await installation.get(query('&breakdown=unit&page=2'));
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().breakdownPage).toEqual({
      page: 2,
      pages: 2,
      first: 26,
      last: ordered.length,
      total: ordered.length,
    });
    expect(tableOf(second.json(), 'errands-sent').columns.map((c) => c.key)).toEqual(ordered.slice(25));
    // The unit's column on its page is what the unit's own statistics show (where neither hides it).
    const page = ordered.indexOf(f.unit) < 25 ? first : second.json();
    const byUnit = tableOf(page, 'errands-sent');
    const column = byUnit.columns.findIndex((c) => c.key === f.unit);
    const own = tableOf((await installation.get(query(`&unit=${f.unit}`))).json(), 'errands-sent');
    const shown = byUnit.rows.map((row) => row.cells[column]);
    expect(shown.some((cell) => (cell?.value ?? 0) > 0)).toBe(true);
    own.rows.forEach((row, index) => {
      const cell = shown[index];
      if (!cell?.suppressed && !row.cells[0]?.suppressed) expect(cell?.value).toBe(row.cells[0]?.value);
    });
    // A region of 9 units is one page; other breakdowns are not paged.
    expect((await region.get(query('&breakdown=unit'))).json().breakdownPage).toMatchObject({ page: 1, pages: 1 });
    expect((await installation.get(query('&breakdown=region'))).json().breakdownPage).toBeNull();
    // A page past the last is refused, naming the field; the CSV is the page shown, and says so.
    const past = await installation.get(query('&breakdown=unit&page=3'));
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('querystring.page');
    const csv = await installation.get(query('&breakdown=unit&page=2').replace('statistics', 'statistics.csv'));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/-2\.csv"$/);
    expect(csv.body).toContain(`Mottagning 26–${ordered.length} av ${ordered.length}`);
  });

  it('gives the installation role nothing but statistics, and only to whom the catalogue gives it', async () => {
    // Errands, a unit's administration and a region's pages stay closed to it.
    expect([403, 404]).toContain((await installation.get('/api/staff/inbox')).statusCode);
    // "My errands" are the catalogue's caregiver commissions' (any staff session): none here.
    expect((await installation.get('/api/staff/my-errands')).json().items).toEqual([]);
    expect([403, 404]).toContain((await installation.get(`/api/admin/units/${f.unit}/errand-types`)).statusCode);
    expect([403, 404]).toContain((await installation.get('/api/region/units')).statusCode);
    // A session claiming the role that the catalogue does not give gets the role taken away (403).
    const pretender = await f.staffWithRoles(f.personas.staff.receiver.hsaId, null as never, [
      'installation-administrator' as never,
    ]);
    expect((await pretender.get(query())).statusCode).toBe(403);
    // Others may not widen their scope with a region: 404.
    expect((await region.get(query(`&region=${otherRegion.code}`))).statusCode).toBe(404);
    expect((await region.get(query(`&region=${regionCode}`))).statusCode).toBe(200);
    expect((await unitAdmin.get(query(`&region=${regionCode}`))).statusCode).toBe(404);
  });

  it('logs the installation administrator in to the statistics, without choosing a unit', async () => {
    const outcome = await logInStaff(f.services, {
      personnummerClaim: f.personas.staff.installationAdministrator.personnummer,
      previousSessionToken: undefined,
    });
    expect(outcome).toMatchObject({ ok: true, next: 'staff-start' });
  });

  it('counts staff logins by method at the unit where work starts, for that unit’s administrator', async () => {
    const today = stockholmDate(new Date(f.services.clock()));
    const search = `from=${today}&to=${today}&granularity=day`;
    const eid = async (who: Client) => {
      const table = tableOf((await who.get(`/api/staff/statistics?${search}`)).json(), 'staff-logins');
      const column = table.columns.findIndex((c) => c.key === 'eid');
      return table.rows[0]?.cells[column];
    };
    const before = await foldedCount('staff-login', f.unit);
    // Five logins straight to the receiver's one unit.
    for (let i = 0; i < 5; i++) {
      const outcome = await logInStaff(f.services, {
        personnummerClaim: f.personas.staff.receiver.personnummer,
        previousSessionToken: undefined,
      });
      expect(outcome).toMatchObject({ ok: true, next: 'staff-start' });
    }
    // The nurse works at two units: the login counts when the first unit is chosen, a switch does not.
    const nurse = await logInStaff(f.services, {
      personnummerClaim: f.personas.staff.nurse.personnummer,
      previousSessionToken: undefined,
    });
    expect(nurse).toMatchObject({ ok: true, next: 'choose-unit' });
    const nurseActor = staffActor(f.personas.staff.nurse.hsaId, []);
    const token = nurse.ok ? nurse.session.token : '';
    const chosen = await chooseStaffUnit(
      f.services,
      { ...nurseActor, unitHsaId: null },
      { unitHsaId: f.unit, currentSessionToken: token, currentExpiresAt: Date.now() + 3_600_000 },
    );
    expect(chosen).toBeDefined();
    await chooseStaffUnit(f.services, nurseActor, {
      unitHsaId: f.unit,
      currentSessionToken: chosen?.token ?? '',
      currentExpiresAt: Date.now() + 3_600_000,
    });
    // The installation administrator's login works at no unit: not counted at one.
    await logInStaff(f.services, {
      personnummerClaim: f.personas.staff.installationAdministrator.personnummer,
      previousSessionToken: undefined,
    });
    expect(await foldedCount('staff-login', f.unit)).toBe(before + 6);
    expect(await eid(unitAdmin)).toEqual({ value: before + 6, suppressed: false });
    expect(await eid(region)).toEqual({ value: expect.any(Number), suppressed: false });
    // Citizens' logins stay a table of their own, and not at a unit.
    const unitBody = (await unitAdmin.get(`/api/staff/statistics?${search}`)).json();
    expect(unitBody.tables.map((t: { id: string }) => t.id)).not.toContain('logins');
  });

  /** A unit's folded day count of a measure today, straight from the rollup. */
  async function foldedCount(measure: 'staff-login', unit: string): Promise<number> {
    await foldPendingStats(f.database.db);
    const row = await f.database.db
      .selectFrom('stat_rollup')
      .select(sql<number>`coalesce(sum(count), 0)`.as('count'))
      .where('measure', '=', measure)
      .where('level', '=', 'unit')
      .where('place', '=', unit)
      .where('grain', '=', 'day')
      .where('period', '=', stockholmDate(new Date(f.services.clock())))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  it('shows proxies active at the end of each period, equal to a recount from the proxy rows', async () => {
    // Both guardians become proxy for each of their three children at the start of November
    // (six active, beside what the random activity left), then one of them ends mid-month.
    const start = stockholmWallTime('2026-11-02', 600).getTime();
    for (let g = 0; g < guardians.length; g++)
      for (let c = 0; c < children.length; c++) await changeProxy(g, c, true, start);
    const end = stockholmWallTime('2026-11-11', 600).getTime();
    await changeProxy(0, 0, false, end);

    const proxies = await f.database.db.selectFrom('proxy').select(['created_at', 'ended_at']).execute();
    const activeAtEndOf = (day: string) =>
      proxies.filter(
        (p) =>
          stockholmDate(new Date(p.created_at)) <= day &&
          (p.ended_at === null || stockholmDate(new Date(p.ended_at)) > day),
      ).length;
    const check = async (from: string, to: string) => {
      const response = await installation.get(`/api/staff/statistics?from=${from}&to=${to}&granularity=week`);
      expect(response.statusCode, response.body).toBe(200);
      const table = tableOf(response.json(), 'proxies-active');
      const weeks = periodsBetween(from, to, 'week');
      expect(table.rows.map((r) => r.key)).toEqual(weeks);
      let shown = 0;
      for (const row of table.rows) {
        // The period's last day, within the query.
        let last = from;
        for (let day = from; day <= to; day = addCalendarDays(day, 1)) if (isoWeekOf(day) === row.key) last = day;
        const expected = activeAtEndOf(last);
        const cell = row.cells[0];
        if (cell?.suppressed) expect(expected).toBeGreaterThan(0);
        else {
          expect(cell?.value).toBe(expected);
          if (expected >= 5) shown += 1;
        }
      }
      expect(shown, JSON.stringify({ table, proxies })).toBeGreaterThan(0);
    };
    await check('2026-11-01', '2026-11-30');
    // Starting mid-month, what started before is the baseline: the same figures.
    await check('2026-11-09', '2026-11-30');
    // A unit has no proxies (they belong to the child, not a unit); a region has its children's.
    const unitBody = (await unitAdmin.get(query())).json();
    expect(unitBody.tables.map((t: { id: string }) => t.id)).not.toContain('proxies-active');
    const regionBody = (await region.get(query('&breakdown=municipality'))).json();
    expect(regionBody.tables.map((t: { id: string }) => t.id)).toContain('proxies-active');
  });

  it('shows answer times in working days beside working hours, with median and 90th percentile', async () => {
    const response = await unitAdmin.get('/api/staff/statistics?from=2026-10-01&to=2026-10-31');
    const body = response.json();
    const hours = tableOf(body, 'answer-time');
    const days = tableOf(body, 'answer-days');
    expect(days.columns.length).toBeGreaterThan(1);
    // Every first answer is in both histograms: the same number of answers.
    const answered = await f.database.db
      .selectFrom('errand')
      .select(sql<number>`count(*)`.as('n'))
      .where('first_answered_at', '>=', stockholmWallTime('2026-10-01', 0).getTime())
      .where('first_answered_at', '<', stockholmWallTime('2026-11-01', 0).getTime())
      .where('unit_hsa_id', '=', f.unit)
      .executeTakeFirstOrThrow();
    if (hours.rows[0]?.total !== null && days.rows[0]?.total !== null) {
      expect(days.rows[0]?.total).toBe(hours.rows[0]?.total);
      expect(days.rows[0]?.total).toBe(Number(answered.n));
    }
    const csv = await unitAdmin.get('/api/staff/statistics.csv?from=2026-10-01&to=2026-10-31');
    expect(csv.body).toContain('Tid till första svar (arbetsdagar)');
    expect(csv.body).toContain('samma dag');
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
    ['from=2026-10-01&to=2026-10-31&region=1', 'querystring.region'],
  ])('refuses %s with 400 naming %s', async (search, field) => {
    const response = await unitAdmin.get(`/api/staff/statistics?${search}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(JSON.stringify(response.json())).toContain(field);
  });
});
