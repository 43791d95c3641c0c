import { CODE_VALID_MS } from '../identity/one-time-code.ts';
import type { OutboxRow } from '../storage/repositories/outbox.repository.ts';

/**
 * When a message stops being of use, or null if it never does. A login code works five minutes
 * from when it was made (the same moment the message was queued); an SMS with it that arrives
 * later only confuses, and sending it again from `kontakta outbox` would not help anyone.
 */
export function messageExpiresAt(row: Pick<OutboxRow, 'template' | 'created_at'>): number | null {
  return row.template === 'login-code' ? row.created_at + CODE_VALID_MS : null;
}
