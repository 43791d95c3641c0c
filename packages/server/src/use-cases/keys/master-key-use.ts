import type { DeletionKeys } from '../../encryption/deletion-keys.ts';
import { type KeyRing, unwrapDataKey } from '../../encryption/envelope.ts';
import type { Database } from '../../storage/database.ts';
import {
  countRowsWrappedBy,
  findRowWrappedBy,
  listKeyIdsInUse,
} from '../../storage/repositories/wrapped-key.repository.ts';

/**
 * The master keys the database needs and the ring cannot give: ids it does not hold (`missing`),
 * and ids whose loaded key does not open the data wrapped under that id (`wrong`, e.g. a key file
 * restored from another installation). One probe per key id in use.
 */
export async function checkMasterKeys(
  database: Database,
  ring: KeyRing,
  deletionKeys: DeletionKeys,
): Promise<{ missing: string[]; wrong: string[] }> {
  const missing: string[] = [];
  const wrong: string[] = [];
  // The monthly deletion keys are wrapped under master keys too (in their own file).
  for (const id of deletionKeys.masterKeyIdsInUse()) if (!ring.keys.has(id)) missing.push(id);
  for (const epoch of deletionKeys.epochs()) {
    const id = deletionKeys.wrappingKeyOf(epoch);
    if (!id || !ring.keys.has(id) || wrong.includes(id)) continue;
    try {
      deletionKeys.find(epoch, ring);
    } catch {
      wrong.push(id);
    }
  }
  for (const id of await listKeyIdsInUse(database.db)) {
    if (missing.includes(id) || wrong.includes(id)) continue;
    if (!ring.keys.has(id)) {
      missing.push(id);
      continue;
    }
    const row = await findRowWrappedBy(database.db, id);
    if (!row) continue;
    try {
      unwrapDataKey(ring, { wrapped: Buffer.from(row.wrapped_key), keyId: id });
    } catch {
      wrong.push(id);
    }
  }
  return { missing, wrong };
}

/**
 * Which of the ring's older keys can go: those no row references any more. The current key always
 * stays; a key that still wraps data keys is kept and reported with how many.
 */
export async function planMasterKeyPrune(
  database: Database,
  ring: KeyRing,
  deletionKeys: DeletionKeys,
): Promise<{ removable: string[]; stillUsed: Array<{ id: string; rows: number }> }> {
  const removable: string[] = [];
  const stillUsed: Array<{ id: string; rows: number }> = [];
  const wrappingDeletionKeys = new Set(deletionKeys.masterKeyIdsInUse());
  for (const id of [...ring.keys.keys()].filter((id) => id !== ring.currentId).sort()) {
    const rows = (await countRowsWrappedBy(database.db, id)) + (wrappingDeletionKeys.has(id) ? 1 : 0);
    if (rows === 0) removable.push(id);
    else stillUsed.push({ id, rows });
  }
  return { removable, stillUsed };
}
