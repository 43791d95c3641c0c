import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { findDevOutboxMessage, listDevOutboxMessages } from '../../storage/repositories/dev-outbox.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';

/** One entry of /dev/outbox.json; browser tests read login codes and notification texts here. */
export type DevOutboxEntry = {
  id: string;
  channel: 'email' | 'sms' | 'letter';
  template: string;
  to: string;
  subject?: string;
  text: string;
  /** ISO 8601, when the development transport received it. */
  createdAt: string;
  /** The outbox status: `sent` once delivered (and for entries whose outbox row is gone). */
  status: string;
  /** Letters only. */
  pdfUrl?: string;
};

const LIMIT = 200;

/** The newest 200 messages the development transport received, newest first. */
export async function listDevOutbox(db: Kysely<DatabaseSchema>): Promise<DevOutboxEntry[]> {
  const rows = await listDevOutboxMessages(db, LIMIT);
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    template: row.template,
    to: row.recipient,
    ...(row.subject !== null ? { subject: row.subject } : {}),
    text: row.text,
    createdAt: new Date(row.stored_at).toISOString(),
    status: row.status ?? 'sent',
    ...(row.channel === 'letter' && row.attachment ? { pdfUrl: `/dev/outbox/${row.id}.pdf` } : {}),
  }));
}

/** A letter's PDF from the print outbox, or null when there is no such letter (any more). */
export async function readDevOutboxLetter(
  db: Kysely<DatabaseSchema>,
  printOutboxDir: string,
  id: string,
): Promise<Buffer | null> {
  const row = await findDevOutboxMessage(db, id);
  if (row?.channel !== 'letter' || !row.attachment) return null;
  // The name is ours, but a file name it must stay.
  return fs.readFile(path.join(printOutboxDir, path.basename(row.attachment))).catch(() => null);
}
