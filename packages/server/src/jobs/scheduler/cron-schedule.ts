import { Cron } from 'croner';

/** Every schedule is read in Swedish time: "02:30" means 02:30 in Stockholm, summer and winter. */
export const SCHEDULE_TIME_ZONE = 'Europe/Stockholm';

/** A parsed schedule; throws on a pattern croner does not accept. */
export function cronSchedule(pattern: string): Cron {
  // Paused and without a function: only computes times, never sets a timer.
  return new Cron(pattern, { timezone: SCHEDULE_TIME_ZONE, paused: true });
}

/** The first run strictly after `from`. */
export function nextRunAfter(schedule: Cron, from: Date): Date {
  const next = schedule.nextRun(from);
  if (!next) throw new Error(`the schedule "${schedule.getPattern()}" has no run after ${from.toISOString()}`);
  return next;
}
