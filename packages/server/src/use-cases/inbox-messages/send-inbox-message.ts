import type { Kysely } from 'kysely';
import { insertInboxMessage } from '../../storage/repositories/inbox-message.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { notifyCitizen } from '../errands/notify-citizen.ts';
import type { InboxMessageTemplate, InboxMessageValues } from './inbox-message-texts.ts';

/**
 * Puts a message from the service in a citizen's inbox and notifies them as for an answer
 * (content-free, to their verified addresses), in the caller's transaction.
 */
export async function sendInboxMessage(
  db: Kysely<DatabaseSchema>,
  message: {
    citizenId: string;
    template: InboxMessageTemplate;
    aboutCitizenId?: string;
    /** The unit the message is about or from, if any. */
    unitHsaId?: string;
    values: InboxMessageValues;
    now: number;
  },
): Promise<string> {
  const id = await insertInboxMessage(db, {
    citizen_id: message.citizenId,
    template: message.template,
    about_citizen_id: message.aboutCitizenId ?? null,
    unit_hsa_id: message.unitHsaId ?? null,
    values: JSON.stringify(message.values),
    created_at: message.now,
  });
  await notifyCitizen(db, message.citizenId, null, 'new-message', message.now);
  return id;
}
