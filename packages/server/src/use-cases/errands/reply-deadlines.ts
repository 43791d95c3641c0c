import {
  type ClosedOn,
  closedOnClosures,
  DEFAULT_OPENING_HOURS,
  type OpeningInterval,
  parseClockTime,
  type ReplyTarget,
  replyDeadline,
} from '@kontakta/domain';
import type { ReferenceReads } from '../reference-reads.ts';

const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

/** The contact card's opening hours as the domain counts working time; none saved: weekdays 08–17. */
export function openingIntervals(json: string | undefined): readonly OpeningInterval[] {
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

/** When an errand waiting for the unit is due, or null (not waiting, or no reply time for its type). */
export type DeadlineOf = (errand: {
  unit_hsa_id: string;
  errand_type: string;
  waiting_since: number | null;
}) => number | null;

/**
 * Reply deadlines for errands at these units (issue 18): the unit's reply time for the type,
 * counted in its opening hours without Swedish holidays or its scheduled closures, from when the
 * errand began to wait (a citizen's reply starts it again). Read once per list, through the
 * process's reference cache where `reads` is the cached one (a list's three statements per unit
 * were half a unit inbox's, issue 20).
 */
export async function deadlinesAt(
  reads: Pick<ReferenceReads, 'unitContactCard' | 'unitReplyTimes' | 'unitClosureSpans'>,
  unitHsaIds: readonly string[],
): Promise<DeadlineOf> {
  const units = new Map<
    string,
    { hours: readonly OpeningInterval[]; targets: Map<string, ReplyTarget>; closedOn: ClosedOn }
  >();
  for (const unitHsaId of new Set(unitHsaIds)) {
    const [card, times, closures] = await Promise.all([
      reads.unitContactCard(unitHsaId),
      reads.unitReplyTimes(unitHsaId),
      reads.unitClosureSpans(unitHsaId),
    ]);
    units.set(unitHsaId, {
      hours: openingIntervals(card?.opening_hours),
      targets: new Map(times.map((time) => [time.errand_type, { amount: time.amount, unit: time.unit }])),
      // The unit's scheduled closures are no working days either (issue 18).
      closedOn: closedOnClosures(closures.map((c) => ({ startsOn: c.starts_on, endsOn: c.ends_on }))),
    });
  }
  return (errand) => {
    if (errand.waiting_since === null) return null;
    const unit = units.get(errand.unit_hsa_id);
    const target = unit?.targets.get(errand.errand_type);
    if (!unit || !target) return null;
    return replyDeadline(errand.waiting_since, target, unit.hours, unit.closedOn);
  };
}
