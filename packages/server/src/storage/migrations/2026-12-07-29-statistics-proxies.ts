import { randomUUID } from 'node:crypto';
import {
  answerDayBucket,
  DEFAULT_OPENING_HOURS,
  isoWeekOf,
  type OpeningInterval,
  parseClockTime,
  stockholmDate,
  workingDaysBetween,
} from '@kontakta/domain';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

// Proxies active (issue 16 pt 3). A proxy's start and end are counted as they happen, at the
// child's municipality (measure `proxy`, dimension `started`/`ended`); the number active at the
// end of a period is the starts minus the ends up to then. The end must be counted where the start
// was, even if the child has moved since: `proxy.municipality_code` keeps the place of the start.
//
// The backfill counts the proxies the installation already holds, once: their starts and ends by
// day, week and month. Where they lived when they started is not known any more (only the
// population register knows where they live now), so they are counted at an unknown place ('')
// rather than guessed; an end later is counted at the same unknown place, so no place goes negative.
//
// Answer times in working days (measure `answer-days`) start with this version too: the errands
// already answered get theirs here, as pending counts (stat_pending, one per errand, folded into
// the rollup by the statistics-fold job like any new answer), with the units' opening hours as
// they are now and without closures, as migration -21 counted the working hours.

const PAGE = 2000;

const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

function openingHours(json: string | null | undefined): readonly OpeningInterval[] {
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

/** The working days to first answer of the errands already answered, as pending counts; exported for the test. */
export async function backfillAnswerDays(db: Kysely<DatabaseSchema>): Promise<void> {
  const hours = new Map(
    (await db.selectFrom('unit_contact_card').select(['unit_hsa_id', 'opening_hours']).execute()).map((card) => [
      card.unit_hsa_id,
      openingHours(card.opening_hours),
    ]),
  );
  for (let after = ''; ; ) {
    const errands = await db
      .selectFrom('errand')
      .select(['id', 'unit_hsa_id', 'errand_type', 'created_at', 'first_answered_at'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    const rows = errands.flatMap((errand) =>
      errand.first_answered_at === null
        ? []
        : [
            {
              id: randomUUID(),
              measure: 'answer-days' as const,
              unit_hsa_id: errand.unit_hsa_id,
              day: stockholmDate(new Date(errand.first_answered_at)),
              dimension: errand.errand_type,
              bucket: answerDayBucket(
                workingDaysBetween(
                  errand.created_at,
                  errand.first_answered_at,
                  hours.get(errand.unit_hsa_id) ?? DEFAULT_OPENING_HOURS,
                ),
              ),
            },
          ],
    );
    for (let start = 0; start < rows.length; start += 500) {
      await db
        .insertInto('stat_pending')
        .values(rows.slice(start, start + 500))
        .execute();
    }
    if (errands.length < PAGE) break;
    after = errands[errands.length - 1]?.id ?? after;
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('proxy')
    .addColumn('municipality_code', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  const counts = new Map<string, number>();
  const add = (at: number, dimension: string) => {
    const day = stockholmDate(new Date(at));
    for (const [grain, period] of [
      ['day', day],
      ['week', isoWeekOf(day)],
      ['month', day.slice(0, 7)],
    ] as const) {
      const key = `${grain}\u0000${period}\u0000${dimension}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  for (let after = ''; ; ) {
    const { rows } = await sql<{ id: string; created_at: number | string; ended_at: number | string | null }>`
      select id, created_at, ended_at from proxy where id > ${after} order by id limit ${PAGE}`.execute(db);
    for (const row of rows) {
      add(Number(row.created_at), 'started');
      if (row.ended_at !== null) add(Number(row.ended_at), 'ended');
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]?.id ?? after;
  }
  const values = [...counts].flatMap(([key, count]) => {
    const [grain, period, dimension] = key.split('\u0000') as [string, string, string];
    return ['municipality', 'region'].map(
      (level) => sql`(${'proxy'}, ${level}, ${''}, ${grain}, ${period}, ${dimension}, ${0}, ${''}, ${''}, ${count})`,
    );
  });
  for (let start = 0; start < values.length; start += 500) {
    await sql`insert into stat_rollup
        (measure, level, place, grain, period, dimension, bucket, region_code, municipality_code, count)
      values ${sql.join(values.slice(start, start + 500))}`.execute(db);
  }
  await backfillAnswerDays(db as Kysely<DatabaseSchema>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from stat_rollup where measure in ('proxy', 'answer-days')`.execute(db);
  await sql`delete from stat_pending where measure = 'answer-days'`.execute(db);
  await db.schema.alterTable('proxy').dropColumn('municipality_code').execute();
}
