import type { DeletionKeys } from '../../encryption/deletion-keys.ts';
import { type KeyRing, unwrapDataKey, wrapDataKey } from '../../encryption/envelope.ts';
import type { Database } from '../../storage/database.ts';
import {
  countRowsNotWrappedBy,
  listRowsNotWrappedBy,
  replaceWrappedKey,
  WRAPPED_KEY_TABLES,
} from '../../storage/repositories/wrapped-key.repository.ts';

export type RewrapProgress = (done: number, total: number) => void;

/**
 * Key rotation: re-wraps every data key (errands, calendar notes) under the ring's current master
 * key. Content is not touched: it stays sealed under the same data keys. Each batch is its own
 * transaction, so a rotation can be stopped at any point and run again; rows a running server
 * wraps under an older key meanwhile are left for the next run (and `keys prune` refuses).
 */
export async function rewrapDataKeys(
  database: Database,
  ring: KeyRing,
  deletionKeys: DeletionKeys,
  { batchSize = 500, progress }: { batchSize?: number; progress?: RewrapProgress } = {},
): Promise<number> {
  // Errands' data keys are wrapped under monthly deletion keys: re-wrapping those moves them all.
  const epochKeys = deletionKeys.rewrap(ring);
  const total = await countRowsNotWrappedBy(database.db, ring.currentId);
  let done = epochKeys;
  progress?.(done, total + epochKeys);
  for (const table of WRAPPED_KEY_TABLES) {
    let afterId: string | null = null;
    for (;;) {
      const batch = await listRowsNotWrappedBy(database.db, table, {
        keyId: ring.currentId,
        afterId,
        limit: batchSize,
      });
      if (batch.length === 0) break;
      await database.db.transaction().execute(async (trx) => {
        for (const row of batch) {
          const key = unwrapDataKey(ring, { wrapped: Buffer.from(row.wrapped_key), keyId: row.key_id });
          const next = wrapDataKey(ring, key);
          await replaceWrappedKey(trx, table, {
            id: row.id,
            previousKeyId: row.key_id,
            wrapped: next.wrapped,
            keyId: next.keyId,
          });
        }
      });
      done += batch.length;
      afterId = batch[batch.length - 1]?.id ?? null;
      progress?.(done, Math.max(total, done));
    }
  }
  return done;
}
