// The access log's pruning anchors (migration 2026-12-06-10); part of DatabaseSchema (schema.ts).

/**
 * Where a unit's access-log chain now starts: its entries 1…`position` were pruned after the keep
 * period, and `hash` is the hash of the last of them, which the first remaining entry names as its
 * `previous_hash`. `audit verify` walks the chain from here instead of from the genesis hash.
 */
export type AccessLogAnchorTable = {
  unit_hsa_id: string;
  position: number;
  hash: string;
  /** When the last pruned entry was written (its `at`). */
  last_at: number;
  /** When the pruning that moved the anchor here ran. */
  pruned_at: number;
};
