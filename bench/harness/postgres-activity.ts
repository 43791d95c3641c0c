import pg from 'pg';

/**
 * What Kontakta's PostgreSQL connections were doing during a benchmark step (issue 20 pt 4):
 * `pg_stat_activity` sampled every SAMPLE_MS on a connection of the harness's own, each busy
 * connection counted once per sample by what it was waiting for. A tail from lock waits shows as
 * "lock", one from the WAL's flush as "WAL and I/O", and one where PostgreSQL waited for the next
 * statement of an open transaction (Kontakta's process being slow to send it) as "waiting for
 * Kontakta".
 */
export type PostgresActivity = {
  samples: number;
  /** Connection-samples per state, as shares of all busy connection-samples. */
  shares: Record<ActivityKind, number>;
  /** The most connections busy (not idle) at once. */
  maxBusy: number;
  /** The longest transaction seen, in ms. */
  longestTransactionMs: number;
};

type ActivityKind = 'running' | 'lock' | 'WAL and I/O' | 'waiting for Kontakta' | 'other';
const KINDS: readonly ActivityKind[] = ['running', 'lock', 'WAL and I/O', 'waiting for Kontakta', 'other'];
const SAMPLE_MS = 20;

export async function samplePostgresActivity(url: string, database: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = new Map<ActivityKind, number>(KINDS.map((kind) => [kind, 0]));
  let samples = 0;
  let maxBusy = 0;
  let longestTransactionMs = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ state: string; type: string | null; event: string | null; xact: number }>(
        `select state, wait_event_type as type, wait_event as event,
           coalesce(extract(epoch from clock_timestamp() - xact_start) * 1000, 0)::float8 as xact
         from pg_stat_activity
         where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid() and state <> 'idle'`,
        [database],
      );
      samples++;
      maxBusy = Math.max(maxBusy, rows.length);
      for (const row of rows) {
        const kind = activityKind(row.state, row.type, row.event);
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
        longestTransactionMs = Math.max(longestTransactionMs, row.xact);
      }
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return {
    async stop(): Promise<PostgresActivity> {
      running = false;
      await loop;
      await client.end();
      const busy = [...counts.values()].reduce((sum, n) => sum + n, 0);
      const shares = Object.fromEntries(
        KINDS.map((kind) => [kind, busy === 0 ? 0 : (counts.get(kind) ?? 0) / busy]),
      ) as Record<ActivityKind, number>;
      return { samples, shares, maxBusy, longestTransactionMs: Math.round(longestTransactionMs) };
    },
  };
}

/** What a connection in `pg_stat_activity` was doing, by its state and wait event. */
export function activityKind(state: string, type: string | null, event: string | null): ActivityKind {
  if (state.startsWith('idle in transaction')) return 'waiting for Kontakta';
  if (type === null || type === 'CPU') return 'running';
  if (type === 'Lock') return 'lock';
  if (type === 'IO' || (type === 'LWLock' && event?.startsWith('WAL'))) return 'WAL and I/O';
  if (type === 'Client' && event === 'ClientRead') return 'waiting for Kontakta';
  return 'other';
}

/** "running 12 %, waiting for Kontakta 70 %, …" for the report, largest first. */
export function describeActivity(activity: PostgresActivity): string {
  const parts = KINDS.map((kind) => [kind, activity.shares[kind]] as const)
    .filter(([, share]) => share >= 0.005)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, share]) => `${kind} ${Math.round(share * 100)} %`);
  return `${parts.join(', ') || 'idle'}; at most ${activity.maxBusy} busy, longest transaction ${activity.longestTransactionMs} ms`;
}
