// The tables as Kysely sees them. Times are epoch milliseconds (bigint) on both databases so that
// ordering, cursors and comparisons behave the same everywhere.

export type RegionTable = {
  code: string;
  name: string;
  updated_at: number;
};

export type CareUnitTable = {
  hsa_id: string;
  name: string;
  region_code: string;
  kind: string;
  municipality_code: string;
  municipality_name: string;
  street: string;
  postal_code: string;
  city: string;
  /** Lower-cased name and municipality, what unit search matches against. */
  search_text: string;
  updated_at: number;
};

export type CitizenTable = {
  id: string;
  personnummer: string;
  given_name: string;
  family_name: string;
  created_at: number;
  last_login_at: number | null;
};

export type StaffMemberTable = {
  hsa_id: string;
  given_name: string;
  family_name: string;
  profession: string;
  updated_at: number;
};

export type SessionTable = {
  token_hash: string;
  kind: 'citizen' | 'staff';
  citizen_id: string | null;
  staff_hsa_id: string | null;
  unit_hsa_id: string | null;
  /** JSON array of staff roles at the chosen unit; `[]` for citizens. */
  roles: string;
  login_method: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  /** The absolute end, however active the user is. */
  expires_at: number;
};

export type OutboxChannel = 'email' | 'sms' | 'letter';
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'dead';

export type OutboxTable = {
  id: string;
  channel: OutboxChannel;
  /** Which message, e.g. `errand-answered`; the text lives in the templates, never here. */
  template: string;
  /** E-mail address, E.164 mobile number, or for letters the citizen id. */
  recipient: string;
  language: 'sv' | 'en';
  /** JSON with what the template needs that is not personal content (e.g. a letter's PDF path). */
  parameters: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
  citizen_id: string | null;
  errand_id: string | null;
};

export type DatabaseSchema = {
  region: RegionTable;
  care_unit: CareUnitTable;
  citizen: CitizenTable;
  staff_member: StaffMemberTable;
  session: SessionTable;
  outbox: OutboxTable;
};
