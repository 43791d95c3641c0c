import { Type } from 'typebox';

// `Idempotency-Key` on the routes where sending the same request twice must not do the work
// twice (send an errand, answer, reply). The client makes one key per submission and sends it
// again with every retry of that submission; the server answers a repeat with the first result.

/** The request header (lower case, as Node hands headers over). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set to `true` on a response that repeats the stored result of an earlier request. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/** 1–255 printable ASCII characters; a UUID is what the web app sends. */
const KEY_FORMAT = { minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' } as const;

export const IdempotencyKeyHeaders = Type.Object({
  [IDEMPOTENCY_KEY_HEADER]: Type.Optional(
    Type.String({
      ...KEY_FORMAT,
      description:
        'Optional. The same key again within 24 hours gets the first result (with `Idempotent-Replayed: true`) and changes nothing; with another body it is 422 `idempotency-key-reused`; while the first is still running, 409.',
    }),
  ),
});
