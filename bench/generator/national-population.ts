import type { Person } from '../../packages/server/src/registers/index.ts';
import { FAMILY_NAMES, GIVEN_NAMES, NATIONAL_REGIONS, type NationalOrganisation } from './national-organisation.ts';
import { indexForPersonnummer, personnummerForIndex } from './national-personnummer.ts';
import { pickWeighted, randomFor, STREAM } from './seeded-mix.ts';

// The generated citizens. Everything about citizen number `index` follows from (seed, index):
// where they live, which health centre they are listed at, how many errands they send.

export type NationalCitizen = Readonly<{
  index: number;
  personnummer: string;
  person: Person;
  regionCode: string;
  /** The primary-care unit the citizen is listed at; most of their errands go there. */
  listedUnitIndex: number;
  email: string | null;
  mobile: string | null;
  language: 'sv' | 'en';
}>;

/** A few citizens with many errands at every scale, so a deep page exists and compares across scales. */
export const HEAVY_CITIZENS = 3;
export const HEAVY_CITIZEN_ERRANDS = 200;

export function heavyErrandsFor(totalErrands: number): number {
  return Math.max(1, Math.min(HEAVY_CITIZEN_ERRANDS, Math.floor(totalErrands / 10 / HEAVY_CITIZENS)));
}

/**
 * How many errands citizen `index` sends in the two years: most send one or two, a tenth send
 * over five, one in a hundred sends dozens (a chronic illness, a parent of many children).
 */
export function errandCountFor(seed: number, index: number, totalErrands: number): number {
  if (index < HEAVY_CITIZENS) return heavyErrandsFor(totalErrands);
  const random = randomFor(seed, STREAM.errandCount, index);
  const r = random.next();
  if (r < 0.5) return 1;
  if (r < 0.7) return 2;
  if (r < 0.85) return 3 + random.below(3);
  if (r < 0.95) return 6 + random.below(7);
  if (r < 0.99) return 13 + random.below(28);
  return 41 + random.below(80);
}

export function nationalCitizen(seed: number, index: number, organisation: NationalOrganisation): NationalCitizen {
  const random = randomFor(seed, STREAM.citizen, index);
  const regionIndex = pickWeighted(organisation.regionWeights, random);
  const region = NATIONAL_REGIONS[regionIndex] ?? NATIONAL_REGIONS[0];
  if (!region) throw new Error('no regions');
  const primary = organisation.primaryCareByRegion.get(region.code);
  const listed = primary?.units[pickWeighted(primary.weights, random)];
  if (!listed) throw new Error(`region ${region.code} has no primary care`);
  const personnummer = personnummerForIndex(index);
  const given = random.pick(GIVEN_NAMES);
  const family = random.pick(FAMILY_NAMES);
  const mobile = random.next() < 0.85 ? `+4670${String(1_000_000 + random.below(8_999_999)).slice(0, 7)}` : null;
  const email = random.next() < 0.7 ? `${given}.${family}.${index}@post.example`.toLowerCase().normalize('NFKD') : null;
  const person: Person = {
    personnummer,
    name: { given, family },
    address: {
      street: `${random.pick(['Storgatan', 'Skolgatan', 'Björkvägen', 'Granvägen', 'Ringvägen'])} ${1 + random.below(60)}`,
      postalCode: `${100 + random.below(880)} ${String(random.below(100)).padStart(2, '0')}`,
      city: listed.municipality.name,
    },
    municipality: listed.municipality,
    ...(mobile ? { mobile } : {}),
    guardians: [],
    children: [],
    protectedIdentity: random.next() < 0.002,
    mailForwarding: random.next() < 0.01,
  };
  return {
    index,
    personnummer,
    person,
    regionCode: region.code,
    listedUnitIndex: listed.index,
    email: email?.replace(/[^\x20-\x7e]/g, '') ?? null,
    mobile,
    language: random.next() < 0.95 ? 'sv' : 'en',
  };
}

/** The citizen behind a personnummer, when it is one of the first `citizens` people. */
export function findNationalCitizen(
  seed: number,
  citizens: number,
  personnummer: string,
  organisation: NationalOrganisation,
): NationalCitizen | undefined {
  const index = indexForPersonnummer(personnummer);
  if (index === undefined || index >= citizens) return undefined;
  return nationalCitizen(seed, index, organisation);
}
