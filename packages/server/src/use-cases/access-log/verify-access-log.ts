import type { Database } from '../../storage/database.ts';
import {
  type AccessLogAnchor,
  countAccessLogEntriesUpTo,
  listAccessLogAnchors,
  listAccessLogUnits,
  readAccessLogAnchor,
  readAccessLogChain,
} from '../../storage/repositories/access-log.repository.ts';
import { entryHash, genesisHash } from './access-log-chain.ts';

export type ChainProblem = { unitHsaId: string; position: number; problem: string };

type Head = { unit_hsa_id: string; position: number; hash: string };

/**
 * Walks every unit's chain from its start and reports the first break in each: an entry whose
 * content no longer matches its hash, a gap (a removed entry), or a head that does not match
 * the last entry (entries removed from the end).
 *
 * A pruned chain (use-cases/access-log/prune-access-log.ts) starts at its anchor instead of the
 * genesis hash: the first remaining entry must sit right after the anchor's position and name the
 * anchor's hash as its previous hash, so an altered anchor breaks the chain as an altered entry
 * would, and an entry written below the anchor (where pruned positions are free) is reported.
 */
export async function verifyAccessLog(database: Database): Promise<{ entries: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  let entries = 0;
  const heads = await listAccessLogUnits(database.db);
  for (const head of heads) {
    let walked = await walkChain(database, head, await readAccessLogAnchor(database.db, head.unit_hsa_id));
    // The pruning job may have moved the anchor between reading it and reading the entries after
    // it: then the first entry seems missing. Walk again from where the chain now starts.
    if (walked.problem && walked.atAnchor) {
      const anchor = await readAccessLogAnchor(database.db, head.unit_hsa_id);
      if (anchor && anchor.position !== walked.atAnchor.position) walked = await walkChain(database, head, anchor);
    }
    entries += walked.entries;
    if (walked.problem) problems.push(walked.problem);
  }
  const units = new Set(heads.map((head) => head.unit_hsa_id));
  for (const anchor of await listAccessLogAnchors(database.db)) {
    if (units.has(anchor.unit_hsa_id)) continue;
    problems.push({
      unitHsaId: anchor.unit_hsa_id,
      position: anchor.position,
      problem: 'has a pruning anchor but no chain head: the head was removed',
    });
  }
  return { entries, problems };
}

async function walkChain(
  database: Database,
  head: Head,
  anchor: AccessLogAnchor | undefined,
): Promise<{ entries: number; problem?: ChainProblem; atAnchor?: AccessLogAnchor }> {
  const unitHsaId = head.unit_hsa_id;
  let previousHash = anchor?.hash ?? genesisHash(unitHsaId);
  let position = anchor?.position ?? 0;
  let entries = 0;
  if (anchor) {
    const below = await countAccessLogEntriesUpTo(database.db, unitHsaId, anchor.position);
    if (below > 0) {
      const problem = `${below} entr${below === 1 ? 'y lies' : 'ies lie'} at or below the pruning anchor (entries 1–${anchor.position} were pruned): written there after pruning, or the anchor was altered`;
      return { entries, problem: { unitHsaId, position: anchor.position, problem } };
    }
  }
  for (;;) {
    const page = await readAccessLogChain(database.db, unitHsaId, position, 5000);
    if (page.length === 0) break;
    for (const row of page) {
      entries += 1;
      const first = anchor !== undefined && position === anchor.position;
      const problem =
        row.position !== position + 1
          ? first
            ? `entry ${position + 1} is missing: the first entry after the pruning anchor (entries 1–${anchor.position} were pruned), or the anchor was altered`
            : `entry ${position + 1} is missing`
          : row.previous_hash !== previousHash
            ? first
              ? `does not continue the pruning anchor (entries 1–${anchor.position} were pruned): the anchor or this entry was altered`
              : 'does not continue the previous entry'
            : entryHash(row) !== row.hash
              ? 'content was changed after it was written'
              : undefined;
      if (problem) {
        return {
          entries,
          problem: { unitHsaId, position: position + 1, problem },
          ...(first ? { atAnchor: anchor } : {}),
        };
      }
      previousHash = row.hash;
      position = row.position;
    }
  }
  if (head.position !== position || head.hash !== previousHash) {
    const problem =
      anchor === undefined || entries > 0 || head.position > anchor.position
        ? 'entries at the end were removed'
        : `the head does not match the pruning anchor (entries 1–${anchor.position} were pruned): the anchor or the head was altered`;
    return { entries, problem: { unitHsaId, position: head.position, problem } };
  }
  return { entries };
}
