// Tables of regional administration (migration 2026-12-06-20).

/**
 * A region's base offering for one national errand type. No row: allowed, with the national
 * defaults. Flags are 0/1 on both databases.
 */
export type RegionErrandTypePolicyTable = {
  region_code: string;
  errand_type: string;
  /** Whether the region's units may offer the type; off, it is offered nowhere in the region. */
  allowed: 0 | 1;
  /** Defaults a unit starts from when it sets the type up. */
  open_to_proxies: 0 | 1;
  citizen_may_reply: 0 | 1;
  /** The reply time shown on contact cards of units that promise none of their own; both or neither. */
  reply_amount: number | null;
  reply_unit: 'working-days' | 'working-hours' | null;
  updated_at: number;
  updated_by: string | null;
};

/** Every change a regional administrator makes, append-only; names what changed, never the content. */
export type RegionAdminChangeTable = {
  id: string;
  region_code: string;
  at: number;
  staff_hsa_id: string;
  action: string;
  errand_type: string | null;
  /** The connected service a change was about (migration 2026-12-06-22). */
  service_id: string | null;
};
