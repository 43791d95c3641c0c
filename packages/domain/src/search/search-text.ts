// Unit search matches what people type, not how the catalogue spells it: "solglantan" finds
// "Solgläntan", "VARDCENTRAL" finds "vårdcentral". Both the stored text and the query are folded
// the same way, so a plain LIKE on the stored text still does the matching.

/**
 * Lower case without diacritics: Unicode NFD, combining marks removed (å → a, é → e, ö → o).
 * Lower case first: lower-casing may itself add a combining mark (İ → i + dot above).
 */
export function foldForSearch(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words of a query, folded; at most `max` of them (each must match). */
export function searchWords(query: string, max = 5): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, max);
}

/**
 * What a care unit is found by: its name, municipality, city and postcode (as written, "123 45",
 * and without the space, "12345"), folded.
 */
export function careUnitSearchText(unit: {
  name: string;
  municipalityName: string;
  city: string;
  postalCode: string;
}): string {
  const postcode = unit.postalCode.trim();
  const compact = postcode.replace(/\s+/g, '');
  const parts = [unit.name, unit.municipalityName, unit.city, postcode, ...(compact === postcode ? [] : [compact])];
  return foldForSearch(parts.join(' ')).replace(/\s+/g, ' ').trim();
}
