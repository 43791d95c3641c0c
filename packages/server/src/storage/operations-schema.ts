// Tables for operators: scheduled-job leases and security events; part of DatabaseSchema (schema.ts).

/** One row per scheduled job (jobs/scheduler/): who runs it now, how its last run went, when it runs next. */
export type JobLeaseTable = {
  name: string;
  /** The run holding the lease (process and run number); null when none does. */
  holder: string | null;
  lease_until: number | null;
  last_started_at: number | null;
  last_finished_at: number | null;
  last_outcome: 'ok' | 'failed' | null;
  /** A short message for the operator: never personal data. */
  last_error: string | null;
  next_run_at: number;
};

export type SecurityEventTable = {
  id: string;
  at: number;
  kind: 'staff-errand-refused';
  staff_hsa_id: string | null;
  unit_hsa_id: string | null;
  subject: string | null;
  request_id: string | null;
};

/** One row (id 1): how many changes the reference data has seen; triggers keep it (migration -24). */
export type ReferenceGenerationTable = {
  id: number;
  value: number;
};
