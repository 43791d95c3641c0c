import { sql } from 'kysely';
import { countExpiredErrands } from '../../packages/server/src/storage/repositories/retention.repository.ts';
import type { BenchSession } from './bench-session.ts';
import { waitForQuiet } from './child-process.ts';
import {
  type ClosedOptions,
  type Figure,
  type LoadMeasurement,
  measureClosed,
  medianFigure,
  runLoad,
} from './load-runner.ts';
import type { PreparedRequest } from './load-types.ts';
import { explainRetentionQueries, type QueryPlan } from './query-plans.ts';

// Benchmark (i): the citizen inbox while retention deletes a national day's worth of expired
// errands (issue 15, point 7). The generated errands predate retention (no expiry, data keys
// under the master key); the oldest `expire` of them are given an expiry in the past and the rest
// one in the future beyond the notice period, so the run does deletion only (no adoption, no
// notices). Deletion never opens a data key, so the keys need no deletion-epoch key.
// Then the inbox load of (b) is measured as usual ("normal"), and again in consecutive windows
// while the retention job runs inside the server process (SIGUSR2 to bench-server.process.ts:
// the job the scheduler runs every hour, on the server's own connection or pool).

const DAY = 86_400_000;

/** One window of the inbox load during the run; `inside`: the run was still going when it ended. */
export type RetentionWindow = {
  inside: boolean;
  rate: number;
  p50: number;
  p99: number;
  errors: number;
  /** No request was answered in the window (the server was blocked): p50 and p99 are set to its length. */
  unanswered: boolean;
};

export type RetentionResult = {
  /** Errands that had expired when the run started. */
  expired: number;
  /** Errands in the data set that stayed (not expired). */
  kept: number;
  normal: Figure;
  /** The inbox in the windows that lay wholly inside the deletion run (medians; `worstP99` the worst window). */
  during: Figure & { worstP99: number; windows: RetentionWindow[]; partial: boolean };
  deletion: { deleted: number; seconds: number; perSecond: number; result: string; error?: string };
  windowSeconds: number;
  /** The expiry lookup's plan with the errands expired (an index range scan, issue 15 point 7). */
  plans: QueryPlan[];
};

/** The oldest `count` errands (fewer if the data set is small: half of it at most) expire now. */
export async function expireOldestErrands(session: BenchSession, count: number, now: number) {
  const { db } = session.database;
  const total = Number(
    (
      await db
        .selectFrom('errand')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const wanted = Math.max(1, Math.min(count, Math.floor(total / 2)));
  const cutoff = await db
    .selectFrom('errand')
    .select('created_at')
    .orderBy('created_at')
    .offset(wanted - 1)
    .limit(1)
    .executeTakeFirstOrThrow();
  // Past expiry: their sending time (oldest deleted first, as in production). The rest: two years
  // after sending, and never inside the notice period (the run would send notices).
  const noticeEnd = now + (session.config.retention.noticeDays + 2) * DAY;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('errand')
      .set({ expires_at: sql<number>`created_at` })
      .where('expires_at', 'is', null)
      .where('created_at', '<=', cutoff.created_at)
      .execute();
    await trx
      .updateTable('errand')
      .set({ expires_at: sql<number>`created_at + ${730 * DAY}` })
      .where('expires_at', 'is', null)
      .execute();
    await trx
      .updateTable('errand')
      .set({ expires_at: noticeEnd })
      .where('expires_at', '>', now)
      .where('expires_at', '<', noticeEnd)
      .execute();
  });
  // PostgreSQL's autovacuum would tidy up after rewriting every row and refresh the statistics.
  if (session.dialect === 'postgres') await sql`VACUUM ANALYZE errand`.execute(db);
  else await session.database.checkpoint?.();
  const expired = await countExpiredErrands(db, now);
  return { expired, kept: total - expired };
}

export async function measureInboxDuringRetention(
  session: BenchSession,
  requests: PreparedRequest[],
  options: ClosedOptions & { expire: number; log: (line: string) => void },
): Promise<RetentionResult> {
  const expiredAt = Date.now();
  const { expired, kept } = await expireOldestErrands(session, options.expire, expiredAt);
  const plans = await explainRetentionQueries(session.config.database, expiredAt);
  options.log(`  ${expired} errands expired, ${kept} kept; the inbox without deletion`);
  const normal = await measureClosed(session, session.serverUrl, requests, options);

  await waitForQuiet(60_000);
  options.log(`  the inbox while the retention job deletes ${expired} errands in the server process`);
  const number = session.server.output().filter((line) => line.startsWith('retention-')).length + 1;
  const finished = session.server.waitFor(`retention-${number} `, 3 * 3_600_000);
  let running = true;
  void finished.then(
    () => {
      running = false;
    },
    () => {
      running = false;
    },
  );
  session.server.process.kill('SIGUSR2');
  // Windows of the same load, one after another, until the run ends; a window counts when the run
  // was still going at its end. With a short run (--quick) the first window may outlast it.
  const windowSeconds = Math.min(options.seconds, 10);
  const windows: Array<{ measurement: LoadMeasurement; inside: boolean }> = [];
  while (running) {
    const measurement = await runLoad(session, {
      kind: 'closed',
      url: session.serverUrl,
      connections: options.connections,
      seconds: windowSeconds,
      requests,
    });
    windows.push({ measurement, inside: running });
  }
  const line = await finished;
  const outcome = JSON.parse(line.slice(line.indexOf(' ') + 1)) as {
    result: string;
    counts?: { deleted?: number };
    error?: string;
    seconds: number;
  };
  const deleted = outcome.counts?.deleted ?? 0;
  // A window in which nothing was answered has no latencies; its requests waited at least as long as it lasted.
  for (const { measurement } of windows) {
    for (const s of measurement.streams) {
      if (s.count === 0) Object.assign(s, { p50: windowSeconds * 1000, p99: windowSeconds * 1000 });
    }
  }
  const inside = windows.filter((w) => w.inside).map((w) => w.measurement);
  const counted = inside.length > 0 ? inside : windows.map((w) => w.measurement);
  const stream = (m: LoadMeasurement) => m.streams[0];
  return {
    expired,
    kept,
    normal,
    during: {
      ...medianFigure(counted),
      worstP99: Math.max(...counted.map((m) => stream(m)?.p99 ?? 0)),
      partial: inside.length === 0,
      windows: windows.map(({ measurement, inside: within }) => ({
        inside: within,
        rate: stream(measurement)?.rate ?? 0,
        p50: stream(measurement)?.p50 ?? 0,
        p99: stream(measurement)?.p99 ?? 0,
        errors: stream(measurement)?.errors ?? 0,
        unanswered: (stream(measurement)?.count ?? 0) === 0,
      })),
    },
    deletion: {
      deleted,
      seconds: outcome.seconds,
      perSecond: deleted / Math.max(outcome.seconds, 0.001),
      result: outcome.result,
      ...(outcome.error ? { error: outcome.error } : {}),
    },
    windowSeconds,
    plans,
  };
}
