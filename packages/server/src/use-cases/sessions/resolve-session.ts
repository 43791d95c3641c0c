import { type Actor, type ActorRole, INSTALLATION_ROLES, REGION_ROLES, STAFF_ROLES } from '@kontakta/domain';
import type { Database } from '../../storage/database.ts';
import { deleteSession, findSession, touchSession } from '../../storage/repositories/session.repository.ts';
import { type SessionPolicy, TOUCH_INTERVAL_MS } from './session-policy.ts';
import { hashSessionToken } from './session-tokens.ts';

export type ResolvedSession = { actor: Actor; csrfToken: string; expiresAt: number; idleExpiresAt: number };

/**
 * Turns a cookie token into the actor behind it, or undefined when the session does not exist,
 * has been idle too long or has reached its absolute end (then it is deleted).
 */
export async function resolveSession(
  database: Database,
  policy: SessionPolicy,
  now: number,
  token: string,
): Promise<ResolvedSession | undefined> {
  const tokenHash = hashSessionToken(token);
  const row = await findSession(database.db, tokenHash);
  if (!row) return undefined;
  database.referenceCache.observe(row.reference_generation);
  if (row.expires_at <= now || row.last_seen_at + policy.idleMs <= now) {
    await deleteSession(database.db, tokenHash);
    return undefined;
  }
  let lastSeen = row.last_seen_at;
  if (now - row.last_seen_at >= TOUCH_INTERVAL_MS) {
    await touchSession(database.db, tokenHash, now);
    lastSeen = now;
  }
  const sessionId = tokenHash.slice(0, 16);
  const actor: Actor | undefined =
    row.kind === 'citizen' && row.citizen_id && row.citizen_personnummer
      ? {
          kind: 'citizen',
          citizenId: row.citizen_id,
          personnummer: row.citizen_personnummer,
          loginMethod: row.login_method === 'password-sms' ? 'password-sms' : 'eid',
          sessionId,
          loggedInAt: row.created_at,
          // Acting for a child only while the proxy is active: an ended one falls back to the guardian.
          ...(row.acting_for_citizen_id && row.acting_for_personnummer
            ? { actingForCitizenId: row.acting_for_citizen_id, actingForPersonnummer: row.acting_for_personnummer }
            : {}),
        }
      : row.kind === 'staff' && row.staff_hsa_id
        ? {
            kind: 'staff',
            hsaId: row.staff_hsa_id,
            unitHsaId: row.unit_hsa_id,
            regionCode: row.region_code,
            roles: parseRoles(row.roles),
            sessionId,
          }
        : undefined;
  if (!actor) return undefined;
  return {
    actor,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    idleExpiresAt: Math.min(row.expires_at, lastSeen + policy.idleMs),
  };
}

const ROLES: readonly string[] = [...STAFF_ROLES, ...REGION_ROLES, ...INSTALLATION_ROLES];

function parseRoles(json: string): ActorRole[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((r): r is ActorRole => ROLES.includes(r)) : [];
}
