import { parseArgs } from 'node:util';
import type { Config } from '../config/config.ts';
import { maskRecipient } from '../notifications/masking.ts';
import { openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrator.ts';
import type { OutboxRow } from '../storage/repositories/outbox.repository.ts';
import {
  findOutboxMessage,
  listOutboxMessagesByStatus,
  RETRYABLE_STATUSES,
  requeueOutboxMessages,
} from '../storage/repositories/outbox-operations.repository.ts';
import { OUTBOX_USAGE } from './usage.ts';

/** `kontakta outbox`: what did not get through, and sending it again. */
export async function outboxCommand(
  config: Config,
  args: string[],
  out: { write(text: string): unknown } = process.stdout,
  now: () => number = Date.now,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'all-dead': { type: 'boolean' }, limit: { type: 'string' } },
  });
  const [action, id, ...rest] = positionals;
  if (rest.length > 0 || (action !== undefined && action !== 'retry')) {
    throw new Error(`Unknown arguments: ${positionals.join(' ')}\n\nUsage: ${OUTBOX_USAGE}`);
  }
  if (action === 'retry' && (id === undefined) === !values['all-dead']) {
    throw new Error(`Give either an id or --all-dead.\n\nUsage: ${OUTBOX_USAGE}`);
  }
  const limit = Number(values.limit ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new Error('--limit must be 1 to 10000');

  const database = openDatabase(config.database);
  try {
    // As `seed` does: an operator may run this before the server has ever started.
    await migrateToLatest(database.db);
    if (action !== 'retry') {
      const rows = await listOutboxMessagesByStatus(database.db, RETRYABLE_STATUSES, limit);
      out.write(formatUndelivered(rows));
    } else if (id !== undefined) {
      const row = await findOutboxMessage(database.db, id);
      if (!row) throw new Error(`No message with id ${id}.`);
      if (!RETRYABLE_STATUSES.includes(row.status)) {
        throw new Error(`Message ${id} is ${row.status}; only dead, failed or bounced messages can be retried.`);
      }
      await requeueOutboxMessages(database.db, { id }, now());
      out.write(`Message ${id} is queued again.\n`);
    } else {
      const count = await requeueOutboxMessages(database.db, { status: 'dead' }, now());
      out.write(count === 0 ? 'There are no dead messages.\n' : `${count} dead message(s) queued again.\n`);
    }
  } finally {
    await database.close();
  }
}

const COLUMNS = ['id', 'channel', 'template', 'status', 'attempts', 'last attempt (UTC)', 'to', 'last error'] as const;

export function formatUndelivered(rows: readonly OutboxRow[]): string {
  if (rows.length === 0) return 'Every notification has been delivered or is on its way.\n';
  const table = rows.map((row) => [
    row.id,
    row.channel,
    row.template,
    row.status,
    String(row.attempts),
    row.last_attempt_at ? new Date(row.last_attempt_at).toISOString().slice(0, 16).replace('T', ' ') : '-',
    maskRecipient(row.recipient),
    row.last_error ?? '',
  ]);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...table.map((cells) => cells[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${rows.length} message(s) not delivered, newest first:\n\n${[line(COLUMNS), ...table.map(line)].join('\n')}\n`;
}
