import { CODE_MESSAGE_LIMITS, GLOBAL_SMS_WINDOW_MS } from '../identity/code-message.policy.ts';
import { THROTTLE_MEMORY_MS } from '../identity/login-throttle.policy.ts';
import {
  deleteContactVerificationsExpiredBy,
  deleteForgottenLoginThrottleBatch,
  deleteIdempotencyKeysExpiredBefore,
  deleteLoginCodesExpiredBy,
  deleteLoginFlowsExpiredBy,
  deletePassedMessageLimitBatch,
  deleteStaffContactVerificationsExpiredBy,
} from '../storage/repositories/housekeeping.repository.ts';
import { IDEMPOTENCY_KEY_LIFETIME_MS } from '../use-cases/idempotency/begin-idempotent-request.ts';
import { DAY_MS, deleteInBatches, HOUSEKEEPING_BATCH } from './batch-housekeeping.ts';
import type { ScheduledJob } from './scheduler/job.types.ts';

/** The longest window a message counter counts in: a counter older than that refuses nothing. */
const LONGEST_MESSAGE_WINDOW_MS = Math.max(
  GLOBAL_SMS_WINDOW_MS,
  ...Object.values(CODE_MESSAGE_LIMITS).map((limit) => limit.windowMs),
);

/**
 * An expired address confirmation still answers "the code has expired" (rather than "no code is
 * waiting") when the citizen types the code late; after a day that difference no longer helps.
 */
export const CONTACT_VERIFICATION_GRACE_MS = DAY_MS;

/**
 * Every hour: the short-lived rows of logging in and confirming addresses that can no longer
 * change any answer. Each table's window is the one the code reading it applies:
 *
 * - `login_flow`, `login_code`: at their `expires_at` (both are refused from then on; a used
 *   code is deleted when used);
 * - `contact_verification` and `staff_contact_verification` (a caregiver's assignment address): a
 *   day after its `expires_at` (see CONTACT_VERIFICATION_GRACE_MS);
 * - `login_throttle`: no failure for THROTTLE_MEMORY_MS (a day) and no lock left: the next
 *   failure starts the count at one either way;
 * - `message_limit`: a window begun before the longest window (15 minutes);
 * - `idempotency_key`: created more than IDEMPOTENCY_KEY_LIFETIME_MS (24 hours) ago, when a
 *   repeat is a new request anyway.
 *
 * The request paths already delete a few of these as they go; this catches the rest (a quiet
 * installation, an abandoned login) so the tables hold only what is in use.
 */
export function loginHousekeepingJob(options: { batchSize?: number } = {}): ScheduledJob {
  const batchSize = options.batchSize ?? HOUSEKEEPING_BATCH;
  return {
    name: 'login-housekeeping',
    schedule: '20 * * * *',
    async run(context) {
      const { db } = context.database;
      const now = context.now.getTime();
      const inBatches = (step: string, deleteBatch: (limit: number) => Promise<number>) =>
        deleteInBatches(context, step, batchSize, deleteBatch);
      const loginFlows = await inBatches('login_flow', (limit) => deleteLoginFlowsExpiredBy(db, now, limit));
      const loginCodes = await inBatches('login_code', (limit) => deleteLoginCodesExpiredBy(db, now, limit));
      const contactVerifications = await inBatches('contact_verification', (limit) =>
        deleteContactVerificationsExpiredBy(db, now - CONTACT_VERIFICATION_GRACE_MS, limit),
      );
      const staffContactVerifications = await inBatches('staff_contact_verification', (limit) =>
        deleteStaffContactVerificationsExpiredBy(db, now - CONTACT_VERIFICATION_GRACE_MS, limit),
      );
      const loginThrottles = await inBatches('login_throttle', (limit) =>
        deleteForgottenLoginThrottleBatch(db, now - THROTTLE_MEMORY_MS, now, limit),
      );
      const messageLimits = await inBatches('message_limit', (limit) =>
        deletePassedMessageLimitBatch(db, now - LONGEST_MESSAGE_WINDOW_MS, limit),
      );
      const idempotencyKeys = await inBatches('idempotency_key', (limit) =>
        deleteIdempotencyKeysExpiredBefore(db, now - IDEMPOTENCY_KEY_LIFETIME_MS, limit),
      );
      return {
        counts: {
          loginFlows,
          loginCodes,
          contactVerifications,
          staffContactVerifications,
          loginThrottles,
          messageLimits,
          idempotencyKeys,
        },
      };
    },
  };
}
