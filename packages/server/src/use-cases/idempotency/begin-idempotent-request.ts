import { randomUUID } from 'node:crypto';
import type { Actor } from '@kontakta/domain';
import { keyedHash } from '../../encryption/keyed-hash.ts';
import {
  claimIdempotencyKey,
  deleteExpiredIdempotencyKeys,
  findIdempotencyKey,
  type IdempotencyKeyHolder,
} from '../../storage/repositories/idempotency-key.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { canonicalJson } from './canonical-json.ts';

/** How long a key is remembered: a repeat after this is a new request. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60_000;
/**
 * Expired keys deleted before each new one is claimed: bounded work per request (one short index
 * range on `created_at`), and far more than one, so the table shrinks as fast as keys come.
 */
export const EXPIRED_DELETED_PER_CLAIM = 100;
const FINGERPRINT_PURPOSE = 'idempotency-fingerprint';

/** The request a key is given with; the same key must always come with the same request. */
export type IdempotentRequest = Readonly<{
  key: string;
  method: string;
  /** The route's pattern, e.g. `/api/staff/errands/:id/answer`; `params` fill it in. */
  route: string;
  params: unknown;
  body: unknown;
}>;

export type IdempotencyClaim = IdempotencyKeyHolder;

/** The response as the route gave it: the status and the JSON body, or undefined for none. */
export type StoredResponse = Readonly<{ statusCode: number; body: unknown }>;

export type IdempotentStart =
  | { kind: 'claimed'; claim: IdempotencyClaim }
  | { kind: 'replay'; response: StoredResponse };

/**
 * Before the work of a request with an `Idempotency-Key`: claims the key for it (the request
 * then does its work and completes the key in the same transaction), or gives the response of
 * the first request with that key to repeat. The key is scoped to the actor, so nobody else's
 * key can match (or be told apart from an unused one). 422 when the key came with another
 * request; 409 while the first request is still running.
 */
export async function beginIdempotentRequest(
  ctx: UseCaseContext,
  request: IdempotentRequest,
): Promise<IdempotentStart> {
  const { db } = ctx.database;
  const actor = idempotencyScope(ctx.actor);
  const expiredBefore = ctx.now - IDEMPOTENCY_KEY_LIFETIME_MS;
  await deleteExpiredIdempotencyKeys(db, expiredBefore, EXPIRED_DELETED_PER_CLAIM);

  const described = canonicalJson({
    method: request.method,
    route: request.route,
    params: request.params,
    body: request.body,
  });
  const keyId = ctx.keys.currentId;
  const fingerprint = keyedHash(ctx.keys, keyId, FINGERPRINT_PURPOSE, described);
  if (!fingerprint) throw new AppError('internal-error', 'current master key missing');
  const claim: IdempotencyClaim = { actor, key: request.key, claim: randomUUID() };
  const claimed = await claimIdempotencyKey(
    db,
    { ...claim, fingerprint, fingerprint_key_id: keyId, created_at: ctx.now },
    // A request still unfinished after the request timeout has died (or its client has given
    // up); a retry may take over, and the old one can then no longer complete the key.
    { expiredBefore, abandonedBefore: ctx.now - ctx.config.requestTimeoutMs },
  );
  if (claimed) return { kind: 'claimed', claim };

  const first = await findIdempotencyKey(db, actor, request.key);
  // Released between the two statements (its request failed and changed nothing): try again.
  if (!first) throw new AppError('conflict', 'idempotency-key-in-use');
  const fingerprintThen =
    first.fingerprint_key_id === keyId
      ? fingerprint
      : keyedHash(ctx.keys, first.fingerprint_key_id, FINGERPRINT_PURPOSE, described);
  if (fingerprintThen !== first.fingerprint) throw new AppError('idempotency-key-reused');
  if (first.status_code === null) throw new AppError('conflict', 'idempotency-key-in-use');
  return {
    kind: 'replay',
    response: {
      statusCode: first.status_code,
      body: first.response_body === null ? undefined : JSON.parse(first.response_body),
    },
  };
}

/** Whose keys these are: a guardian acting for a child has keys apart from their own. */
function idempotencyScope(actor: Actor): string {
  if (actor.kind === 'staff') return `staff:${actor.hsaId}`;
  return actor.actingForCitizenId
    ? `citizen:${actor.citizenId}:for:${actor.actingForCitizenId}`
    : `citizen:${actor.citizenId}`;
}
