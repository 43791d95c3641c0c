import type { Database } from '../../storage/database.ts';
import {
  listAccessLogAnchors,
  listAccessLogUnits,
  pruneAccessLogTo,
  readAccessLogAnchor,
  readAccessLogChain,
} from '../../storage/repositories/access-log.repository.ts';
import { entryHash, genesisHash } from './access-log-chain.ts';
import type { ChainProblem } from './verify-access-log.ts';

/**
 * The start of the keep period: entries written before it may be pruned. Calendar years in UTC
 * (29 February falls to 1 March), so five years are never fewer than 1825 days: the database's
 * own floor (migration 2026-12-06-10) is below that and never refuses what this allows.
 */
export function keepPeriodStart(now: Date, keepYears: number): number {
  const start = new Date(now.getTime());
  start.setUTCFullYear(start.getUTCFullYear() - keepYears);
  return start.getTime();
}

/** The pruning stopped because the part it would remove does not verify: that evidence is kept. */
export class AccessLogBrokenError extends Error {
  override name = 'AccessLogBrokenError';
  readonly problem: ChainProblem;
  constructor(problem: ChainProblem) {
    super(`the access log of unit ${problem.unitHsaId} is broken at entry ${problem.position}: ${problem.problem}`);
    this.problem = problem;
  }
}

/** How much was pruned so far: the chains that start at an anchor, and the entries before them. */
export async function prunedSoFar(database: Database): Promise<{ chains: number; entries: number }> {
  const anchors = await listAccessLogAnchors(database.db);
  return { chains: anchors.length, entries: anchors.reduce((sum, anchor) => sum + anchor.position, 0) };
}

export async function listPrunableUnits(database: Database): Promise<string[]> {
  return (await listAccessLogUnits(database.db)).map((head) => head.unit_hsa_id);
}

/**
 * Prunes one batch of a unit's chain in one transaction: the longest run of entries from the
 * chain's start (its anchor) written before `before`, at most `limit`. The anchor moves to the last
 * of them, so the chain stays verifiable from there, and then they are removed. Returns how many
 * were removed: 0 when nothing more is due, so running it again does nothing.
 *
 * The removed entries are verified first (each links to the one before and matches its hash): a
 * broken part is not pruned, since pruning it would remove the evidence (AccessLogBrokenError).
 * Entries are pruned as a prefix only, so an entry with an earlier time after a later one (a clock
 * step back) waits until the entries before it are due.
 */
export async function pruneAccessLogBatch(
  database: Database,
  unitHsaId: string,
  before: number,
  prunedAt: number,
  limit: number,
): Promise<number> {
  return database.db.transaction().execute(async (trx) => {
    const anchor = await readAccessLogAnchor(trx, unitHsaId);
    let position = anchor?.position ?? 0;
    let previousHash = anchor?.hash ?? genesisHash(unitHsaId);
    let last: { position: number; hash: string; at: number } | undefined;
    for (const row of await readAccessLogChain(trx, unitHsaId, position, limit)) {
      if (row.at >= before) break;
      const problem =
        row.position !== position + 1
          ? `entry ${position + 1} is missing`
          : row.previous_hash !== previousHash
            ? 'does not continue the previous entry'
            : entryHash(row) !== row.hash
              ? 'content was changed after it was written'
              : undefined;
      if (problem) throw new AccessLogBrokenError({ unitHsaId, position: position + 1, problem });
      position = row.position;
      previousHash = row.hash;
      last = row;
    }
    if (!last) return 0;
    return pruneAccessLogTo(
      trx,
      { unit_hsa_id: unitHsaId, position: last.position, hash: last.hash, last_at: last.at, pruned_at: prunedAt },
      anchor?.position,
    );
  });
}
