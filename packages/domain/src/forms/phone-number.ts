// Citizens write Swedish numbers the way they see them ("070-123 45 67", "08-123 456 78",
// "+46 (0)70 123 45 67"); staff and SMS gateways need one form, E.164 ("+46701234567").

const MAX_INPUT_LENGTH = 32;
const ALLOWED = /^\+?[\d\s()-]+$/;
const SWEDEN = '46';

/** The number in E.164 form, or undefined if it is not a plausible Swedish or international number. */
export function normalizePhoneNumber(input: string): string | undefined {
  const text = input.trim();
  // Length first, so nothing below ever scans a huge string.
  if (text.length === 0 || text.length > MAX_INPUT_LENGTH || !ALLOWED.test(text)) return undefined;
  // "+46 (0)70…": the bracketed trunk zero is a writing convention, not part of the number.
  const compact = text.replace('(0)', '').replace(/[\s()-]/g, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else if (compact.startsWith('0')) digits = SWEDEN + compact.slice(1);
  else return undefined;
  // E.164 allows at most 15 digits including the country code, which never starts with 0.
  if (!/^[1-9]\d{6,14}$/.test(digits)) return undefined;
  if (digits.startsWith(SWEDEN)) {
    // Swedish national numbers without the trunk zero are 7–9 digits (08-123 45 67, 070-123 45 67).
    const national = digits.slice(SWEDEN.length);
    if (!/^[1-9]\d{6,8}$/.test(national)) return undefined;
  }
  return `+${digits}`;
}
