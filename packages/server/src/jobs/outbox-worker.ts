import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { BaseLogger } from 'pino';
import { scrubRemoteText } from '../notifications/masking.ts';
import type { Deliver, DeliveryResult, OutgoingMessage } from '../notifications/notification.types.ts';
import { noTelemetry, type Telemetry } from '../observability/telemetry.ts';
import type { OutboxRow } from '../storage/repositories/outbox.repository.ts';
import {
  claimDueOutboxMessages,
  markOutboxMessageSent,
  markOutboxMessageUndelivered,
} from '../storage/repositories/outbox-delivery.repository.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import { recordNotificationOutcome } from '../use-cases/statistics/record-statistics.ts';
import { retryDelayMs } from './backoff.ts';
import { messageExpiresAt } from './message-lifetime.ts';

export type WorkerLogger = Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'>;

export type OutboxWorkerOptions = {
  db: Kysely<DatabaseSchema>;
  deliver: Deliver;
  logger: WorkerLogger;
  /** Attempts before a message is marked dead. */
  maxAttempts: number;
  /** Pause between polls when there was nothing (more) to do. */
  pollMs: number;
  /** Rows claimed per run; they are delivered concurrently. */
  batchSize?: number;
  /** How long a claim holds: longer than any one delivery may take (the channels time out sooner). */
  leaseMs?: number;
  clock?: () => number;
  random?: () => number;
  /** Where each recorded outcome is counted for the operator. */
  telemetry?: Telemetry;
};

export type OutboxRunSummary = {
  claimed: number;
  sent: number;
  retrying: number;
  dead: number;
  bounced: number;
  /** Login codes not delivered within their lifetime: given up, not retried. */
  expired: number;
  /** Outcomes not recorded because another worker had taken the row over (lease ran out). */
  lost: number;
};

export type OutboxWorker = {
  /** Claims one batch of due messages and delivers it. Calls while a run is going share that run. */
  runOnce(): Promise<OutboxRunSummary>;
  /** Polls every `pollMs` (at once again while batches come back full) until `stop`. */
  start(): void;
  /** Stops polling and waits for the run in progress. */
  stop(): Promise<void>;
  /** Runs soon instead of at the next poll, e.g. right after a login code was queued. */
  wake(): void;
};

const DEFAULT_BATCH_SIZE = 20;
const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * Delivers the outbox at least once. Each run claims a batch under a lease (see the repository), so
 * with several processes on PostgreSQL each message goes to one worker; a worker that dies lets
 * its lease run out and another picks the message up. Duplicates are then possible, which is why
 * every channel passes the outbox id for the receiving side to deduplicate on.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, deliver, logger, maxAttempts } = options;
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const telemetry = options.telemetry ?? noTelemetry;
  const workerId = randomUUID();
  let runs = 0;
  let running: Promise<OutboxRunSummary> | undefined;
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;

  async function runBatch(): Promise<OutboxRunSummary> {
    const claimant = `${workerId}/${++runs}`;
    const rows = await claimDueOutboxMessages(db, { claimant, now: clock(), leaseMs, limit: batchSize });
    const summary: OutboxRunSummary = {
      claimed: rows.length,
      sent: 0,
      retrying: 0,
      dead: 0,
      bounced: 0,
      expired: 0,
      lost: 0,
    };
    await Promise.all(rows.map((row) => handle(row, claimant, summary)));
    return summary;
  }

  async function handle(row: OutboxRow, claimant: string, summary: OutboxRunSummary): Promise<void> {
    const expiresAt = messageExpiresAt(row);
    // Worthless by now (it waited through retries or an outage): not sent, nor retried.
    const result =
      expiresAt !== null && expiresAt <= clock()
        ? expired()
        : row.attempts > maxAttempts
          ? interrupted()
          : await attempt(row);
    const log = { outboxId: row.id, channel: row.channel, template: row.template, attempt: row.attempts };
    if (result.outcome === 'sent') {
      const sentAt = clock();
      // A notification about an errand is counted in the statistics with its outcome, in one transaction.
      const recorded = await db.transaction().execute(async (trx) => {
        const marked = await markOutboxMessageSent(trx, row.id, claimant, {
          now: sentAt,
          providerReference: result.reference,
        });
        if (marked)
          await recordNotificationOutcome(
            trx,
            { errandId: row.errand_id, channel: row.channel, status: 'sent' },
            sentAt,
          );
        return marked;
      });
      if (!recorded) return lost(summary, log);
      summary.sent++;
      telemetry.outboxDelivery({ channel: row.channel, outcome: 'sent' });
      logger.debug(log, 'notification delivered');
      return;
    }
    const now = clock();
    const retryAt = now + retryDelayMs(row.attempts, random);
    const status = undeliveredStatus(result, row.attempts, retryAt, expiresAt);
    const nextAttemptAt = status === 'failed' ? retryAt : now;
    const recorded = await db.transaction().execute(async (trx) => {
      const marked = await markOutboxMessageUndelivered(trx, row.id, claimant, {
        status,
        error: result.reason,
        nextAttemptAt,
      });
      if (marked && status !== 'failed') {
        await recordNotificationOutcome(trx, { errandId: row.errand_id, channel: row.channel, status }, now);
      }
      return marked;
    });
    if (!recorded) return lost(summary, log);
    telemetry.outboxDelivery({ channel: row.channel, outcome: status === 'failed' ? 'retrying' : status });
    if (status === 'failed') {
      summary.retrying++;
      logger.warn(
        { ...log, reason: result.reason, retryAt: new Date(nextAttemptAt).toISOString() },
        'notification delivery failed, will retry',
      );
    } else if (status === 'bounced') {
      summary.bounced++;
      logger.warn({ ...log, reason: result.reason }, 'notification bounced: the recipient was refused');
    } else if (status === 'expired') {
      summary.expired++;
      logger.warn({ ...log, reason: result.reason }, 'notification expired before it could be delivered; not retried');
    } else {
      summary.dead++;
      logger.error({ ...log, reason: result.reason }, 'notification is dead; see `kontakta outbox`');
    }
  }

  /** What becomes of a message that was not sent: 'failed' is retried at `retryAt`, the rest are final. */
  function undeliveredStatus(
    result: Exclude<AttemptResult, { outcome: 'sent' }>,
    attempts: number,
    retryAt: number,
    expiresAt: number | null,
  ): 'failed' | 'dead' | 'bounced' | 'expired' {
    if (result.outcome === 'bounced') return 'bounced';
    if (result.outcome === 'undeliverable') return 'dead';
    // A retry after the message's lifetime would deliver nothing of use.
    if (result.outcome === 'expired' || (expiresAt !== null && retryAt >= expiresAt)) return 'expired';
    return attempts >= maxAttempts ? 'dead' : 'failed';
  }

  async function attempt(row: OutboxRow): Promise<DeliveryResult> {
    const message = toOutgoing(row);
    if (!message) return { outcome: 'undeliverable', reason: 'the parameters are not a JSON object' };
    try {
      return await deliver(message);
    } catch (error) {
      // A channel should return a result; a throw is a bug or an outage, worth another try.
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { outcome: 'retry', reason: scrubRemoteText(`unexpected ${detail}`, row.recipient) };
    }
  }

  function lost(summary: OutboxRunSummary, log: Record<string, unknown>): void {
    summary.lost++;
    logger.warn(log, 'notification outcome not recorded: the claim ran out and another worker took over');
  }

  const runOnce = (): Promise<OutboxRunSummary> => {
    running ??= runBatch().finally(() => {
      running = undefined;
    });
    return running;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
    timer.unref();
  };

  async function tick(): Promise<void> {
    timer = undefined;
    let full = false;
    try {
      full = (await runOnce()).claimed >= batchSize;
    } catch (error) {
      // Typically the database is away; claimed rows come back when their lease runs out.
      const { name, code } = error as Error & { code?: unknown };
      logger.error({ err: { type: name, code } }, 'outbox run failed');
    }
    schedule(full ? 0 : options.pollMs);
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
    wake() {
      if (!stopped && timer) schedule(0);
    },
  };
}

/** Not a channel's answer: the worker's own, for a message past its lifetime. */
type AttemptResult = DeliveryResult | { outcome: 'expired'; reason: string };

function expired(): AttemptResult {
  return { outcome: 'expired', reason: 'its lifetime ran out before it could be delivered' };
}

function interrupted(): DeliveryResult {
  return {
    outcome: 'undeliverable',
    reason: 'the last attempt was interrupted (its worker stopped) and none are left',
  };
}

function toOutgoing(row: OutboxRow): OutgoingMessage | null {
  let parameters: unknown;
  try {
    parameters = JSON.parse(row.parameters);
  } catch {
    return null;
  }
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) return null;
  return {
    id: row.id,
    channel: row.channel,
    template: row.template,
    recipient: row.recipient,
    language: row.language === 'en' ? 'en' : 'sv',
    parameters: parameters as Record<string, unknown>,
  };
}
