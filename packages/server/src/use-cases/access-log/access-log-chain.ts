import { createHash } from 'node:crypto';
import type { AccessLogRow } from '../../storage/repositories/access-log.repository.ts';

/** Each unit's chain starts from a hash of its own id, so chains cannot be spliced together. */
export function genesisHash(unitHsaId: string): string {
  return createHash('sha256').update(`kontakta-access-log:${unitHsaId}`).digest('hex');
}

/** The hash of an entry covers every field and the previous entry's hash. */
export function entryHash(row: Omit<AccessLogRow, 'hash'>): string {
  const fields = [
    row.previous_hash,
    row.id,
    row.unit_hsa_id,
    String(row.position),
    row.errand_id,
    row.citizen_id,
    row.staff_hsa_id,
    row.role,
    row.action,
    String(row.at),
  ];
  // JSON keeps field boundaries unambiguous whatever the values contain.
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
