import type { Kysely } from 'kysely';
import { enqueueOutboxMessage } from '../../storage/repositories/outbox.repository.ts';
import type { UnitSettingRow } from '../../storage/repositories/unit.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';

/**
 * Step 3 (and a citizen's reply): tells the unit's functional mailbox that something new waits,
 * without a word of content. Units that chose a daily digest get none now; the digest job counts
 * these errands later.
 */
export async function notifyUnitMailbox(
  db: Kysely<DatabaseSchema>,
  setting: UnitSettingRow | undefined,
  errandId: string,
  template: 'errand-received' | 'errand-reply-received',
  now: number,
): Promise<void> {
  if (!setting?.notification_email || setting.mailbox_notifications !== 'each') return;
  await enqueueOutboxMessage(
    db,
    {
      channel: 'email',
      template,
      recipient: setting.notification_email,
      language: 'sv',
      citizen_id: null,
      errand_id: errandId,
    },
    now,
  );
}
