import { randomBytes } from 'node:crypto';
import type { ActorRole } from '@kontakta/domain';
import type { Database } from '../../storage/database.ts';
import {
  deleteCitizenSessionsBeyond,
  deleteSession,
  insertSession,
} from '../../storage/repositories/session.repository.ts';
import type { SessionPolicy } from './session-policy.ts';
import { hashSessionToken, newSessionToken } from './session-tokens.ts';

/**
 * How many sessions a citizen may have at once (phone, computer, a tablet…); a new login ends the
 * oldest beyond it, so a forgotten session on a shared computer does not live on beside new ones.
 */
export const MAX_SESSIONS_PER_CITIZEN = 5;

export type NewSession =
  | { kind: 'citizen'; citizenId: string; loginMethod: 'eid' | 'password-sms' }
  | {
      kind: 'staff';
      hsaId: string;
      unitHsaId: string | null;
      /** A region chosen instead of a unit (regional administration); never both. */
      regionCode?: string | null;
      roles: readonly ActorRole[];
      loginMethod: 'eid';
      /** The event row of the login this session comes from, kept through choices of unit (statistics). */
      loginEventId?: string | null;
    };

/**
 * Creates a session after a successful login and returns its token for the cookie. Any session
 * the browser already had is deleted first: a new id at every login defeats session fixation.
 */
export async function startSession(
  database: Database,
  policy: SessionPolicy,
  now: number,
  session: NewSession,
  previousToken?: string,
): Promise<{ token: string; csrfToken: string }> {
  const token = newSessionToken();
  const csrfToken = randomBytes(32).toString('base64url');
  await database.db.transaction().execute(async (trx) => {
    if (previousToken) await deleteSession(trx, hashSessionToken(previousToken));
    await insertSession(trx, {
      token_hash: hashSessionToken(token),
      kind: session.kind,
      citizen_id: session.kind === 'citizen' ? session.citizenId : null,
      staff_hsa_id: session.kind === 'staff' ? session.hsaId : null,
      unit_hsa_id: session.kind === 'staff' ? session.unitHsaId : null,
      roles: JSON.stringify(session.kind === 'staff' ? session.roles : []),
      login_method: session.loginMethod,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: now + policy.maxMs,
      acting_for_citizen_id: null,
      region_code: session.kind === 'staff' ? (session.regionCode ?? null) : null,
      login_event_id: session.kind === 'staff' ? (session.loginEventId ?? null) : null,
    });
    if (session.kind === 'citizen') await deleteCitizenSessionsBeyond(trx, session.citizenId, MAX_SESSIONS_PER_CITIZEN);
  });
  return { token, csrfToken };
}
