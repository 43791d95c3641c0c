/**
 * Shapes shared by the population register and the HSA catalogue.
 * Both registers are external systems; these types are what Kontakta needs from them, nothing more.
 */

/**
 * A personal identity number in its canonical 12-digit form `YYYYMMDDNNNC`, no separator.
 * Coordination numbers (samordningsnummer, day + 60) use the same form. The 12-digit form is
 * used because the 10-digit form with `-`/`+` depends on the reader's date to tell the century.
 */
export type Personnummer = string;

export type PersonName = Readonly<{
  /** The name the person goes by (tilltalsnamn), or their given names. */
  given: string;
  family: string;
}>;

/** A Swedish municipality (kommun). The code's first two digits are its county (län) code. */
export type Municipality = Readonly<{
  /** Four digits, e.g. `0180` for Stockholm. */
  code: string;
  name: string;
}>;

export type PostalAddress = Readonly<{
  street: string;
  /** Five digits written `123 45`, as on a letter. */
  postalCode: string;
  city: string;
}>;
