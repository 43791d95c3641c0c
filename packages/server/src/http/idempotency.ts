import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from '@kontakta/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { beginIdempotentRequest } from '../use-cases/idempotency/begin-idempotent-request.ts';
import type { IdempotentResponse } from '../use-cases/idempotency/record-idempotent-response.ts';
import { releaseIdempotencyKey } from '../use-cases/idempotency/release-idempotency-key.ts';
import type { UseCaseContext } from '../use-cases/services.ts';

/**
 * Does a state-changing request at most once per `Idempotency-Key` (the route's schema
 * declares and checks the header; without it the request runs as it always did). The first
 * request with a key runs `work`, which completes the key in its own transaction, and its result
 * is the answer; a repeat gets the stored answer of the first (with `Idempotent-Replayed: true`)
 * and changes nothing. Called after the route's authorization, so that keys belong to the actor
 * who asks. For routes registered with `handle`, which sends the answer with the route's status:
 * a key is bound to its route (the fingerprint holds it), so the stored status is always that one.
 */
export async function idempotently<R>(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: UseCaseContext,
  statusCode: number,
  work: (idempotency: IdempotentResponse<R> | undefined) => Promise<R>,
): Promise<R> {
  const key = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (typeof key !== 'string') return work(undefined);

  const start = await beginIdempotentRequest(ctx, {
    key,
    method: request.method,
    route: request.routeOptions.url ?? request.url,
    params: request.params,
    body: request.body,
  });
  if (start.kind === 'replay') {
    reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    // What this route answered the first time, as it was stored then.
    return start.response.body as R;
  }
  try {
    return await work({ claim: start.claim, response: (done) => ({ statusCode, body: done ?? undefined }) });
  } catch (error) {
    // Nothing changed (the transaction rolled back): free the key for a retry. Should that fail
    // too, the claim runs out after the request timeout instead.
    await releaseIdempotencyKey(ctx, start.claim).catch(() =>
      request.log.warn('could not release an idempotency key after a failed request'),
    );
    throw error;
  }
}
