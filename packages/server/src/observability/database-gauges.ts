import fs from 'node:fs/promises';
import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../storage/database.ts';
import { countOutboxBacklog, type OutboxBacklogRow } from '../storage/repositories/outbox-backlog.repository.ts';
import type { OutboxChannel } from '../storage/schema.ts';

// Gauges read from the database when Prometheus scrapes, so they are true for the whole cluster
// (every process sees the same outbox) and cost nothing between scrapes.

const CHANNELS: readonly OutboxChannel[] = ['email', 'sms', 'letter'];
const QUEUED: ReadonlySet<OutboxBacklogRow['status']> = new Set(['pending', 'sending', 'failed']);

/** Registers the outbox gauges, and the pool's (PostgreSQL) or the WAL file's (SQLite). */
export function registerDatabaseGauges(registry: Registry, database: Database, clock: () => number): void {
  const { poolUse, walFile } = database;
  // Before the outbox gauges: a scrape collects in this order, so the pool is read before the
  // scrape's own query asks it for a client (which would show as one waiting).
  if (poolUse) registerPoolGauges(registry, poolUse);
  if (walFile) registerWalGauge(registry, walFile);
  registerOutboxGauges(registry, database, clock);
}

function registerOutboxGauges(registry: Registry, database: Database, clock: () => number): void {
  // prom-client collects all metrics at once; the four gauges share one query per scrape.
  let running: Promise<OutboxBacklogRow[]> | undefined;
  const backlog = () => {
    running ??= countOutboxBacklog(database.db).finally(() => {
      running = undefined;
    });
    return running;
  };
  const gauge = (
    name: string,
    help: string,
    value: (rows: OutboxBacklogRow[], channel: OutboxChannel, now: number) => number,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['channel'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        let rows: OutboxBacklogRow[];
        try {
          rows = await backlog();
        } catch {
          // The database is away: no series rather than a failed scrape (/readyz tells why).
          return;
        }
        const now = clock();
        const channels = new Set([...CHANNELS, ...rows.map((row) => row.channel)]);
        for (const channel of channels) this.set({ channel }, value(rows, channel, now));
      },
    });

  const sum = (rows: OutboxBacklogRow[], channel: OutboxChannel, statuses: ReadonlySet<string>) =>
    rows.filter((r) => r.channel === channel && statuses.has(r.status)).reduce((n, r) => n + r.messages, 0);

  gauge(
    'kontakta_outbox_queued_messages',
    'Outbox messages waiting for delivery (pending, being sent, or failed and due again) by channel',
    (rows, channel) => sum(rows, channel, QUEUED),
  );
  gauge(
    'kontakta_outbox_oldest_queued_age_seconds',
    'Age of the oldest outbox message still waiting for delivery, by channel (0 when none waits)',
    (rows, channel, now) => {
      const oldest = Math.min(
        ...rows.filter((r) => r.channel === channel && QUEUED.has(r.status)).map((r) => r.oldestCreatedAt),
      );
      return Number.isFinite(oldest) ? Math.max(0, (now - oldest) / 1000) : 0;
    },
  );
  gauge(
    'kontakta_outbox_dead_messages',
    'Outbox messages given up on, by channel; list and retry them with `kontakta outbox`',
    (rows, channel) => sum(rows, channel, new Set(['dead'])),
  );
  gauge(
    'kontakta_outbox_bounced_messages',
    'Outbox messages whose recipient was refused (wrong number or address), by channel',
    (rows, channel) => sum(rows, channel, new Set(['bounced'])),
  );
}

function registerPoolGauges(registry: Registry, poolUse: NonNullable<Database['poolUse']>): void {
  const gauge = (name: string, help: string, value: (use: ReturnType<typeof poolUse>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(value(poolUse()));
      },
    });
  gauge('kontakta_postgres_pool_clients', 'PostgreSQL connections the pool holds (busy and idle)', (u) => u.total);
  gauge('kontakta_postgres_pool_idle_clients', 'PostgreSQL connections in the pool not in use', (u) => u.idle);
  gauge(
    'kontakta_postgres_pool_waiting_clients',
    'Queries waiting for a PostgreSQL connection because every one is busy',
    (u) => u.waiting,
  );
  gauge('kontakta_postgres_pool_max_clients', 'The pool size (KONTAKTA_DATABASE_POOL_SIZE)', (u) => u.max);
}

function registerWalGauge(registry: Registry, walFile: string): void {
  new Gauge({
    name: 'kontakta_sqlite_wal_bytes',
    help: "Size of SQLite's write-ahead log; it grows when checkpoints cannot keep up (long readers)",
    registers: [registry],
    async collect() {
      try {
        this.set((await fs.stat(walFile)).size);
      } catch (error) {
        // No WAL file: nothing written since the last checkpoint removed it.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') this.set(0);
        else this.reset();
      }
    },
  });
}
