// Tables of units' contact cards (migration 2026-12-06-15).

export type UnitContactCardTable = {
  unit_hsa_id: string;
  phone: string | null;
  /** All three set, or all null (the catalogue's address is the visiting address). */
  visiting_street: string | null;
  visiting_postal_code: string | null;
  visiting_city: string | null;
  /** JSON: `[{ day: 'monday', opens: '08:00', closes: '17:00' }, …]`, closed days left out. */
  opening_hours: string;
  opening_hours_note: string | null;
  description_sv: string | null;
  description_en: string | null;
  updated_at: number;
  updated_by: string | null;
};

export type UnitReplyTimeTable = {
  unit_hsa_id: string;
  errand_type: string;
  amount: number;
  unit: 'working-days' | 'working-hours';
  updated_at: number;
};

/** A unit's scheduled closure (migration 2026-12-06-19). */
export type UnitClosureTable = {
  id: string;
  unit_hsa_id: string;
  /** `YYYY-MM-DD`, the first closed day. */
  starts_on: string;
  /** `YYYY-MM-DD`, the last closed day (inclusive). */
  ends_on: string;
  /** JSON list of the errand types citizens may still send during the closure. */
  keeps_open: string;
  message_sv: string | null;
  message_en: string | null;
  /** A unit of the same region that takes errands sent during the closure, or null. */
  cover_unit_hsa_id: string | null;
  created_at: number;
  created_by: string;
};
