import type { Kysely } from 'kysely';
import { findCitizenContact } from '../../storage/repositories/citizen-contact.repository.ts';
import { enqueueOutboxMessage } from '../../storage/repositories/outbox.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';

/**
 * Step 8: tells the citizen that something new waits in Kontakta, by e-mail and/or SMS as they
 * chose (verified addresses only). The message says nothing of the errand itself.
 */
export async function notifyCitizen(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  /** The errand it is about, or null for a message from the service (inbox messages). */
  errandId: string | null,
  template: 'errand-answered' | 'new-message',
  now: number,
): Promise<void> {
  const contact = await findCitizenContact(db, citizenId);
  if (!contact) return;
  const base = { template, language: contact.language, citizen_id: citizenId, errand_id: errandId } as const;
  if (contact.email && contact.email_verified_at !== null) {
    await enqueueOutboxMessage(db, { ...base, channel: 'email', recipient: contact.email }, now);
  }
  if (contact.mobile && contact.mobile_verified_at !== null) {
    await enqueueOutboxMessage(db, { ...base, channel: 'sms', recipient: contact.mobile }, now);
  }
}
