import type { ProxyChild } from '@kontakta/contract';
import { type ProxyRules, parsePersonnummer, proxyEndDate } from '@kontakta/domain';

/** How a guardian sees a child they are proxy for. */
export function proxyChildView(
  child: { id: string; personnummer: string; givenName: string; familyName: string },
  rules: ProxyRules,
  now: number,
): ProxyChild {
  const parsed = parsePersonnummer(child.personnummer, new Date(now));
  const birthDate = parsed.ok ? parsed.value.birthDate : `${child.personnummer.slice(0, 4)}-01-01`;
  return {
    childId: child.id,
    name: `${child.givenName} ${child.familyName}`,
    personnummer: parsed.ok ? parsed.value.display : child.personnummer,
    endsOn: proxyEndDate({ birthDate }, rules),
  };
}
