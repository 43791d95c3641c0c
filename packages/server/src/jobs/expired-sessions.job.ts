import { deleteExpiredSessions } from '../storage/repositories/session.repository.ts';
import type { ScheduledJob } from './scheduler/job.types.ts';

/**
 * Deletes sessions past their absolute end or idle longer than `idleMs`. Such a session is
 * already refused at its next request; this keeps the table (and what a leak of it would show)
 * to the sessions in use. One statement: idempotent, and a run cut short deleted all or nothing.
 */
export function expiredSessionsJob(options: { idleMs: number }): ScheduledJob {
  return {
    name: 'expired-sessions',
    schedule: '*/15 * * * *',
    async run({ database, now, checkpoint }) {
      await checkpoint('start');
      const deleted = await deleteExpiredSessions(database.db, now.getTime(), options.idleMs);
      await checkpoint('deleted');
      return { counts: { deleted } };
    },
  };
}
