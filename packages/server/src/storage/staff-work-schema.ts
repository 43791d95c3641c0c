// Tables of the staff workspace: internal notes on errands and a unit's standard answers.

/** A staff-only note on an errand; never shown to the citizen. */
export type ErrandNoteTable = {
  id: string;
  errand_id: string;
  author_hsa_id: string;
  /** Sealed JSON under the errand's key (envelope encryption). */
  content: Uint8Array;
  created_at: number;
};

/** A unit's standard answer; `errand_types` is a JSON list (empty: every type). */
export type AnswerTemplateTable = {
  id: string;
  unit_hsa_id: string;
  title_sv: string;
  title_en: string | null;
  text_sv: string;
  text_en: string | null;
  errand_types: string;
  updated_at: number;
  updated_by: string | null;
};
