import type { Insertable, Kysely, Selectable } from 'kysely';
import { precompiledInsert } from '../precompiled-query.ts';
import { newRowId } from '../row-id.ts';
import type { DatabaseSchema, OutboxTable } from '../schema.ts';

export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxMessage = Pick<
  Insertable<OutboxTable>,
  'channel' | 'template' | 'recipient' | 'language' | 'citizen_id' | 'errand_id'
> & { parameters?: Record<string, string | number | boolean> };

// Every send queues one (issue 20: compiled once, not per request).
const insertOutboxRow = precompiledInsert('outbox');

/** Queues a message; call it with the transaction of the change the message announces. */
export async function enqueueOutboxMessage(
  db: Kysely<DatabaseSchema>,
  message: NewOutboxMessage,
  now: number,
): Promise<string> {
  const id = newRowId();
  await insertOutboxRow(db, {
    id,
    channel: message.channel,
    template: message.template,
    recipient: message.recipient,
    language: message.language,
    parameters: JSON.stringify(message.parameters ?? {}),
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
    created_at: now,
    delivered_at: null,
    citizen_id: message.citizen_id ?? null,
    errand_id: message.errand_id ?? null,
  });
  return id;
}
