import type {
  CareUnit,
  CareUnitKind,
  Employee,
  Profession,
  Region,
  UnitRole,
} from '../../packages/server/src/registers/index.ts';
import { personnummerForIndex, STAFF_FIRST_INDEX } from './national-personnummer.ts';
import { cumulativeOf, logNormal, pickWeighted, randomFor, STREAM } from './seeded-mix.ts';

// Sweden's organisation at national scale, made up but shaped like the real one: the 21 regions
// with their populations (SCB, 2023, rounded), real municipalities, care units in proportion to
// population (one per 4 000 inhabitants, about 2 600 in all) and staff at every unit.

type RegionFacts = Readonly<{
  code: string;
  name: string;
  population: number;
  municipalities: ReadonlyArray<readonly [code: string, name: string]>;
}>;

export const NATIONAL_REGIONS: readonly RegionFacts[] = [
  {
    code: '01',
    name: 'Region Stockholm',
    population: 2_421_000,
    municipalities: [
      ['0180', 'Stockholm'],
      ['0126', 'Huddinge'],
      ['0184', 'Solna'],
      ['0182', 'Nacka'],
      ['0138', 'Tyresö'],
      ['0191', 'Sigtuna'],
    ],
  },
  {
    code: '03',
    name: 'Region Uppsala',
    population: 400_000,
    municipalities: [
      ['0380', 'Uppsala'],
      ['0381', 'Enköping'],
      ['0382', 'Östhammar'],
    ],
  },
  {
    code: '04',
    name: 'Region Sörmland',
    population: 301_000,
    municipalities: [
      ['0480', 'Nyköping'],
      ['0484', 'Eskilstuna'],
      ['0486', 'Strängnäs'],
    ],
  },
  {
    code: '05',
    name: 'Region Östergötland',
    population: 469_000,
    municipalities: [
      ['0580', 'Linköping'],
      ['0581', 'Norrköping'],
      ['0586', 'Mjölby'],
    ],
  },
  {
    code: '06',
    name: 'Region Jönköpings län',
    population: 367_000,
    municipalities: [
      ['0680', 'Jönköping'],
      ['0683', 'Värnamo'],
      ['0686', 'Eksjö'],
    ],
  },
  {
    code: '07',
    name: 'Region Kronoberg',
    population: 203_000,
    municipalities: [
      ['0780', 'Växjö'],
      ['0781', 'Ljungby'],
    ],
  },
  {
    code: '08',
    name: 'Region Kalmar län',
    population: 246_000,
    municipalities: [
      ['0880', 'Kalmar'],
      ['0882', 'Oskarshamn'],
      ['0883', 'Västervik'],
    ],
  },
  { code: '09', name: 'Region Gotland', population: 61_000, municipalities: [['0980', 'Gotland']] },
  {
    code: '10',
    name: 'Region Blekinge',
    population: 157_000,
    municipalities: [
      ['1080', 'Karlskrona'],
      ['1082', 'Karlshamn'],
    ],
  },
  {
    code: '12',
    name: 'Region Skåne',
    population: 1_414_000,
    municipalities: [
      ['1280', 'Malmö'],
      ['1281', 'Lund'],
      ['1283', 'Helsingborg'],
      ['1290', 'Kristianstad'],
    ],
  },
  {
    code: '13',
    name: 'Region Halland',
    population: 341_000,
    municipalities: [
      ['1380', 'Halmstad'],
      ['1382', 'Falkenberg'],
      ['1383', 'Varberg'],
      ['1384', 'Kungsbacka'],
    ],
  },
  {
    code: '14',
    name: 'Västra Götalandsregionen',
    population: 1_744_000,
    municipalities: [
      ['1480', 'Göteborg'],
      ['1490', 'Borås'],
      ['1481', 'Mölndal'],
      ['1488', 'Trollhättan'],
      ['1496', 'Skövde'],
    ],
  },
  {
    code: '17',
    name: 'Region Värmland',
    population: 283_000,
    municipalities: [
      ['1780', 'Karlstad'],
      ['1784', 'Arvika'],
    ],
  },
  {
    code: '18',
    name: 'Region Örebro län',
    population: 306_000,
    municipalities: [
      ['1880', 'Örebro'],
      ['1881', 'Kumla'],
    ],
  },
  {
    code: '19',
    name: 'Region Västmanland',
    population: 279_000,
    municipalities: [
      ['1980', 'Västerås'],
      ['1983', 'Köping'],
    ],
  },
  {
    code: '20',
    name: 'Region Dalarna',
    population: 288_000,
    municipalities: [
      ['2080', 'Falun'],
      ['2081', 'Borlänge'],
      ['2062', 'Mora'],
    ],
  },
  {
    code: '21',
    name: 'Region Gävleborg',
    population: 287_000,
    municipalities: [
      ['2180', 'Gävle'],
      ['2181', 'Sandviken'],
      ['2184', 'Hudiksvall'],
    ],
  },
  {
    code: '22',
    name: 'Region Västernorrland',
    population: 244_000,
    municipalities: [
      ['2281', 'Sundsvall'],
      ['2280', 'Härnösand'],
      ['2284', 'Örnsköldsvik'],
    ],
  },
  { code: '23', name: 'Region Jämtland Härjedalen', population: 132_000, municipalities: [['2380', 'Östersund']] },
  {
    code: '24',
    name: 'Region Västerbotten',
    population: 275_000,
    municipalities: [
      ['2480', 'Umeå'],
      ['2482', 'Skellefteå'],
    ],
  },
  {
    code: '25',
    name: 'Region Norrbotten',
    population: 249_000,
    municipalities: [
      ['2580', 'Luleå'],
      ['2581', 'Piteå'],
      ['2584', 'Kiruna'],
    ],
  },
];

export const INHABITANTS_PER_UNIT = 4000;

/** The share of units of each kind, and how much e-service traffic a unit of the kind draws. */
const KINDS: ReadonlyArray<readonly [kind: CareUnitKind, share: number, traffic: number, prefix: string]> = [
  ['primary-care', 0.36, 3, 'Vårdcentralen'],
  ['child-health', 0.1, 0.6, 'Barnavårdscentralen'],
  ['maternity', 0.09, 0.8, 'Barnmorskemottagningen'],
  ['psychiatry', 0.08, 1, 'Psykiatriska mottagningen'],
  ['children', 0.05, 0.8, 'Barnmottagningen'],
  ['child-psychiatry', 0.04, 0.6, 'BUP'],
  ['youth', 0.06, 0.5, 'Ungdomsmottagningen'],
  ['physiotherapy', 0.08, 0.7, 'Fysioterapin'],
  ['specialist', 0.14, 1, ''],
];

const SPECIALIST_NAMES = [
  'Hudmottagningen',
  'Ögonmottagningen',
  'Öron-näs-halsmottagningen',
  'Ortopedmottagningen',
  'Hjärtmottagningen',
  'Diabetesmottagningen',
  'Reumatologmottagningen',
  'Smärtmottagningen',
];

const PLACE_WORDS = [
  'Solgläntan',
  'Lönnlunden',
  'Havsörnen',
  'Kvarnbäcken',
  'Fyrbåken',
  'Mossängen',
  'Vitsippan',
  'Tranbäret',
  'Kastanjen',
  'Nyponbacken',
  'Lingonriset',
  'Blåklinten',
  'Strandängen',
  'Ängsviolen',
  'Granskogen',
  'Rönnbäret',
  'Måsskär',
  'Klövern',
  'Tallkotten',
  'Hägerviken',
  'Björkhagen',
  'Ekbacken',
  'Sjöudden',
  'Bergsgläntan',
  'Ljungheden',
  'Älvkanten',
  'Stenrösen',
  'Vallmon',
  'Linnean',
  'Hamnen',
  'Torget',
  'Centrum',
  'Norra',
  'Södra',
  'Västra',
  'Östra',
];

const STREETS = ['Storgatan', 'Kyrkogatan', 'Drottninggatan', 'Skolgatan', 'Parkvägen', 'Sjövägen', 'Ängsvägen'];

export const GIVEN_NAMES = [
  'Anna',
  'Eva',
  'Maria',
  'Karin',
  'Sara',
  'Emma',
  'Elin',
  'Ida',
  'Johanna',
  'Linnea',
  'Maja',
  'Astrid',
  'Ingrid',
  'Kerstin',
  'Lars',
  'Erik',
  'Karl',
  'Johan',
  'Anders',
  'Per',
  'Mikael',
  'Nils',
  'Oskar',
  'Gustav',
  'Ali',
  'Mohammed',
  'Fatima',
  'Leila',
  'Aleksandra',
  'Tomas',
];

export const FAMILY_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Lindberg',
  'Lindqvist',
  'Lundin',
  'Berg',
  'Holm',
  'Sandberg',
  'Hassan',
  'Ahmed',
  'Nguyen',
  'Kowalski',
  'Öberg',
  'Åkesson',
];

export type NationalUnit = CareUnit & {
  /** Index in the national list. */
  index: number;
  /** Relative share of its region's e-service traffic. */
  weight: number;
};

export type NationalStaff = Employee & { unitIndex: number };

export type NationalOrganisation = Readonly<{
  regions: readonly Region[];
  units: readonly NationalUnit[];
  unitsByRegion: ReadonlyMap<string, readonly NationalUnit[]>;
  /** Per region: cumulative weights of its units (for picking a unit the way traffic falls). */
  unitWeightsByRegion: ReadonlyMap<string, Float64Array>;
  /** Per region: its primary-care units and their cumulative weights (where citizens are listed). */
  primaryCareByRegion: ReadonlyMap<string, { units: readonly NationalUnit[]; weights: Float64Array }>;
  regionWeights: Float64Array;
  staff: readonly NationalStaff[];
  staffByUnit: ReadonlyMap<string, readonly NationalStaff[]>;
  staffById: ReadonlyMap<string, NationalStaff>;
}>;

/** HSA-ids with the real shape: `SE` + ten digits of the care provider, `-E…` for units, `-P…` for people. */
export function regionHsaPrefix(regionCode: string): string {
  return `SE23210000${regionCode}`;
}

/**
 * The organisation for a seed; the same seed always gives the same units and staff.
 * `inhabitantsPerUnit` thins it out for quick tests (the national figure is the default).
 */
export function buildNationalOrganisation(
  seed: number,
  inhabitantsPerUnit = INHABITANTS_PER_UNIT,
): NationalOrganisation {
  const regions: Region[] = NATIONAL_REGIONS.map((r) => ({ code: r.code, name: r.name }));
  const units: NationalUnit[] = [];
  const kindCumulative = cumulativeOf(KINDS.map(([, share]) => share));
  for (const region of NATIONAL_REGIONS) {
    const count = Math.max(3, Math.round(region.population / inhabitantsPerUnit));
    for (let n = 0; n < count; n++) {
      const index = units.length;
      const random = randomFor(seed, STREAM.organisation, index);
      // The first units of each region are primary care, so every region has somewhere to list citizens.
      const kindIndex = n < 2 ? 0 : pickWeighted(kindCumulative, random);
      const kindRow = KINDS[kindIndex] ?? KINDS[0];
      if (!kindRow) throw new Error('no unit kinds');
      const [kind, , traffic, prefix] = kindRow;
      const [municipalityCode, municipalityName] = random.pick(region.municipalities);
      const place = random.pick(PLACE_WORDS);
      const name = `${prefix || random.pick(SPECIALIST_NAMES)} ${place} ${municipalityName}`;
      units.push({
        index,
        hsaId: `${regionHsaPrefix(region.code)}-E${String(n + 1).padStart(5, '0')}`,
        name,
        regionCode: region.code,
        municipality: { code: municipalityCode, name: municipalityName },
        address: {
          street: `${random.pick(STREETS)} ${1 + random.below(80)}`,
          postalCode: `${100 + random.below(880)} ${String(random.below(100)).padStart(2, '0')}`,
          city: municipalityName,
        },
        kind,
        // Some units are far busier than others (a large health centre against a small clinic).
        weight: traffic * Math.min(logNormal(random, 1, 0.6), 8),
      });
    }
  }

  const unitsByRegion = new Map<string, NationalUnit[]>();
  for (const unit of units) {
    const list = unitsByRegion.get(unit.regionCode) ?? [];
    list.push(unit);
    unitsByRegion.set(unit.regionCode, list);
  }
  const unitWeightsByRegion = new Map<string, Float64Array>();
  const primaryCareByRegion = new Map<string, { units: NationalUnit[]; weights: Float64Array }>();
  for (const [code, list] of unitsByRegion) {
    unitWeightsByRegion.set(code, cumulativeOf(list.map((u) => u.weight)));
    const primary = list.filter((u) => u.kind === 'primary-care');
    primaryCareByRegion.set(code, { units: primary, weights: cumulativeOf(primary.map((u) => u.weight)) });
  }

  const staff: NationalStaff[] = [];
  const staffByUnit = new Map<string, NationalStaff[]>();
  for (const unit of units) {
    const list = staffAtUnit(seed, unit, staff.length);
    staff.push(...list);
    staffByUnit.set(unit.hsaId, list);
  }
  return {
    regions,
    units,
    unitsByRegion,
    unitWeightsByRegion,
    primaryCareByRegion,
    regionWeights: cumulativeOf(NATIONAL_REGIONS.map((r) => r.population)),
    staff,
    staffByUnit,
    staffById: new Map(staff.map((s) => [s.hsaId, s])),
  };
}

const CAREGIVER_PROFESSIONS: Readonly<Record<CareUnitKind, readonly Profession[]>> = {
  'primary-care': ['doctor', 'nurse', 'nurse', 'doctor', 'assistant-nurse', 'psychologist', 'counsellor'],
  'child-health': ['nurse', 'nurse', 'doctor'],
  children: ['doctor', 'nurse', 'nurse'],
  'child-psychiatry': ['psychologist', 'doctor', 'counsellor', 'nurse'],
  psychiatry: ['doctor', 'psychologist', 'nurse', 'counsellor'],
  maternity: ['midwife', 'midwife', 'doctor'],
  youth: ['midwife', 'counsellor', 'nurse', 'psychologist'],
  physiotherapy: ['physiotherapist', 'physiotherapist', 'occupational-therapist'],
  specialist: ['doctor', 'nurse', 'doctor', 'assistant-nurse'],
};

/**
 * Staff of one unit: one or two receivers (one of them also a caregiver, as at small units), a unit
 * administrator, and caregivers in proportion to the unit's traffic.
 */
function staffAtUnit(seed: number, unit: NationalUnit, firstNumber: number): NationalStaff[] {
  const random = randomFor(seed, STREAM.staff, unit.index);
  const caregivers = Math.min(30, 2 + Math.round(unit.weight * 2));
  const people: Array<{ roles: UnitRole[]; profession: Profession }> = [
    { roles: ['receiver', 'caregiver'], profession: 'nurse' },
    { roles: ['receiver'], profession: 'assistant-nurse' },
    { roles: ['unit-administrator'], profession: 'administrator' },
  ];
  for (let n = 0; n < caregivers; n++) {
    people.push({ roles: ['caregiver'], profession: random.pick(CAREGIVER_PROFESSIONS[unit.kind]) });
  }
  return people.map((person, n) => {
    const number = firstNumber + n;
    return {
      unitIndex: unit.index,
      hsaId: `${regionHsaPrefix(unit.regionCode)}-P${String(number + 1).padStart(6, '0')}`,
      personnummer: staffPersonnummer(number),
      name: { given: random.pick(GIVEN_NAMES), family: random.pick(FAMILY_NAMES) },
      profession: person.profession,
      commissions: [{ unitHsaId: unit.hsaId, roles: person.roles }],
      regionCommissions: [],
    };
  });
}

/**
 * Staff log in with their own personnummer; they are placed far from the citizens' numbers
 * (birth numbers 950–999 of each day), so the two never collide.
 */
export function staffPersonnummer(number: number): string {
  return personnummerForIndex(STAFF_FIRST_INDEX + number);
}
