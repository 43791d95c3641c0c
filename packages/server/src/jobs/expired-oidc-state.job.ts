import { deleteExpiredOidcPayloads } from '../storage/repositories/oidc-payload.repository.ts';
import type { ScheduledJob } from './scheduler/job.types.ts';

/**
 * Deletes the OpenID provider's expired state (hand-over requests, codes, tokens, all minutes
 * long): the provider never reads it again. One statement: idempotent, all or nothing.
 */
export function expiredOidcStateJob(): ScheduledJob {
  return {
    name: 'expired-oidc-state',
    schedule: '7,37 * * * *',
    async run({ database, now, checkpoint }) {
      await checkpoint('start');
      const deleted = await deleteExpiredOidcPayloads(database.db, now.getTime());
      await checkpoint('deleted');
      return { counts: { deleted } };
    },
  };
}
