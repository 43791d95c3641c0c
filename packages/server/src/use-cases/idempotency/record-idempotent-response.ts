import type { Kysely } from 'kysely';
import { completeIdempotencyKey } from '../../storage/repositories/idempotency-key.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import type { IdempotencyClaim, StoredResponse } from './begin-idempotent-request.ts';

/**
 * What a use case is given when its request came with an `Idempotency-Key`: the claim, and how
 * its result becomes the response to repeat. Only for routes whose response holds ids and
 * statuses, never errand content (it is stored in clear).
 */
export type IdempotentResponse<R> = Readonly<{
  claim: IdempotencyClaim;
  response: (result: R) => StoredResponse;
}>;

/**
 * Completes the key inside the use case's own transaction: the change and the response to
 * repeat are committed together or not at all, so no crash in between can let a retry do the
 * work again.
 */
export async function recordIdempotentResponse<R>(
  trx: Kysely<DatabaseSchema>,
  idempotency: IdempotentResponse<R> | undefined,
  result: R,
): Promise<void> {
  if (!idempotency) return;
  const { statusCode, body } = idempotency.response(result);
  const stored = await completeIdempotencyKey(trx, idempotency.claim, {
    status_code: statusCode,
    response_body: body === undefined ? null : JSON.stringify(body),
  });
  // This request outlived its claim and a retry took the key over: undo this change, so that
  // the retry's is the only one.
  if (!stored) throw new AppError('conflict', 'idempotency-key-in-use');
}
