import personnummerPackage from 'personnummer';

// The package's types declare an ES default export, but Node loads its CommonJS build, whose
// module.exports is the class itself (bundlers pick its ES build and give the class as default).
// TypeScript therefore sees `{ default: class }` where the runtime has the class; take either.
// (The web app type-checks this file with bundler resolution, where the types are the class itself.)
type PersonnummerClass = typeof personnummerPackage extends { default: infer C } ? C : typeof personnummerPackage;
const loaded: unknown = personnummerPackage;

export const Personnummer = (
  typeof loaded === 'function' ? loaded : (loaded as { default: unknown }).default
) as PersonnummerClass;

export type PersonnummerInstance = InstanceType<PersonnummerClass>;

/** Coordination numbers are ours to recognise; interim numbers are refused unless asked for. */
export const STRICT_OPTIONS = { allowCoordinationNumber: true, allowInterimNumber: false };
export const INTERIM_OPTIONS = { allowCoordinationNumber: true, allowInterimNumber: true };

/**
 * Whether a personnummer or coordination number, in any form the package reads, has a real date
 * and the right check digit; interim and reserve numbers are not valid. Unlike parsePersonnummer
 * it needs no reference date and gives no reason: for numbers we make or read from a register.
 */
export function isValidPersonnummer(value: string): boolean {
  return Personnummer.valid(value, STRICT_OPTIONS);
}
