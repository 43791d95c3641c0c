/**
 * A mobile number as people write it (`070-123 45 67`, `+46 70 123 45 67`, `0046701234567`) in
 * E.164 (`+46701234567`), or undefined when it is not one. Swedish numbers must be mobile (07…).
 */
export function normalizeMobileNumber(written: string): string | undefined {
  const compact = written.replace(/[\s\-().]/g, '');
  let e164: string;
  if (/^07\d{8}$/.test(compact)) e164 = `+46${compact.slice(1)}`;
  else if (compact.startsWith('00')) e164 = `+${compact.slice(2)}`;
  else e164 = compact;
  if (!/^\+[1-9]\d{7,14}$/.test(e164)) return undefined;
  if (e164.startsWith('+46') && !/^\+467\d{8}$/.test(e164)) return undefined;
  return e164;
}

/** Enough for the citizen to recognise their number, too little to learn it: `•••• •• 05`. */
export function maskMobileNumber(e164: string): string {
  return `•••• •• ${e164.slice(-2)}`;
}
