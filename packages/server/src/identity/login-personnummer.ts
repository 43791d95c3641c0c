import type { LoginRefusal } from '@kontakta/contract';
import { parsePersonnummer } from '@kontakta/domain';

export type LoginPersonnummer = { ok: true; personnummer: string } | { ok: false; reason: LoginRefusal };

/**
 * The personnummer an identity provider asserted, checked as every login must: present, a
 * real personnummer, and neither a coordination number nor a reserve or interim number.
 */
export function checkLoginPersonnummer(claim: unknown, on: Date): LoginPersonnummer {
  if (typeof claim !== 'string' || claim.trim() === '') return { ok: false, reason: 'no-personnummer' };
  const parsed = parsePersonnummer(claim, on);
  if (!parsed.ok) {
    const temporary = parsed.reason === 'reserve-number' || parsed.reason === 'interim-number';
    return { ok: false, reason: temporary ? 'reserve-number' : 'invalid-personnummer' };
  }
  if (parsed.value.kind === 'samordningsnummer') return { ok: false, reason: 'coordination-number' };
  return { ok: true, personnummer: parsed.value.canonical };
}
