import type { Database } from '../../storage/database.ts';
import { readAccessLogAnchor, readAccessLogEntryHash } from '../../storage/repositories/access-log.repository.ts';
import type { ExportedHeads } from './access-log-heads.ts';
import type { ChainProblem } from './verify-access-log.ts';

/**
 * Checks that every entry an exported head names is still in the database with the same hash.
 * Together with `verifyAccessLog` (each entry links to the one before it) that proves every entry
 * that existed at export time is still there unchanged: a rewritten chain with a head rewritten to
 * match verifies by itself, but its entry at the exported position has another hash (or is gone).
 *
 * An entry pruned since the export (at or below its unit's anchor) is no longer there to compare:
 * at the anchor's own position the anchor's hash must equal the exported one; below it, the head
 * is counted as `pruned` (the remaining chain is still verified from the anchor).
 */
export async function compareWithExportedHeads(
  database: Database,
  exported: ExportedHeads,
): Promise<{ problems: ChainProblem[]; pruned: number }> {
  const problems: ChainProblem[] = [];
  let pruned = 0;
  for (const head of exported.heads) {
    if (head.position === 0) continue;
    let hash = await readAccessLogEntryHash(database.db, head.unitHsaId, head.position);
    if (hash === undefined) {
      const anchor = await readAccessLogAnchor(database.db, head.unitHsaId);
      if (anchor && head.position < anchor.position) {
        pruned += 1;
        continue;
      }
      if (anchor && head.position === anchor.position) hash = anchor.hash;
    }
    if (hash === head.hash) continue;
    problems.push({
      unitHsaId: head.unitHsaId,
      position: head.position,
      problem:
        hash === undefined
          ? `is missing, but existed at ${exported.exportedAt}: entries were removed`
          : `differs from the head exported at ${exported.exportedAt}: the log was rewritten`,
    });
  }
  return { problems, pruned };
}
