import type { Kysely } from 'kysely';
import { enqueueOutboxMessage } from '../../storage/repositories/outbox.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { confirmedAssignmentEmail } from '../profile/staff-notice-settings.ts';

/**
 * Tells a caregiver who asked for it (on their profile, with a confirmed address) that an errand has been given to them,
 * without a word of content: no unit, no errand type, no citizen. Written in the assignment's
 * transaction, so a refused assignment sends nothing. Nobody is told of what they did themselves.
 */
export async function notifyAssignee(
  db: Kysely<DatabaseSchema>,
  assignedBy: string,
  caregiverHsaId: string,
  errandId: string,
  now: number,
): Promise<void> {
  if (assignedBy === caregiverHsaId) return;
  // Only to an address its owner has confirmed with the code sent to it.
  const email = await confirmedAssignmentEmail(db, caregiverHsaId);
  if (!email) return;
  await enqueueOutboxMessage(
    db,
    {
      channel: 'email',
      template: 'errand-assigned',
      recipient: email,
      language: 'sv',
      citizen_id: null,
      errand_id: errandId,
    },
    now,
  );
}
