import {
  answerDayBucket,
  answerHourBucket,
  closedOnClosures,
  stockholmDate,
  workingDaysBetween,
  workingTimeBetween,
} from '@kontakta/domain';
import type { Kysely } from 'kysely';
import type { NewLoginEvent } from '../../storage/repositories/login-event.repository.ts';
import { incrementPlaceStat, incrementUnitStat } from '../../storage/repositories/statistics.repository.ts';
import { listUnitClosureSpans } from '../../storage/repositories/unit-closure.repository.ts';
import { findUnitContactCard } from '../../storage/repositories/unit-contact-card.repository.ts';
import type { DatabaseSchema, OutboxStatus } from '../../storage/schema.ts';
import { openingIntervals } from '../errands/reply-deadlines.ts';

// The statistics' counts (issue 16 pt 3), each raised in the transaction of the event it counts,
// so a count exists exactly when its event committed. One call per event, from the use case (or
// worker) where the event happens; a test recounts them from the raw rows.

const dayOf = (at: number) => stockholmDate(new Date(at));

/** An errand arrived at a unit (send-errand). */
export async function recordErrandSent(
  trx: Kysely<DatabaseSchema>,
  errand: { unitHsaId: string; errandType: string; at: number },
): Promise<void> {
  await incrementUnitStat(
    trx,
    { unitHsaId: errand.unitHsaId },
    {
      measure: 'errand-sent',
      day: dayOf(errand.at),
      dimension: errand.errandType,
    },
  );
}

/**
 * A unit answered an errand for the first time: counted as answered, and its time to that answer
 * in the unit's working hours (its opening hours, without holidays and its closures, as reply
 * deadlines count them) into the answer-time histogram, and in its working days (domain
 * workingDaysBetween: the working days after the day of arrival up to the day of the answer) into
 * the answer-days histogram. Later answers are not counted again.
 */
export async function recordFirstAnswer(
  trx: Kysely<DatabaseSchema>,
  errand: { unit_hsa_id: string; errand_type: string; created_at: number; first_answered_at: number | null },
  now: number,
): Promise<void> {
  if (errand.first_answered_at !== null) return;
  const [card, closures] = await Promise.all([
    findUnitContactCard(trx, errand.unit_hsa_id),
    listUnitClosureSpans(trx, errand.unit_hsa_id),
  ]);
  const hours = openingIntervals(card?.opening_hours);
  const closed = closedOnClosures(closures.map((c) => ({ startsOn: c.starts_on, endsOn: c.ends_on })));
  const working = workingTimeBetween(errand.created_at, now, hours, closed);
  const day = dayOf(now);
  await incrementUnitStat(
    trx,
    { unitHsaId: errand.unit_hsa_id },
    { measure: 'errand-answered', day, dimension: errand.errand_type },
  );
  await incrementUnitStat(
    trx,
    { unitHsaId: errand.unit_hsa_id },
    {
      measure: 'answer-time',
      day,
      dimension: errand.errand_type,
      bucket: answerHourBucket(working),
    },
  );
  await incrementUnitStat(
    trx,
    { unitHsaId: errand.unit_hsa_id },
    {
      measure: 'answer-days',
      day,
      dimension: errand.errand_type,
      bucket: answerDayBucket(workingDaysBetween(errand.created_at, now, hours, closed)),
    },
  );
}

/**
 * Whether a login event counts as a login in the statistics: a citizen's successful one, or a
 * member of staff's that started work at a unit (its row names the unit).
 */
export function countsAsLogin(event: NewLoginEvent): boolean {
  if (event.result !== 'success') return false;
  return event.audience === 'citizen' || (event.audience === 'staff' && Boolean(event.unit_hsa_id));
}

/**
 * A login, counted by method: a citizen's in the citizen's municipality (population register)
 * and its region (a Swedish municipality code begins with its county's, the region's, code); a
 * member of staff's at the unit where work starts (recordStaffLogin).
 */
export async function recordLogin(trx: Kysely<DatabaseSchema>, event: NewLoginEvent): Promise<void> {
  if (!countsAsLogin(event)) return;
  if (event.audience === 'staff') {
    await recordStaffLogin(trx, {
      unitHsaId: event.unit_hsa_id as string,
      method: event.method,
      at: event.occurred_at,
    });
    return;
  }
  const municipality = event.municipality_code ?? '';
  await incrementPlaceStat(
    trx,
    { regionCode: municipality.slice(0, 2), municipalityCode: municipality },
    { measure: 'login', day: dayOf(event.occurred_at), dimension: event.method },
  );
}

/**
 * A member of staff logged in and started work at a unit (straight after the login, or at the
 * login's first choice of unit, when the unit is recorded on the login's event row: a later
 * switch is no new login): counted by method at that unit, on the login's day, so its
 * administrator sees it. A login that only ever works in a region's administration or over the
 * installation is not counted: it works at no unit. A recount from the event rows gives the same.
 */
export async function recordStaffLogin(
  db: Kysely<DatabaseSchema>,
  login: { unitHsaId: string; method: string; at: number },
): Promise<void> {
  await incrementUnitStat(
    db,
    { unitHsaId: login.unitHsaId },
    { measure: 'staff-login', day: dayOf(login.at), dimension: login.method },
  );
}

/**
 * A proxy started or ended, counted at the child's municipality (population register, when the
 * proxy started; kept on the proxy row so its end is counted at the same place) and its region.
 * The number active at the end of a period is the starts minus the ends up to then (show-statistics).
 */
export async function recordProxyChange(
  trx: Kysely<DatabaseSchema>,
  change: { municipalityCode: string; change: 'started' | 'ended'; at: number },
): Promise<void> {
  await incrementPlaceStat(
    trx,
    { regionCode: change.municipalityCode.slice(0, 2), municipalityCode: change.municipalityCode },
    { measure: 'proxy', day: dayOf(change.at), dimension: change.change },
  );
}

/** A notification about an errand was finished (delivered, bounced, dead or expired), at the errand's unit. */
export async function recordNotificationOutcome(
  trx: Kysely<DatabaseSchema>,
  notification: {
    errandId: string | null;
    channel: string;
    status: Extract<OutboxStatus, 'sent' | 'dead' | 'bounced' | 'expired'>;
  },
  now: number,
): Promise<void> {
  if (notification.errandId === null) return;
  await incrementUnitStat(
    trx,
    { errandId: notification.errandId },
    {
      measure: 'notification',
      day: dayOf(now),
      dimension: `${notification.channel}:${notification.status}`,
    },
  );
}
