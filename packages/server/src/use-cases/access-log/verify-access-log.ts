import type { Database } from '../../storage/database.ts';
import { listAccessLogUnits, readAccessLogChain } from '../../storage/repositories/access-log.repository.ts';
import { entryHash, genesisHash } from './access-log-chain.ts';

export type ChainProblem = { unitHsaId: string; position: number; problem: string };

/**
 * Walks every unit's chain from its start and reports the first break in each: an entry whose
 * content no longer matches its hash, a gap (a removed entry), or a head that does not match
 * the last entry (entries removed from the end).
 */
export async function verifyAccessLog(database: Database): Promise<{ entries: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  let entries = 0;
  for (const head of await listAccessLogUnits(database.db)) {
    let previousHash = genesisHash(head.unit_hsa_id);
    let position = 0;
    let broken = false;
    while (!broken) {
      const page = await readAccessLogChain(database.db, head.unit_hsa_id, position, 5000);
      if (page.length === 0) break;
      for (const row of page) {
        entries += 1;
        const problem =
          row.position !== position + 1
            ? `entry ${position + 1} is missing`
            : row.previous_hash !== previousHash
              ? 'does not continue the previous entry'
              : entryHash(row) !== row.hash
                ? 'content was changed after it was written'
                : undefined;
        if (problem) {
          problems.push({ unitHsaId: head.unit_hsa_id, position: position + 1, problem });
          broken = true;
          break;
        }
        previousHash = row.hash;
        position = row.position;
      }
    }
    if (!broken && (head.position !== position || head.hash !== previousHash)) {
      problems.push({
        unitHsaId: head.unit_hsa_id,
        position: head.position,
        problem: 'entries at the end were removed',
      });
    }
  }
  return { entries, problems };
}
