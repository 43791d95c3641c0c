import type { Kysely } from 'kysely';
import type { Dialect } from '../../storage/database.ts';
import {
  type AccessLogRow,
  appendAccessLogRows,
  lockAccessLogHead,
} from '../../storage/repositories/access-log.repository.ts';
import { newRowId } from '../../storage/row-id.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { entryHash, genesisHash } from './access-log-chain.ts';

export const ACCESS_ACTIONS = [
  'read',
  'assign',
  'reassign',
  'take-back',
  'answer',
  'close',
  'reopen',
  'list',
  'note',
  // A copy of the errand taken for the medical record (PDF or FHIR bundle).
  'export-record',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export type AccessEntry = {
  unitHsaId: string;
  errandId: string;
  citizenId: string;
  staffHsaId: string;
  role: string;
  action: AccessAction;
};

/**
 * Appends staff accesses to the unit's hash chain. Call it inside the transaction of the read or
 * change it records, so the entry exists exactly when the access happened.
 */
export async function recordAccess(
  db: Kysely<DatabaseSchema>,
  dialect: Dialect,
  entries: AccessEntry[],
  at: number,
): Promise<void> {
  const byUnit = Map.groupBy(entries, (e) => e.unitHsaId);
  for (const [unitHsaId, unitEntries] of byUnit) {
    const head = await lockAccessLogHead(db, dialect, unitHsaId, genesisHash(unitHsaId));
    let { position, hash } = head;
    const rows: AccessLogRow[] = [];
    for (const entry of unitEntries) {
      position += 1;
      const row = {
        id: newRowId(),
        unit_hsa_id: unitHsaId,
        position,
        errand_id: entry.errandId,
        citizen_id: entry.citizenId,
        staff_hsa_id: entry.staffHsaId,
        role: entry.role,
        action: entry.action,
        at,
        previous_hash: hash,
      };
      hash = entryHash(row);
      rows.push({ ...row, hash });
    }
    await appendAccessLogRows(db, rows);
  }
}
