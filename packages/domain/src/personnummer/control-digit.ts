/**
 * The control digit (Luhn, modulus 10) over the nine digits `YYMMDDNNN` of a personnummer or
 * coordination number. Written out because the `personnummer` package only answers by throwing,
 * and exceptions cost more than the whole parse on paths that run per request; the package stays
 * the oracle in the tests.
 */
export function controlDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const digit = nineDigits.charCodeAt(i) - 48;
    const weighted = i % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return (10 - (sum % 10)) % 10;
}
