import type { Actor, ActorRole, ProxyRefusal, ProxyRules } from '@kontakta/domain';
import type { Person, Registers } from '../../registers/index.ts';
import { installationRolesOf, staffRolesOf } from '../login/log-in-staff.ts';
import { refusalOfProxy } from '../proxies/proxy-parties.ts';

/** How long an answer from the registers is trusted: revoking a commission takes effect within it. */
export const AUTHORITY_CACHE_MS = 30_000;

/**
 * The actor as the registers allow now, or undefined (end the session). A guardian whose proxy no
 * longer holds keeps the session as themselves; `proxyRefusal` says why the proxy must end.
 */
export type Authority = { actor: Actor; proxyRefusal?: ProxyRefusal };
export type AuthorityCheck = (actor: Actor, now: number) => Promise<Authority | undefined>;

/**
 * What the registers say now: present or not (citizens), the roles at the unit (staff), and for a
 * guardian acting for a child both people as the register has them (the age is checked per request).
 */
type Verdict =
  | { present: false }
  | { present: true; roles?: readonly ActorRole[]; proxy?: { guardian: Person; child: Person | undefined } };

/**
 * What a session may do follows the registers, not the login: a member of staff whose commission
 * at the unit was removed from the HSA catalogue, or a citizen who left the population register,
 * loses the session at the next request after the cache window (undefined: end it). Staff get the
 * roles the catalogue gives them at the unit now, so a role taken away stops working too.
 */
export function createAuthorityCheck(
  registers: Registers,
  proxyRules: ProxyRules,
  cacheMs = AUTHORITY_CACHE_MS,
): AuthorityCheck {
  const cache = new Map<string, { until: number; verdict: Promise<Verdict> }>();
  return async (actor, now) => {
    const key =
      actor.kind === 'staff'
        ? `staff:${actor.hsaId}:${actor.unitHsaId ?? ''}:${actor.regionCode ?? ''}`
        : `citizen:${actor.personnummer}:${actor.actingForPersonnummer ?? ''}`;
    let entry = cache.get(key);
    if (!entry || entry.until <= now) {
      if (cache.size >= 10_000) evictExpired(cache, now);
      entry = { until: now + cacheMs, verdict: askRegisters(registers, actor) };
      cache.set(key, entry);
      // A failed lookup is not remembered: the next request asks again.
      entry.verdict.catch(() => cache.delete(key));
    }
    const verdict = await entry.verdict;
    if (!verdict.present) return undefined;
    if (actor.kind === 'staff') return { actor: verdict.roles ? { ...actor, roles: verdict.roles } : actor };
    if (!verdict.proxy) return { actor };
    const proxyRefusal = refusalOfProxy(verdict.proxy.guardian, verdict.proxy.child, new Date(now), proxyRules);
    if (!proxyRefusal) return { actor };
    const { actingForCitizenId: _child, actingForPersonnummer: _number, ...themselves } = actor;
    return { actor: themselves, proxyRefusal };
  };
}

async function askRegisters(registers: Registers, actor: Actor): Promise<Verdict> {
  if (actor.kind === 'citizen') {
    const [guardian, child] = await Promise.all([
      registers.findPerson(actor.personnummer),
      actor.actingForPersonnummer ? registers.findPerson(actor.actingForPersonnummer) : undefined,
    ]);
    if (!guardian) return { present: false };
    return actor.actingForPersonnummer ? { present: true, proxy: { guardian, child } } : { present: true };
  }
  const employee = await registers.findEmployee(actor.hsaId);
  if (!employee) return { present: false };
  // A region session lives on the region commission: taken away, the session ends.
  if (actor.regionCode) {
    return employee.regionCommissions.some((c) => c.regionCode === actor.regionCode)
      ? { present: true, roles: ['region-administrator'] }
      : { present: false };
  }
  // Before a unit is chosen the session can list and choose units (which ask the catalogue
  // themselves) and, with the installation role the catalogue gives now, read every statistic.
  if (actor.unitHsaId === null) return { present: true, roles: installationRolesOf(employee) };
  const commission = employee.commissions.find((c) => c.unitHsaId === actor.unitHsaId);
  const roles = commission ? staffRolesOf(commission) : [];
  return roles.length > 0 ? { present: true, roles } : { present: false };
}

function evictExpired(cache: Map<string, { until: number }>, now: number): void {
  for (const [key, entry] of cache) if (entry.until <= now) cache.delete(key);
}
