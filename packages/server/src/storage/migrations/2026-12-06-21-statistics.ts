import {
  answerHourBucket,
  DEFAULT_OPENING_HOURS,
  isoWeekOf,
  type OpeningInterval,
  parseClockTime,
  stockholmDate,
  workingTimeBetween,
} from '@kontakta/domain';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import type { StatCountTable } from '../statistics-schema.ts';

// Statistics (issue 16 pt 3): counts per (measure, unit, day, dimension, bucket), raised as events
// happen (use-cases/statistics/record-statistics.ts), so a statistics page never scans errands.
//
// The backfill counts what the installation already holds once, so an existing installation has
// history from its first statistics page: errands sent and first answered, citizens' successful
// logins, and finished notifications about errands. It reads in pages by primary key and sums in
// memory (one entry per aggregate row, not per errand). What retention has already deleted is
// not counted. Answer times use the units' opening hours as they are now, without closures (the
// live count also leaves out closures that were scheduled after the answer): working time is a
// pure function of the domain, imported rather than copied because the backfill runs only once.

const PAGE = 2000;

type Counts = Map<string, StatCountTable>;

function add(
  counts: Counts,
  row: Omit<StatCountTable, 'week' | 'month' | 'count' | 'day'> & { at: number },
  by = 1,
): void {
  const day = stockholmDate(new Date(row.at));
  const key = [row.measure, row.unit_hsa_id, day, row.dimension, row.bucket, row.municipality_code].join('\u0000');
  const existing = counts.get(key);
  if (existing) {
    existing.count += by;
    return;
  }
  const { at: _at, ...rest } = row;
  counts.set(key, { ...rest, day, week: isoWeekOf(day), month: day.slice(0, 7), count: by });
}

const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

function openingHours(json: string | undefined): readonly OpeningInterval[] {
  if (!json) return DEFAULT_OPENING_HOURS;
  const days = JSON.parse(json) as Array<{ day: string; opens: string; closes: string }>;
  const intervals = days.flatMap((day) => {
    const weekday = WEEKDAYS[day.day];
    const opens = parseClockTime(day.opens);
    const closes = parseClockTime(day.closes);
    return weekday && opens !== undefined && closes !== undefined ? [{ weekday, opens, closes }] : [];
  });
  return intervals.length > 0 ? intervals : DEFAULT_OPENING_HOURS;
}

/** Counts what is already stored; exported for the test that compares it with the live counts. */
export async function backfillStatistics(db: Kysely<DatabaseSchema>): Promise<void> {
  const counts: Counts = new Map();
  const units = new Map(
    (await db.selectFrom('care_unit').select(['hsa_id', 'region_code', 'municipality_code']).execute()).map((u) => [
      u.hsa_id,
      u,
    ]),
  );
  const hours = new Map(
    (await db.selectFrom('unit_contact_card').select(['unit_hsa_id', 'opening_hours']).execute()).map((card) => [
      card.unit_hsa_id,
      openingHours(card.opening_hours),
    ]),
  );
  const geography = (unitHsaId: string) => ({
    unit_hsa_id: unitHsaId,
    region_code: units.get(unitHsaId)?.region_code ?? '',
    municipality_code: units.get(unitHsaId)?.municipality_code ?? '',
  });

  for (let after = ''; ; ) {
    const errands = await db
      .selectFrom('errand')
      .select(['id', 'unit_hsa_id', 'errand_type', 'created_at', 'first_answered_at'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const errand of errands) {
      const where = geography(errand.unit_hsa_id);
      add(counts, {
        ...where,
        measure: 'errand-sent',
        dimension: errand.errand_type,
        bucket: 0,
        at: errand.created_at,
      });
      if (errand.first_answered_at === null) continue;
      const at = errand.first_answered_at;
      add(counts, { ...where, measure: 'errand-answered', dimension: errand.errand_type, bucket: 0, at });
      const working = workingTimeBetween(errand.created_at, at, hours.get(errand.unit_hsa_id) ?? DEFAULT_OPENING_HOURS);
      add(counts, {
        ...where,
        measure: 'answer-time',
        dimension: errand.errand_type,
        bucket: answerHourBucket(working),
        at,
      });
    }
    if (errands.length < PAGE) break;
    after = errands[errands.length - 1]?.id ?? after;
  }

  for (let after = ''; ; ) {
    const logins = await db
      .selectFrom('login_event')
      .select(['id', 'occurred_at', 'method', 'municipality_code'])
      .where('id', '>', after)
      .where('audience', '=', 'citizen')
      .where('result', '=', 'success')
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const login of logins) {
      const municipality = login.municipality_code ?? '';
      add(counts, {
        measure: 'login',
        unit_hsa_id: '',
        region_code: municipality.slice(0, 2),
        municipality_code: municipality,
        dimension: login.method,
        bucket: 0,
        at: login.occurred_at,
      });
    }
    if (logins.length < PAGE) break;
    after = logins[logins.length - 1]?.id ?? after;
  }

  for (let after = ''; ; ) {
    const notifications = await db
      .selectFrom('outbox')
      .innerJoin('errand', 'errand.id', 'outbox.errand_id')
      .select([
        'outbox.id',
        'outbox.channel',
        'outbox.status',
        'outbox.created_at',
        'outbox.delivered_at',
        'outbox.last_attempt_at',
        'errand.unit_hsa_id',
      ])
      .where('outbox.id', '>', after)
      .where('outbox.status', 'in', ['sent', 'dead', 'bounced', 'expired'])
      .orderBy('outbox.id')
      .limit(PAGE)
      .execute();
    for (const notification of notifications) {
      add(counts, {
        ...geography(notification.unit_hsa_id),
        measure: 'notification',
        dimension: `${notification.channel}:${notification.status}`,
        bucket: 0,
        at: notification.delivered_at ?? notification.last_attempt_at ?? notification.created_at,
      });
    }
    if (notifications.length < PAGE) break;
    after = notifications[notifications.length - 1]?.id ?? after;
  }

  const rows = [...counts.values()];
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('stat_count')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<DatabaseSchema>;
  await untyped.schema
    .createTable('stat_count')
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    // The primary key serves a unit's statistics: one measure, one unit, a range of days. The
    // municipality is part of it for counts of no unit (logins), which are told apart by place.
    .addPrimaryKeyConstraint('stat_count_pk', [
      'measure',
      'unit_hsa_id',
      'day',
      'dimension',
      'bucket',
      'municipality_code',
    ])
    .execute();
  // A region's statistics, and the whole installation's: one measure, a range of days.
  await untyped.schema
    .createIndex('stat_count_region_idx')
    .on('stat_count')
    .columns(['measure', 'region_code', 'day'])
    .execute();
  await untyped.schema.createIndex('stat_count_day_idx').on('stat_count').columns(['measure', 'day']).execute();
  await backfillStatistics(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stat_count').execute();
}
