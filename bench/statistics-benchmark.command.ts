import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { StaffActor } from '@kontakta/domain';
import { ANSWER_HOUR_EDGES, addCalendarDays, isoWeekOf } from '@kontakta/domain';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../packages/server/src/storage/database.ts';
import { migrateToLatest } from '../packages/server/src/storage/migrator.ts';
import type { StatCountTable } from '../packages/server/src/storage/statistics-schema.ts';
import { startPostgresCluster } from '../packages/server/src/testing/postgres-cluster.ts';
import type { UseCaseContext } from '../packages/server/src/use-cases/services.ts';
import { showStatistics } from '../packages/server/src/use-cases/statistics/show-statistics.ts';

// `npm run bench:statistics -- [--db sqlite,postgres] [--errands 1000000] [--iterations 40]`
// Issue 16 pt 5: the statistics of a region whose aggregates represent a million errands (two
// years, a few hundred units, every base errand type, answer times, logins and notifications)
// must answer in under 100 ms p99. The aggregate rows are written directly, as the events would
// have raised them; the statistics use case then runs as a regional administrator asks, and its
// time is measured per query shape (p50, p99). The unanswered-by-age table reads the units'
// waiting errands, which this data set has none of: its cost is one index range per unit.

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite,postgres' },
    errands: { type: 'string', default: '1000000' },
    units: { type: 'string', default: '300' },
    iterations: { type: 'string', default: '40' },
  },
});

const REGION = '01';
const TODAY = '2026-12-06';
const DAYS = 730;
const TYPES = [
  'renew-prescription',
  'contact-me',
  'book-appointment',
  'cancel-appointment',
  'ask-a-question',
  'medical-record-copy',
  'certificate',
  'test-results',
];

/** A small, seeded generator, so every run writes the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

async function fill(database: Database, errands: number, unitCount: number): Promise<number> {
  const { db } = database;
  const now = Date.now();
  await db.insertInto('region').values({ code: REGION, name: 'Region Stockholm', updated_at: now }).execute();
  const municipalities = Array.from({ length: 26 }, (_, i) => `01${String(i + 14).padStart(2, '0')}`);
  const units = Array.from({ length: unitCount }, (_, i) => ({
    hsa_id: `SE2321000016-B${String(i).padStart(4, '0')}`,
    name: `Vårdcentral ${i}`,
    region_code: REGION,
    kind: 'primary-care',
    municipality_code: municipalities[i % municipalities.length] as string,
    municipality_name: `Kommun ${i % municipalities.length}`,
    street: 'Gatan 1',
    postal_code: '111 11',
    city: 'Stockholm',
    search_text: `vardcentral ${i}`,
    updated_at: now,
  }));
  for (let i = 0; i < units.length; i += 200)
    await db
      .insertInto('care_unit')
      .values(units.slice(i, i + 200))
      .execute();

  const rand = random(16);
  // One number per aggregate row, keyed by its columns: a million errands make a few million rows.
  const counts = new Map<string, number>();
  const add = (row: Omit<StatCountTable, 'week' | 'month' | 'count' | 'region_code'>) => {
    const key = `${row.measure}|${row.unit_hsa_id}|${row.day}|${row.dimension}|${row.bucket}|${row.municipality_code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const first = addCalendarDays(TODAY, -DAYS);
  const dayList = Array.from({ length: DAYS }, (_, i) => addCalendarDays(first, i));
  for (let n = 0; n < errands; n++) {
    // Units' traffic is skewed: the square makes a few units much busier than most.
    const unit = units[Math.floor(rand() ** 2 * units.length)] ?? units[0];
    if (!unit) break;
    const dayIndex = Math.floor(rand() * DAYS);
    const day = dayList[dayIndex] as string;
    const type = TYPES[Math.floor(rand() ** 1.5 * TYPES.length)] as string;
    const where = { unit_hsa_id: unit.hsa_id, municipality_code: unit.municipality_code };
    add({ ...where, measure: 'errand-sent', day, dimension: type, bucket: 0 });
    if (rand() < 0.92) {
      const answeredOn = dayList[Math.min(DAYS - 1, dayIndex + Math.floor(rand() * 3))] as string;
      add({ ...where, measure: 'errand-answered', day: answeredOn, dimension: type, bucket: 0 });
      const bucket = Math.min(ANSWER_HOUR_EDGES.length - 1, Math.floor(rand() ** 2 * ANSWER_HOUR_EDGES.length));
      add({ ...where, measure: 'answer-time', day: answeredOn, dimension: type, bucket });
      const channel = rand() < 0.7 ? 'sms' : 'email';
      add({ ...where, measure: 'notification', day: answeredOn, dimension: `${channel}:sent`, bucket: 0 });
    }
    if (rand() < 0.8) {
      const method = rand() < 0.9 ? 'eid' : 'password-sms';
      add({
        unit_hsa_id: '',
        municipality_code: unit.municipality_code,
        measure: 'login',
        day,
        dimension: method,
        bucket: 0,
      });
    }
  }
  const weeks = new Map(dayList.map((day) => [day, isoWeekOf(day)]));
  let batch: StatCountTable[] = [];
  const flush = async (trx: typeof db) => {
    if (batch.length > 0) await trx.insertInto('stat_count').values(batch).execute();
    batch = [];
  };
  await db.transaction().execute(async (trx) => {
    for (const [key, count] of counts) {
      const [measure, unit_hsa_id, day, dimension, bucket, municipality_code] = key.split('|') as string[];
      batch.push({
        measure: measure as StatCountTable['measure'],
        unit_hsa_id: unit_hsa_id as string,
        day: day as string,
        week: weeks.get(day as string) as string,
        month: (day as string).slice(0, 7),
        dimension: dimension as string,
        bucket: Number(bucket),
        region_code: REGION,
        municipality_code: municipality_code as string,
        count,
      });
      if (batch.length === 500) await flush(trx);
    }
    await flush(trx);
  });
  const rows = { length: counts.size };
  return rows.length;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? Number.NaN;
}

const SHAPES = [
  {
    name: '12 months per month, no breakdown',
    from: addCalendarDays(TODAY, -365),
    granularity: 'month',
    breakdown: 'none',
  },
  { name: '12 months per month, by unit', from: addCalendarDays(TODAY, -365), granularity: 'month', breakdown: 'unit' },
  {
    name: '12 months per month, by municipality',
    from: addCalendarDays(TODAY, -365),
    granularity: 'month',
    breakdown: 'municipality',
  },
  {
    name: '26 weeks per week, by errand type',
    from: addCalendarDays(TODAY, -182),
    granularity: 'week',
    breakdown: 'errand-type',
  },
  { name: '92 days per day, no breakdown', from: addCalendarDays(TODAY, -91), granularity: 'day', breakdown: 'none' },
  {
    name: '2 years per month, no breakdown',
    from: addCalendarDays(TODAY, -729),
    granularity: 'month',
    breakdown: 'none',
  },
] as const;

async function run(dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  const cluster = dialect === 'postgres' ? await startPostgresCluster() : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-statistics-bench-'));
  const database = openDatabase(
    cluster
      ? { dialect: 'postgres', url: cluster.url, poolSize: 5 }
      : { dialect: 'sqlite', file: path.join(dir, 'kontakta.sqlite') },
  );
  try {
    await migrateToLatest(database.db);
    const started = performance.now();
    const rows = await fill(database, Number(values.errands), Number(values.units));
    await sql`analyze`.execute(database.db);
    const lines = [
      `${dialect}: ${rows} aggregate rows for ${values.errands} errands at ${values.units} units, written in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    ];
    const actor: StaffActor = {
      kind: 'staff',
      hsaId: 'SE2321000016-ADMIN',
      unitHsaId: null,
      regionCode: REGION,
      roles: ['region-administrator'],
      sessionId: 'bench',
    };
    // Only what showStatistics reads: the database, who asks, and when.
    const ctx = { database, actor, now: Date.parse(`${TODAY}T12:00:00Z`) } as unknown as UseCaseContext;
    for (const shape of SHAPES) {
      const query = { from: shape.from, to: TODAY, granularity: shape.granularity, breakdown: shape.breakdown };
      for (let i = 0; i < 3; i++) await showStatistics(ctx, query);
      const times: number[] = [];
      for (let i = 0; i < Number(values.iterations); i++) {
        const start = performance.now();
        await showStatistics(ctx, query);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      lines.push(
        `| ${dialect} | ${shape.name} | ${percentile(times, 0.5).toFixed(1)} | ${percentile(times, 0.99).toFixed(1)} |`,
      );
    }
    return lines;
  } finally {
    await database.close();
    cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const output: string[] = [];
for (const dialect of values.db.split(',')) {
  if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error(`--db: ${dialect} is not sqlite or postgres`);
  output.push(...(await run(dialect)));
}
process.stdout.write(`${['| db | query | p50 ms | p99 ms |', '|---|---|---|---|', ...output].join('\n')}\n`);
