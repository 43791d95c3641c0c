import type { CalendarDate } from '@kontakta/domain';
import type { CareUnit } from '../hsa-catalogue.ts';
import type { Personnummer } from '../register.types.ts';
import type { PersonRecord } from '../register-file.schema.ts';
import { daysBefore, monthsBefore } from './calendar.ts';
import { MUNICIPALITIES, type MunicipalityKey } from './demo-organisation.ts';
import type { PersonnummerMaker, Sex } from './personnummer-maker.ts';

/** Citizens the demo names by what makes them special; the dev login page lists these. */
export const CITIZEN_PERSONAS = {
  tolvan: 'Tolvan Tolvansson, the well-known test person 19121212-1212 (over 100 years old)',
  guardian: 'Guardian of three children (12 years 8 months, 7 years, 2 years) with a co-guardian',
  coGuardian: 'The other guardian in the same family',
  child12y8m: 'Child exactly 12 years and 8 months old: proxy allowed, no notice yet',
  child12y11m: 'Child exactly 12 years and 11 months old: within three months of turning 13',
  child13: 'Child whose 13th birthday is today (the day before, when today is 29 February): proxy has ended',
  youngChild: 'Child of two years with two guardians',
  protectedGuardian: 'Guardian with protected identity: no proxy',
  protectedChild: 'Child with protected identity, in the same family',
  singleGuardian: 'Sole guardian of two children, no known mobile number',
  mailForwarding: 'Adult whose mail is forwarded: no password letter',
  coordinationNumber: 'Holder of a coordination number (samordningsnummer): cannot log in',
  centenarian: 'Citizen over 100 years old, no known mobile number',
  withoutMobile: 'Adult with no known mobile number',
  adult: 'An ordinary adult with a mobile number',
} as const;
export type CitizenPersonaKey = keyof typeof CITIZEN_PERSONAS;

type Home = Readonly<{ street: string; postalCode: string; city: string; municipality: MunicipalityKey }>;

/** Age on `today`: years, months, days. */
type Age = readonly [years: number, months?: number, days?: number];

type Extra = Readonly<{
  /** Defaults: adults have a known mobile number, children do not. */
  mobile?: boolean;
  protectedIdentity?: boolean;
  mailForwarding?: boolean;
  coordination?: boolean;
  persona?: CitizenPersonaKey;
  /** A fixed, well-known number instead of a made one; `age` is then ignored. */
  personnummer?: Personnummer;
}>;

type Member = readonly [given: string, family: string, sex: Sex, age: Age, extra?: Extra];

/** People at one address; every child has every adult of the household as guardian. */
type Household = Readonly<{ home: Home; adults: readonly Member[]; children?: readonly Member[] }>;

const at = (municipality: MunicipalityKey, street: string, postalCode: string, city: string): Home => ({
  street,
  postalCode,
  city,
  municipality,
});

const HOUSEHOLDS: readonly Household[] = [
  {
    home: at('stockholm', 'Tolvvägen 12', '121 32', 'Johanneshov'),
    adults: [['Tolvan', 'Tolvansson', 'male', [0], { personnummer: '191212121212', persona: 'tolvan' }]],
  },
  {
    home: at('stockholm', 'Skördevägen 7', '123 47', 'Farsta'),
    adults: [
      ['Anna', 'Lindqvist', 'female', [42, 3, 11], { persona: 'guardian' }],
      ['Johan', 'Lindqvist', 'male', [44, 7, 2], { persona: 'coGuardian' }],
    ],
    children: [
      ['Elsa', 'Lindqvist', 'female', [12, 8], { persona: 'child12y8m' }],
      ['Viktor', 'Lindqvist', 'male', [7, 2, 9]],
      ['Maja', 'Lindqvist', 'female', [2, 5, 3], { persona: 'youngChild' }],
    ],
  },
  {
    home: at('uppsala', 'Rågvägen 21', '752 41', 'Uppsala'),
    adults: [
      ['Sara', 'Bergström', 'female', [45, 1, 20]],
      ['Mikael', 'Bergström', 'male', [47, 9, 4]],
    ],
    children: [
      ['Oskar', 'Bergström', 'male', [12, 11], { persona: 'child12y11m', mobile: true }],
      ['Alva', 'Bergström', 'female', [9, 6, 15]],
    ],
  },
  {
    home: at('goteborg', 'Vallmogatan 4', '416 66', 'Göteborg'),
    adults: [
      ['Fatima', 'Haddad', 'female', [41, 4, 8]],
      ['Erik', 'Sandberg', 'male', [43, 0, 17]],
    ],
    children: [
      ['Leo', 'Sandberg', 'male', [13], { persona: 'child13', mobile: true }],
      ['Nora', 'Sandberg', 'female', [5, 1, 6]],
    ],
  },
  {
    home: at('malmo', 'Syrengatan 9', '214 32', 'Malmö'),
    adults: [['Hanna', 'Ek', 'female', [34, 2, 5], { protectedIdentity: true, persona: 'protectedGuardian' }]],
    children: [['Liam', 'Ek', 'male', [8, 3, 1], { protectedIdentity: true, persona: 'protectedChild' }]],
  },
  {
    home: at('linkoping', 'Hagtornsvägen 3', '582 48', 'Linköping'),
    adults: [
      ['Emma', 'Holm', 'female', [31, 6, 2]],
      ['David', 'Holm', 'male', [33, 1, 25]],
    ],
    children: [
      ['Ella', 'Holm', 'female', [0, 4, 10]],
      ['Noah', 'Holm', 'male', [3, 2, 7]],
    ],
  },
  {
    home: at('umea', 'Backsippevägen 15', '903 40', 'Umeå'),
    adults: [['Petra', 'Lundberg', 'female', [39, 10, 3], { mobile: false, persona: 'singleGuardian' }]],
    children: [
      ['Wilma', 'Lundberg', 'female', [11, 0, 21]],
      ['Hugo', 'Lundberg', 'male', [6, 7, 12]],
    ],
  },
  {
    home: at('lund', 'Fläderstigen 6', '224 68', 'Lund'),
    adults: [
      ['Amir', 'Karimi', 'male', [38, 5, 9]],
      ['Leila', 'Karimi', 'female', [36, 8, 30]],
    ],
    children: [
      ['Sami', 'Karimi', 'male', [10, 3, 3]],
      ['Yasmin', 'Karimi', 'female', [1, 1, 14]],
    ],
  },
  {
    home: at('solna', 'Bergsgatan 30', '171 60', 'Solna'),
    adults: [['Ulf', 'Nyberg', 'male', [58, 2, 19], { mailForwarding: true, persona: 'mailForwarding' }]],
  },
  {
    home: at('goteborg', 'Kajgatan 12', '414 51', 'Göteborg'),
    adults: [['Tomasz', 'Kowalski', 'male', [29, 7, 6], { coordination: true, persona: 'coordinationNumber' }]],
  },
  {
    home: at('uppsala', 'Ekbacksvägen 2', '753 10', 'Uppsala'),
    adults: [['Gunhild', 'Ström', 'female', [101, 2, 8], { mobile: false, persona: 'centenarian' }]],
  },
  {
    home: at('stockholm', 'Hökvägen 5', '123 55', 'Farsta'),
    adults: [['Lars', 'Eriksson', 'male', [67, 4, 1], { mobile: false, persona: 'withoutMobile' }]],
  },
  {
    home: at('uppsala', 'Kvarngatan 8', '752 28', 'Uppsala'),
    adults: [['Karl', 'Andersson', 'male', [24, 9, 16], { persona: 'adult' }]],
  },
  { home: at('nacka', 'Ekvägen 17', '131 41', 'Nacka'), adults: [['Birgitta', 'Johansson', 'female', [72, 0, 4]]] },
  { home: at('linkoping', 'Ågatan 33', '582 22', 'Linköping'), adults: [['Ingrid', 'Nilsson', 'female', [55, 5, 22]]] },
  { home: at('malmo', 'Rosengatan 14', '214 45', 'Malmö'), adults: [['Mohammed', 'Ali', 'male', [35, 11, 2]]] },
  { home: at('lund', 'Klostergatan 3', '222 22', 'Lund'), adults: [['Elin', 'Persson', 'female', [27, 3, 28]]] },
  { home: at('goteborg', 'Linnégatan 40', '413 08', 'Göteborg'), adults: [['Sofia', 'Larsson', 'female', [19, 0, 2]]] },
  { home: at('boras', 'Allégatan 21', '503 32', 'Borås'), adults: [['Magnus', 'Olsson', 'male', [50, 6, 13]]] },
  {
    home: at('umea', 'Storgatan 52', '903 26', 'Umeå'),
    adults: [['Kerstin', 'Svensson', 'female', [81, 9, 5], { mobile: false }]],
  },
  {
    home: at('skelleftea', 'Norrvägen 9', '931 40', 'Skellefteå'),
    adults: [['Anders', 'Gustafsson', 'male', [62, 1, 18]]],
  },
  {
    home: at('helsingborg', 'Järnvägsgatan 6', '252 24', 'Helsingborg'),
    adults: [['Maria', 'Pettersson', 'female', [46, 10, 7]]],
  },
  { home: at('norrkoping', 'Skolgatan 11', '602 25', 'Norrköping'), adults: [['Per', 'Jonsson', 'male', [38, 2, 26]]] },
  { home: at('huddinge', 'Sjövägen 4', '141 30', 'Huddinge'), adults: [['Eva', 'Hansson', 'female', [29, 8, 9]]] },
  {
    home: at('enkoping', 'Kyrkogatan 2', '745 30', 'Enköping'),
    adults: [['Nils', 'Axelsson', 'male', [88, 3, 12], { mobile: false }]],
  },
  { home: at('molndal', 'Åbyvägen 19', '431 35', 'Mölndal'), adults: [['Linnea', 'Berg', 'female', [22, 6, 1]]] },
  { home: at('solna', 'Råsundavägen 70', '169 57', 'Solna'), adults: [['Jonas', 'Lindberg', 'male', [33, 4, 20]]] },
];

/**
 * Numbers PTS (the Swedish telecom regulator) reserves for fiction: 070-174 06 05 to
 * 070-174 06 99. No real phone gets a demo SMS.
 */
const FIRST_FICTION_MOBILE = 46701740605;
const LAST_FICTION_MOBILE = 46701740699;

export type DemoPopulation = Readonly<{
  people: PersonRecord[];
  personas: Readonly<Record<CitizenPersonaKey, Personnummer>>;
}>;

/**
 * The demo's citizens; every age is counted back from `today` so the special cases stay true.
 * Everyone is listed at the first health centre (vårdcentral) in their municipality, children too;
 * people in a municipality without one (Huddinge, in the demo) are not listed anywhere.
 */
export function demoPopulation(
  today: CalendarDate,
  personnummer: PersonnummerMaker,
  units: readonly CareUnit[] = [],
): DemoPopulation {
  const healthCentres = new Map<string, string>();
  for (const unit of units) {
    if (unit.kind === 'primary-care' && !healthCentres.has(unit.municipality.code)) {
      healthCentres.set(unit.municipality.code, unit.hsaId);
    }
  }
  const people: PersonRecord[] = [];
  const personas: Partial<Record<CitizenPersonaKey, Personnummer>> = {};
  let nextMobile = FIRST_FICTION_MOBILE;

  const add = (home: Home, member: Member, isChild: boolean, guardians: readonly Personnummer[]): Personnummer => {
    const [given, family, sex, [years, months = 0, days = 0], extra = {}] = member;
    const pnr =
      extra.personnummer === undefined
        ? personnummer.make(daysBefore(monthsBefore(today, years, months), days), sex, {
            coordination: extra.coordination ?? false,
          })
        : personnummer.reserve(extra.personnummer);
    const { municipality, ...address } = home;
    let mobile: string | undefined;
    if (extra.mobile ?? !isChild) {
      if (nextMobile > LAST_FICTION_MOBILE) throw new Error('the fiction number range is used up');
      mobile = `+${nextMobile++}`;
    }
    people.push({
      personnummer: pnr,
      name: { given, family },
      address,
      municipality: MUNICIPALITIES[municipality],
      ...(mobile === undefined ? {} : { mobile }),
      guardians: [...guardians],
      protectedIdentity: extra.protectedIdentity ?? false,
      mailForwarding: extra.mailForwarding ?? false,
      ...listing(healthCentres.get(MUNICIPALITIES[municipality].code)),
    });
    if (extra.persona !== undefined) personas[extra.persona] = pnr;
    return pnr;
  };

  for (const household of HOUSEHOLDS) {
    const guardians = household.adults.map((adult) => add(household.home, adult, false, []));
    for (const child of household.children ?? []) add(household.home, child, true, guardians);
  }
  return { people, personas: complete(personas) };
}

function listing(unitHsaId: string | undefined): { listedUnitHsaId?: string } {
  return unitHsaId === undefined ? {} : { listedUnitHsaId: unitHsaId };
}

function complete(personas: Partial<Record<CitizenPersonaKey, Personnummer>>): Record<CitizenPersonaKey, Personnummer> {
  const missing = Object.keys(CITIZEN_PERSONAS).filter((key) => personas[key as CitizenPersonaKey] === undefined);
  if (missing.length > 0) throw new Error(`demo personas without a person: ${missing.join(', ')}`);
  return personas as Record<CitizenPersonaKey, Personnummer>;
}
