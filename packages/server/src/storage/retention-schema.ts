// The table retention leaves behind; part of DatabaseSchema (schema.ts).

export type ErrandTombstoneTable = {
  /** The deleted errand's id. */
  id: string;
  /** Whose it was, so only they (and the unit) learn that it was deleted rather than never there. */
  citizen_id: string;
  unit_hsa_id: string;
  errand_type: string;
  created_at: number;
  deleted_at: number;
  /** Why: `retention` (the last event older than the retention period). */
  reason: 'retention';
};
