import { randomUUID } from 'node:crypto';
import type { StaffActor } from '@kontakta/domain';
import { countStaffSecurityEvents, insertSecurityEvent } from '../../storage/repositories/security-event.repository.ts';
import type { Services } from '../services.ts';

/** This many refusals within the window is no longer a mistyped link. */
export const REPEATED_REFUSALS = 5;
export const REFUSAL_WINDOW_MS = 10 * 60_000;

/**
 * A member of staff was refused an errand (404: it does not exist for them). Kept as a security
 * event, never in the citizen's access-log extract (nothing was read). Returns how many this
 * member of staff caused within the window, so the caller can tell repeated refusals (probing
 * errand ids, a stale link list) from a mistyped link.
 */
export async function recordRefusedErrand(
  services: Services,
  actor: StaffActor,
  errandId: string,
  requestId: string,
): Promise<{ recent: number }> {
  const now = services.clock();
  const { db } = services.database;
  await insertSecurityEvent(db, {
    id: randomUUID(),
    at: now,
    kind: 'staff-errand-refused',
    staff_hsa_id: actor.hsaId,
    unit_hsa_id: actor.unitHsaId,
    subject: errandId,
    request_id: requestId,
  });
  return { recent: await countStaffSecurityEvents(db, actor.hsaId, 'staff-errand-refused', now - REFUSAL_WINDOW_MS) };
}
