import type { CareUnit, CareUnitKind, Region } from '../hsa-catalogue.ts';

/** Sweden's 21 regions with their county codes (länskoder). */
export const SWEDISH_REGIONS: readonly Region[] = [
  { code: '01', name: 'Region Stockholm' },
  { code: '03', name: 'Region Uppsala' },
  { code: '04', name: 'Region Sörmland' },
  { code: '05', name: 'Region Östergötland' },
  { code: '06', name: 'Region Jönköpings län' },
  { code: '07', name: 'Region Kronoberg' },
  { code: '08', name: 'Region Kalmar län' },
  { code: '09', name: 'Region Gotland' },
  { code: '10', name: 'Region Blekinge' },
  { code: '12', name: 'Region Skåne' },
  { code: '13', name: 'Region Halland' },
  { code: '14', name: 'Västra Götalandsregionen' },
  { code: '17', name: 'Region Värmland' },
  { code: '18', name: 'Region Örebro län' },
  { code: '19', name: 'Region Västmanland' },
  { code: '20', name: 'Region Dalarna' },
  { code: '21', name: 'Region Gävleborg' },
  { code: '22', name: 'Region Västernorrland' },
  { code: '23', name: 'Region Jämtland Härjedalen' },
  { code: '24', name: 'Region Västerbotten' },
  { code: '25', name: 'Region Norrbotten' },
];

/**
 * The part of an HSA-id before the dash: `SE` and the care provider's organisation number.
 * Region Stockholm's real prefix is SE2321000016; the others have the same shape and are
 * here for illustration only.
 */
export const DEMO_HSA_PREFIXES: Readonly<Record<string, string>> = {
  '01': 'SE2321000016',
  '03': 'SE2321000024',
  '05': 'SE2321000040',
  '12': 'SE2321000255',
  '14': 'SE2321000131',
  '24': 'SE2321000222',
};

export function hsaPrefix(regionCode: string): string {
  const prefix = DEMO_HSA_PREFIXES[regionCode];
  if (prefix === undefined) throw new Error(`no demo HSA prefix for region ${regionCode}`);
  return prefix;
}

// Real municipalities with their real codes; the demo's people and units live in these.
export const MUNICIPALITIES = {
  stockholm: { code: '0180', name: 'Stockholm' },
  solna: { code: '0184', name: 'Solna' },
  nacka: { code: '0182', name: 'Nacka' },
  huddinge: { code: '0126', name: 'Huddinge' },
  uppsala: { code: '0380', name: 'Uppsala' },
  enkoping: { code: '0381', name: 'Enköping' },
  linkoping: { code: '0580', name: 'Linköping' },
  norrkoping: { code: '0581', name: 'Norrköping' },
  malmo: { code: '1280', name: 'Malmö' },
  lund: { code: '1281', name: 'Lund' },
  helsingborg: { code: '1283', name: 'Helsingborg' },
  goteborg: { code: '1480', name: 'Göteborg' },
  boras: { code: '1490', name: 'Borås' },
  molndal: { code: '1481', name: 'Mölndal' },
  umea: { code: '2480', name: 'Umeå' },
  skelleftea: { code: '2482', name: 'Skellefteå' },
} as const;

export type MunicipalityKey = keyof typeof MUNICIPALITIES;

type UnitRow = readonly [
  name: string,
  kind: CareUnitKind,
  municipality: MunicipalityKey,
  street: string,
  postalCode: string,
  city: string,
];

/**
 * Fictional units in real municipalities, grouped by region. A unit's HSA-id comes from its
 * region and its place in the region's list, so append new units to keep existing ids.
 */
const UNIT_ROWS: Readonly<Record<string, readonly UnitRow[]>> = {
  '01': [
    ['Vårdcentralen Solgläntan', 'primary-care', 'stockholm', 'Gläntvägen 14', '123 52', 'Farsta'],
    ['Vårdcentralen Lönnlunden', 'primary-care', 'solna', 'Lönnlundsgatan 3', '171 64', 'Solna'],
    ['Vårdcentralen Havsörnen', 'primary-care', 'nacka', 'Örnvägen 22', '131 42', 'Nacka'],
    ['Barnavårdscentralen Solgläntan', 'child-health', 'stockholm', 'Gläntvägen 14', '123 52', 'Farsta'],
    ['Barnmorskemottagningen Lönnlunden', 'maternity', 'solna', 'Lönnlundsgatan 5', '171 64', 'Solna'],
    ['Psykiatriska mottagningen Kvarnbäcken', 'psychiatry', 'huddinge', 'Kvarnbäcksvägen 8', '141 35', 'Huddinge'],
    ['Ungdomsmottagningen Fyrbåken', 'youth', 'stockholm', 'Båkgatan 2', '118 46', 'Stockholm'],
    ['Fysioterapin Mossängen', 'physiotherapy', 'nacka', 'Mossvägen 9', '131 50', 'Nacka'],
    ['BUP Vitsippan', 'child-psychiatry', 'huddinge', 'Sippvägen 6', '141 46', 'Huddinge'],
  ],
  '03': [
    ['Vårdcentralen Tranbäret', 'primary-care', 'uppsala', 'Tranbärsvägen 11', '752 36', 'Uppsala'],
    ['Vårdcentralen Kastanjegården', 'primary-care', 'enkoping', 'Kastanjegatan 4', '745 31', 'Enköping'],
    ['Barnmottagningen Tranbäret', 'children', 'uppsala', 'Tranbärsvägen 13', '752 36', 'Uppsala'],
    ['Barnmorskemottagningen Nyponbacken', 'maternity', 'uppsala', 'Nyponbacken 2', '753 20', 'Uppsala'],
    ['Ungdomsmottagningen Lingonriset', 'youth', 'enkoping', 'Lingongatan 7', '745 35', 'Enköping'],
  ],
  '05': [
    ['Vårdcentralen Blåklinten', 'primary-care', 'linkoping', 'Klintgatan 18', '582 46', 'Linköping'],
    ['Vårdcentralen Strandängen', 'primary-care', 'norrkoping', 'Strandängsvägen 5', '603 61', 'Norrköping'],
    ['Psykiatriska mottagningen Ängsviolen', 'psychiatry', 'linkoping', 'Violvägen 3', '583 30', 'Linköping'],
    ['Barnmottagningen Blåklinten', 'children', 'linkoping', 'Klintgatan 20', '582 46', 'Linköping'],
  ],
  '12': [
    ['Vårdcentralen Granskogen', 'primary-care', 'malmo', 'Granskogsgatan 9', '214 27', 'Malmö'],
    ['Vårdcentralen Rönnbäret', 'primary-care', 'lund', 'Rönnbärsvägen 12', '224 66', 'Lund'],
    ['Vårdcentralen Måsskär', 'primary-care', 'helsingborg', 'Måsgatan 21', '252 25', 'Helsingborg'],
    ['Barnavårdscentralen Granskogen', 'child-health', 'malmo', 'Granskogsgatan 11', '214 27', 'Malmö'],
    ['Barnmorskemottagningen Rönnbäret', 'maternity', 'lund', 'Rönnbärsvägen 14', '224 66', 'Lund'],
    ['Fysioterapin Måsskär', 'physiotherapy', 'helsingborg', 'Måsgatan 23', '252 25', 'Helsingborg'],
  ],
  '14': [
    ['Vårdcentralen Klövern', 'primary-care', 'goteborg', 'Klövervägen 6', '416 74', 'Göteborg'],
    ['Vårdcentralen Tallkotten', 'primary-care', 'boras', 'Kottegatan 15', '503 38', 'Borås'],
    ['Vårdcentralen Hägerviken', 'primary-care', 'molndal', 'Hägervägen 2', '431 37', 'Mölndal'],
    ['Barnmottagningen Klövern', 'children', 'goteborg', 'Klövervägen 8', '416 74', 'Göteborg'],
    ['Ungdomsmottagningen Tallkotten', 'youth', 'boras', 'Kottegatan 17', '503 38', 'Borås'],
    ['Psykiatriska mottagningen Hägerviken', 'psychiatry', 'goteborg', 'Hägerstigen 10', '415 05', 'Göteborg'],
  ],
  '24': [
    ['Vårdcentralen Hjortronmyren', 'primary-care', 'umea', 'Myrvägen 19', '903 38', 'Umeå'],
    ['Vårdcentralen Fjällsippan', 'primary-care', 'skelleftea', 'Sippgatan 8', '931 35', 'Skellefteå'],
    ['Barnavårdscentralen Hjortronmyren', 'child-health', 'umea', 'Myrvägen 21', '903 38', 'Umeå'],
    ['Barnmorskemottagningen Fjällsippan', 'maternity', 'skelleftea', 'Sippgatan 10', '931 35', 'Skellefteå'],
  ],
};

/** The demo's care units, in region order. */
export function demoCareUnits(): CareUnit[] {
  // Sorted, because object keys like '12' that look like integers would otherwise come first.
  const regions = Object.entries(UNIT_ROWS).sort(([a], [b]) => a.localeCompare(b));
  return regions.flatMap(([regionCode, rows]) =>
    rows.map(([name, kind, municipality, street, postalCode, city], i) => ({
      hsaId: `${hsaPrefix(regionCode)}-E${regionCode}${String(i + 1).padStart(2, '0')}`,
      name,
      regionCode,
      municipality: MUNICIPALITIES[municipality],
      address: { street, postalCode, city },
      kind,
    })),
  );
}
