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

export type DatabaseSchema = {
  region: RegionTable;
  care_unit: CareUnitTable;
  citizen: CitizenTable;
  staff_member: StaffMemberTable;
  session: SessionTable;
};
