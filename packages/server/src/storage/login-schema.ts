// Tables of logging in: flows, passwords, one-time codes, throttles, limits, events; part of DatabaseSchema (schema.ts).

export type LoginAudience = 'citizen' | 'staff';

export type LoginFlowTable = {
  id_hash: string;
  audience: LoginAudience;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: number;
  expires_at: number;
  /** The citizen's page to open after the login (a safe same-site path), or null: the start page. */
  return_path: string | null;
};

export type PasswordCredentialTable = {
  id: string;
  citizen_id: string;
  /** argon2id, PHC string. */
  password_hash: string;
  /** E.164. */
  mobile: string;
  /** pending until the first login with it (which proves the mobile number), then active. */
  status: 'pending' | 'active';
  terms_accepted_at: number;
  created_at: number;
  activated_at: number | null;
};

export type LoginCodeTable = {
  token_hash: string;
  credential_id: string;
  /** `<master key id>:<hex HMAC>` of the code (identity/one-time-code.ts), never the digits. */
  code_hash: string;
  failed_tries: number;
  /** When the latest code was sent. */
  created_at: number;
  expires_at: number;
  /** How many times a new code replaced the first one ("send a new code"). */
  resends: number;
};

export type LoginThrottleTable = {
  key: string;
  failures: number;
  locked_until: number;
  last_failure_at: number;
};

/** Messages with a code sent per key (account, recipient, installation) in a fixed window. */
export type MessageLimitTable = {
  key: string;
  window_start: number;
  count: number;
};

export type LoginEventTable = {
  id: string;
  occurred_at: number;
  audience: LoginAudience;
  method: 'eid' | 'password-sms';
  result: 'success' | 'refused' | 'failed';
  reason: string | null;
  municipality_code: string | null;
  /**
   * Staff: the unit where the login started work (straight after it, or at its first choice of
   * unit), where the statistics count it; null before that, for refusals and for citizens
   * (migration 2026-12-07-31).
   */
  unit_hsa_id: string | null;
};
