import type { Kysely } from 'kysely';
import {
  listCitizenNotificationsForErrand,
  listFinishedCitizenDeliveries,
  type NotificationAttemptRow,
} from '../storage/repositories/delivery-status.repository.ts';
import type { DatabaseSchema, OutboxStatus } from '../storage/schema.ts';
import { maskRecipient } from './masking.ts';

// How notifications fared, for the workflow to show: staff on an errand ("the citizen's SMS
// bounced"), citizens in their settings ("your number stopped working"). Callers authorize first.

/**
 * pending: not yet delivered (first attempt or a retry coming); delivered; failed: given up after
 * every attempt (our side or theirs, an operator can retry); bounced: the recipient was refused.
 */
export type NotificationDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'bounced';

export type ErrandNotification = {
  id: string;
  channel: 'email' | 'sms' | 'letter';
  template: string;
  status: NotificationDeliveryStatus;
  /** Masked (`+46*******67`): enough for staff to tell which number, not to learn it. */
  to: string;
  attempts: number;
  createdAt: number;
  lastAttemptAt: number | null;
  deliveredAt: number | null;
};

const STATUS_OF: Record<OutboxStatus, NotificationDeliveryStatus> = {
  pending: 'pending',
  sending: 'pending',
  failed: 'pending',
  sent: 'delivered',
  dead: 'failed',
  bounced: 'bounced',
  // Only login codes expire, and they belong to no errand or contact setting shown here.
  expired: 'failed',
};

/** The citizen's notifications about an errand (not the unit's), newest first. */
export async function getErrandNotificationStatus(
  db: Kysely<DatabaseSchema>,
  errandId: string,
): Promise<ErrandNotification[]> {
  const rows = await listCitizenNotificationsForErrand(db, errandId);
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    template: row.template,
    status: STATUS_OF[row.status],
    to: maskRecipient(row.recipient),
    attempts: row.attempts,
    createdAt: row.created_at,
    lastAttemptAt: row.last_attempt_at,
    deliveredAt: row.delivered_at,
  }));
}

export type StoppedChannel = {
  channel: 'email' | 'sms';
  /** In full: the citizen's own address, for comparing with their current settings. */
  recipient: string;
  /** When the last delivery to it was refused. */
  since: number;
};

/**
 * The citizen's e-mail addresses and numbers whose latest delivery bounced (the provider refused
 * the recipient). A later successful delivery to the same address clears it; our own outages
 * (dead messages) do not count, since the citizen cannot fix them. Pass `current` to keep only
 * the addresses the citizen has set now.
 */
export async function getCitizenStoppedChannels(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  current?: { email?: string | null; mobile?: string | null },
): Promise<StoppedChannel[]> {
  const rows = await listFinishedCitizenDeliveries(db, citizenId, 200);
  const latest = new Map<string, NotificationAttemptRow>();
  for (const row of rows) {
    const key = `${row.channel}\u0000${row.recipient}`;
    if (!latest.has(key)) latest.set(key, row);
  }
  const stopped: StoppedChannel[] = [];
  for (const row of latest.values()) {
    if (row.status !== 'bounced' || row.channel === 'letter') continue;
    if (current && row.recipient !== (row.channel === 'email' ? current.email : current.mobile)) continue;
    stopped.push({ channel: row.channel, recipient: row.recipient, since: row.last_attempt_at ?? row.created_at });
  }
  return stopped;
}
