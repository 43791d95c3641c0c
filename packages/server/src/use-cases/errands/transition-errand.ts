import type { ErrandCommand, StaffRole } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import type { ErrandRow } from '../../storage/repositories/errand.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import type { AccessAction } from '../access-log/record-access.ts';
import { type IdempotentResponse, recordIdempotentResponse } from '../idempotency/record-idempotent-response.ts';
import type { UseCaseContext } from '../services.ts';
import {
  actorRef,
  applyDecision,
  countErrandEvents,
  decideOrConflict,
  findVisibleErrand,
  logStaffAccess,
} from './errand-record.ts';

export type TransitionOptions = {
  /** The staff role the command is done in (e.g. assign as receiver, answer as caregiver). */
  role?: StaffRole;
  /** What the access log records for staff. */
  accessAction?: AccessAction;
  /** Further writes in the same transaction, after the errand has changed. */
  alsoWrite?: (trx: Kysely<DatabaseSchema>, row: ErrandRow) => Promise<void>;
  /** Further columns the command sets, from the errand as it was. */
  extra?: (row: ErrandRow) => Parameters<typeof applyDecision>[4];
  /** The request's `Idempotency-Key`, completed in the same transaction as the change. */
  idempotency?: IdempotentResponse<void> | undefined;
};

/**
 * The common shape of every errand command: find what the actor may see (404 otherwise), let the
 * state machine decide (409 with its reason), write events, state, access log and any further
 * rows in one transaction.
 */
export async function transitionErrand(
  ctx: UseCaseContext,
  errandId: string,
  command: ErrandCommand | ((row: ErrandRow, trx: Kysely<DatabaseSchema>) => Promise<ErrandCommand>),
  options: TransitionOptions = {},
): Promise<void> {
  // Commands arriving together share one COMMIT on SQLite, each in a savepoint of its own.
  const written = await ctx.database.sharedCommit(async (trx) => {
    const { row, access } = await findVisibleErrand(ctx, trx, errandId);
    // A command may depend on the errand (the answer form is the errand's own version).
    const resolved = typeof command === 'function' ? await command(row, trx) : command;
    const decision = decideOrConflict(row, resolved, actorRef(ctx.actor, options.role), ctx.now);
    await applyDecision(ctx, trx, row, decision, options.extra?.(row));
    if (access.as !== 'citizen' && options.accessAction) {
      await logStaffAccess(
        ctx,
        trx,
        row,
        { hsaId: access.hsaId, role: options.role ?? access.as },
        options.accessAction,
      );
    }
    await options.alsoWrite?.(trx, row);
    await recordIdempotentResponse(trx, options.idempotency, undefined);
    return { errandType: row.errand_type, events: decision.events };
  });
  countErrandEvents(ctx, written.errandType, written.events);
}
