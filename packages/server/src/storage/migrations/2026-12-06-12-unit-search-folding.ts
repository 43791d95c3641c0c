import type { Kysely } from 'kysely';

// Unit search folds case and diacritics ("solglantan" finds "Solgläntan") and also matches the
// postcode. New and synced rows get the folded `care_unit.search_text` from the organisation sync;
// this recomputes it for the rows already there, so search works before the next sync. A few
// thousand rows, updated by primary key in the migration's transaction.
//
// The fold is a copy of the domain's `careUnitSearchText`, not an import: a migration must keep
// doing what it did when it shipped, whatever the domain later becomes.

type CareUnitSearch = {
  care_unit: {
    hsa_id: string;
    name: string;
    municipality_name: string;
    city: string;
    postal_code: string;
    search_text: string;
  };
};

function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

type Unit = Readonly<{ name: string; municipality_name: string; city: string; postal_code: string }>;

function foldedSearchText(unit: Unit): string {
  const postcode = unit.postal_code.trim();
  const compact = postcode.replace(/\s+/g, '');
  const parts = [unit.name, unit.municipality_name, unit.city, postcode, ...(compact === postcode ? [] : [compact])];
  return fold(parts.join(' ')).replace(/\s+/g, ' ').trim();
}

/** What the sync wrote before this migration. */
function previousSearchText(unit: Unit): string {
  return `${unit.name} ${unit.municipality_name} ${unit.city}`.toLocaleLowerCase('sv-SE');
}

async function recompute(untyped: Kysely<unknown>, searchText: (unit: Unit) => string): Promise<void> {
  const db = untyped as unknown as Kysely<CareUnitSearch>;
  const units = await db
    .selectFrom('care_unit')
    .select(['hsa_id', 'name', 'municipality_name', 'city', 'postal_code', 'search_text'])
    .execute();
  for (const unit of units) {
    const text = searchText(unit);
    if (text === unit.search_text) continue;
    await db.updateTable('care_unit').set({ search_text: text }).where('hsa_id', '=', unit.hsa_id).execute();
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await recompute(db, foldedSearchText);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await recompute(db, previousSearchText);
}
