import {
  deleteLoginEventsBefore,
  deleteSecurityEventsBefore,
} from '../storage/repositories/housekeeping.repository.ts';
import { deleteInBatches, HOUSEKEEPING_BATCH } from './batch-housekeeping.ts';
import type { ScheduledJob } from './scheduler/job.types.ts';

/**
 * Every night: login events older than KONTAKTA_LOGIN_EVENTS_KEEP_DAYS and security events older
 * than KONTAKTA_SECURITY_EVENTS_KEEP_DAYS. Login events are what login statistics will be
 * counted from (the statistics issue aggregates them before they go); security events are read
 * only for the last few minutes (record-refused-errand.ts), the rest is for investigations.
 */
export function eventHousekeepingJob(options: {
  loginEventsKeepMs: number;
  securityEventsKeepMs: number;
  batchSize?: number;
}): ScheduledJob {
  const batchSize = options.batchSize ?? HOUSEKEEPING_BATCH;
  return {
    name: 'event-housekeeping',
    schedule: '50 3 * * *',
    async run(context) {
      const { db } = context.database;
      const now = context.now.getTime();
      const loginEvents = await deleteInBatches(context, 'login_event', batchSize, (limit) =>
        deleteLoginEventsBefore(db, now - options.loginEventsKeepMs, limit),
      );
      const securityEvents = await deleteInBatches(context, 'security_event', batchSize, (limit) =>
        deleteSecurityEventsBefore(db, now - options.securityEventsKeepMs, limit),
      );
      return { counts: { loginEvents, securityEvents } };
    },
  };
}
