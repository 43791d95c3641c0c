import type { Kysely } from 'kysely';
import { precompiledQuery } from '../precompiled-query.ts';
import type { DatabaseSchema, OutboxChannel, OutboxStatus } from '../schema.ts';
import { literalLimit } from './literal-limit.ts';

// Read-only views of the outbox for telling staff and citizens how notifications fared.

export type NotificationAttemptRow = {
  id: string;
  channel: OutboxChannel;
  template: string;
  recipient: string;
  status: OutboxStatus;
  attempts: number;
  created_at: number;
  last_attempt_at: number | null;
  delivered_at: number | null;
};

const COLUMNS = [
  'id',
  'channel',
  'template',
  'recipient',
  'status',
  'attempts',
  'created_at',
  'last_attempt_at',
  'delivered_at',
] as const;

/** How many of an errand's notifications staff are shown: more is history nobody reads. */
export const NOTIFICATIONS_PER_ERRAND = 50;

// Every staff opening of an errand runs this (issue 20: compiled once, not per request).
const citizenNotificationsOf = precompiledQuery<{ errandId: string }, NotificationAttemptRow>((db, a) =>
  db
    .selectFrom('outbox')
    .select(COLUMNS)
    .where('errand_id', '=', a.errandId)
    .where('citizen_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(literalLimit(NOTIFICATIONS_PER_ERRAND)),
);

/** The notifications to citizens about one errand, newest first (outbox_errand_idx). */
export async function listCitizenNotificationsForErrand(
  db: Kysely<DatabaseSchema>,
  errandId: string,
): Promise<NotificationAttemptRow[]> {
  return citizenNotificationsOf(db, { errandId });
}

/**
 * A citizen's most recent finished e-mail and SMS deliveries (sent or bounced), newest first
 * (outbox_citizen_idx). Bounded: only the latest outcome per address matters.
 */
export async function listFinishedCitizenDeliveries(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  limit: number,
): Promise<NotificationAttemptRow[]> {
  return db
    .selectFrom('outbox')
    .select(COLUMNS)
    .where('citizen_id', '=', citizenId)
    .where('channel', 'in', ['email', 'sms'])
    .where('status', 'in', ['sent', 'bounced'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
