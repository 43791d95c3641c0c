import { type KeyRing, unwrapDataKey, wrapDataKey } from '../../encryption/envelope.ts';
import type { Database } from '../../storage/database.ts';
import {
  listCalendarKeysNotWrappedBy,
  replaceCalendarWrappedKey,
} from '../../storage/repositories/calendar-note.repository.ts';
import { listErrandKeysNotWrappedBy, replaceWrappedKey } from '../../storage/repositories/errand.repository.ts';

/**
 * Key rotation: re-wraps every errand's data key under the ring's current master key. Content is
 * not touched (it stays sealed under the same data keys). Batches are separate transactions, so
 * a rotation can be interrupted and run again.
 */
export async function rewrapDataKeys(database: Database, ring: KeyRing, batchSize = 500): Promise<number> {
  return (await rewrapErrandKeys(database, ring, batchSize)) + (await rewrapCalendarKeys(database, ring, batchSize));
}

async function rewrapErrandKeys(database: Database, ring: KeyRing, batchSize: number): Promise<number> {
  let rewrapped = 0;
  for (;;) {
    const batch = await listErrandKeysNotWrappedBy(database.db, ring.currentId, batchSize);
    if (batch.length === 0) return rewrapped;
    await database.db.transaction().execute(async (trx) => {
      for (const row of batch) {
        const key = unwrapDataKey(ring, { wrapped: Buffer.from(row.wrapped_key), keyId: row.key_id });
        const next = wrapDataKey(ring, key);
        await replaceWrappedKey(trx, row.id, row.key_id, next.wrapped, next.keyId);
      }
    });
    rewrapped += batch.length;
  }
}

/** Calendar notes have data keys of their own, wrapped the same way. */
async function rewrapCalendarKeys(database: Database, ring: KeyRing, batchSize: number): Promise<number> {
  let rewrapped = 0;
  for (;;) {
    const batch = await listCalendarKeysNotWrappedBy(database.db, ring.currentId, batchSize);
    if (batch.length === 0) return rewrapped;
    await database.db.transaction().execute(async (trx) => {
      for (const row of batch) {
        const key = unwrapDataKey(ring, { wrapped: Buffer.from(row.wrapped_key), keyId: row.key_id });
        const next = wrapDataKey(ring, key);
        await replaceCalendarWrappedKey(trx, row.id, row.key_id, next.wrapped, next.keyId);
      }
    });
    rewrapped += batch.length;
  }
}
