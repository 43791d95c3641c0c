import { type ProxyParty, type ProxyRefusal, type ProxyRules, parsePersonnummer, proxyRefusal } from '@kontakta/domain';
import type { Person } from '../../registers/index.ts';

/** A register person as the proxy rules see them; undefined when the number does not parse (never for a register entry). */
export function proxyPartyOf(person: Person, now: Date): ProxyParty | undefined {
  const parsed = parsePersonnummer(person.personnummer, now);
  if (!parsed.ok) return undefined;
  return {
    personnummer: person.personnummer,
    birthDate: parsed.value.birthDate,
    protectedIdentity: person.protectedIdentity,
    deceased: person.deceased === true,
    guardians: person.guardians,
  };
}

/** The domain's proxy rule over what the population register says now. */
export function refusalOfProxy(
  guardian: Person,
  child: Person | undefined,
  now: Date,
  rules: ProxyRules,
): ProxyRefusal | undefined {
  const guardianParty = proxyPartyOf(guardian, now);
  const childParty = child && proxyPartyOf(child, now);
  if (!guardianParty || !childParty) return 'child-not-in-register';
  return proxyRefusal(guardianParty, childParty, now, rules);
}
