import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { up as createStatCount } from './2026-12-06-21-statistics.ts';

// Statistics at national scale (issue 16 pt 5). Migration -21 kept one count per (measure, unit,
// day, type); a region's year per month summed some 600 000 of them per measure (8 s at a
// million errands). This table keeps the same counts at coarser grains too, raised in the same
// single upsert as the day's count (statistics.repository.ts), so that the rows a statistics
// query reads are about the cells it returns:
//   level  unit | municipality | region      (place: the unit's HSA id, the municipality or region code)
//   grain  day | week | month                (period: 2026-12-06, 2026-W49, 2026-12)
//   dimension  the errand type (or login method, channel:outcome), and for the errand measures
//              also '' = all types, so a breakdown by unit or place does not sum the types.
// A query picks the coarsest level and grain that answer it and covers a period that does not
// start or end on a month's edge with weeks and days (see sumStats). That is the simplest design
// that meets the target: an event raises 18 rows instead of one (3 levels × 3 grains × its type and
// all types; 9 for a notification, 6 for a login), still in one statement, and a page reads hundreds of rows, not 600 000.
//
// stat_count is copied in (every grain, level and the all-types rows summed from it) so an
// installation keeps its history, and then dropped: its counts are the rollup's unit-level day
// rows (and municipality-level ones for logins, which have no unit).

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const LEVELS = ['unit', 'municipality', 'region'] as const;
const GRAINS = ['day', 'week', 'month'] as const;
/** Measures whose dimension is the errand type: they also have all-types ('') rows. */
const TYPED_MEASURES = ['errand-sent', 'errand-answered', 'answer-time'];

/** Sums migration -21's stat_count into every row of stat_rollup; exported for the test of both backfills. */
export async function backfillRollups(db: Kysely<unknown>): Promise<void> {
  for (const level of LEVELS) {
    const place =
      level === 'unit'
        ? sql.ref('unit_hsa_id')
        : level === 'municipality'
          ? sql.ref('municipality_code')
          : sql.ref('region_code');
    const municipality = level === 'region' ? sql`''` : sql`max(municipality_code)`;
    for (const grain of GRAINS) {
      for (const allTypes of [false, true]) {
        const dimension = allTypes ? sql`''` : sql.ref('dimension');
        await sql`
          insert into stat_rollup
            (measure, level, place, grain, period, dimension, bucket, region_code, municipality_code, count)
          select measure, ${sql.lit(level)}, ${place}, ${sql.lit(grain)}, ${sql.ref(grain)}, ${dimension}, bucket,
                 max(region_code), ${municipality}, sum(count)
          from stat_count
          where ${level === 'unit' ? sql`unit_hsa_id <> ''` : sql`true`}
            ${allTypes ? sql`and measure in (${sql.join(TYPED_MEASURES.map((m) => sql.lit(m)))})` : sql``}
          group by measure, ${place}, ${sql.ref(grain)}, ${allTypes ? sql`` : sql`dimension,`} bucket`.execute(db);
      }
    }
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stat_rollup')
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    // One place's figures (a unit, or a region as a whole): a range of periods, every type of
    // them (a place has few rows per period, so by type or all-types ('') both read little).
    .addPrimaryKeyConstraint('stat_rollup_pk', ['measure', 'level', 'place', 'grain', 'period', 'dimension', 'bucket'])
    // On SQLite the primary key is then the table itself, so reading it needs no second lookup.
    .$call((table) => (isPostgres(db) ? table : table.modifyEnd(sql`without rowid`)))
    .execute();
  // A region's units or municipalities side by side (a breakdown): covering, so a query reads
  // the index only; the type before the period, so the all-types rows of hundreds of units are
  // one range without the typed rows between them.
  await db.schema
    .createIndex('stat_rollup_region_idx')
    .on('stat_rollup')
    .columns(['measure', 'level', 'region_code', 'grain', 'dimension', 'period', 'place', 'bucket', 'count'])
    .execute();
  await backfillRollups(db);
  await db.schema.dropTable('stat_count').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stat_rollup').execute();
  // Migration -21 as it was: the day counts recounted from the raw rows.
  await createStatCount(db);
}
