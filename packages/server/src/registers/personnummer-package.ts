import personnummerPackage from 'personnummer';

type PersonnummerClass = typeof personnummerPackage.default;

/**
 * The `personnummer` package's class. Its typings declare an ES default export, but Node loads
 * its CommonJS build, whose `module.exports` is the class itself; accept either shape.
 */
export const Personnummer: PersonnummerClass =
  (personnummerPackage as { default?: PersonnummerClass }).default ??
  (personnummerPackage as unknown as PersonnummerClass);

// Reserve and interim numbers are refused; coordination numbers are real register entries.
const REGISTER_OPTIONS = { allowCoordinationNumber: true, allowInterimNumber: false };

/** Whether a personnummer or coordination number has a real date and the right check digit. */
export function isValidRegisterPersonnummer(value: string): boolean {
  return Personnummer.valid(value, REGISTER_OPTIONS);
}
