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

export type DatabaseSchema = {
  region: RegionTable;
  care_unit: CareUnitTable;
};
