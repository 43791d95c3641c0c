import { releaseIdempotencyKey as deleteClaim } from '../../storage/repositories/idempotency-key.repository.ts';
import type { UseCaseContext } from '../services.ts';
import type { IdempotencyClaim } from './begin-idempotent-request.ts';

/**
 * After a request with an `Idempotency-Key` failed (its transaction rolled back, nothing
 * changed): forget the key, so that a retry does the work instead of getting 409 until the
 * claim's lease runs out. Failures are not stored as responses to repeat.
 */
export async function releaseIdempotencyKey(ctx: UseCaseContext, claim: IdempotencyClaim): Promise<void> {
  await deleteClaim(ctx.database.db, claim);
}
