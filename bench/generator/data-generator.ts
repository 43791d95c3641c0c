import { randomBytes, randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { FormDefinition } from '@kontakta/domain';
import { type Insertable, sql } from 'kysely';
import type { Dialect } from '../../packages/server/src/storage/database.ts';
import { migrateToLatest } from '../../packages/server/src/storage/migrator.ts';
import type { CitizenContactTable, CitizenTable } from '../../packages/server/src/storage/schema.ts';
import { offerDefaultErrandTypes } from '../../packages/server/src/use-cases/errand-types/offer-default-errand-types.ts';
import { syncOrganisation } from '../../packages/server/src/use-cases/organisation/sync-organisation.ts';
import { AccessLogWriter } from './access-log-writer.ts';
import { type BenchMeta, diskUsage, type GenerationStats, openDataset, writeMeta } from './bench-dataset.ts';
import type { BenchPostgres } from './bench-postgres.ts';
import { insertRows } from './bulk-rows.ts';
import { type BatchContext, type ErrandBatch, errandBatchMaker } from './errand-batches.ts';
import type { ErrandForms } from './errand-lifecycle.ts';
import { buildNationalOrganisation, INHABITANTS_PER_UNIT, type NationalOrganisation } from './national-organisation.ts';
import { MAX_CITIZENS } from './national-personnummer.ts';
import { errandCountFor, nationalCitizen } from './national-population.ts';
import { nationalRegisters } from './national-register.adapter.ts';
import { cumulativeOf, pickWeighted, randomFor, STREAM } from './seeded-mix.ts';

const DAY = 86_400_000;
export const DEFAULT_SEED = 20_261_122;

/** When in the day errands are sent: mornings and evenings, little at night. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.4, 1, 3, 6, 9, 9, 8, 7, 7, 7, 6, 6, 6, 6, 7, 8, 8, 6, 4, 2];

export type GenerateOptions = {
  errands: number;
  dialect: Dialect;
  dir: string;
  seed?: number;
  /** Fewer, larger units for quick tests; the national 4000 by default. */
  inhabitantsPerUnit?: number;
  /** Errands per transaction. */
  batchSize?: number;
  /** Make the rows in a worker thread while the main thread writes (default); off for tests. */
  workers?: boolean;
  /** Reuse a running PostgreSQL (tests); otherwise the data set's own is started and stopped. */
  postgres?: BenchPostgres;
  log?: (line: string) => void;
};

export async function generateDataset(options: GenerateOptions): Promise<BenchMeta> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const log = options.log ?? (() => {});
  const total = options.errands;
  const batchSize = options.batchSize ?? 1000;
  const now = Date.now();
  const masterKey = `bench:${randomBytes(32).toString('base64')}`;

  const opened = await openDataset(options.dir, options.dialect, {
    fresh: true,
    // One connection, so the session setting below holds for every statement.
    poolSize: 1,
    ...(options.postgres ? { postgres: options.postgres } : {}),
  });
  const { database } = opened;
  const { db } = database;
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => {
    rows[table] = (rows[table] ?? 0) + n;
  };
  try {
    await migrateToLatest(db);
    // This connection only: a large page cache (the indexes of a million errands are written in
    // random key order) and no fsync per batch. A crash mid-way leaves a data set to throw away,
    // not a lost errand; the finished data set is synced once at the end. The server opens it with
    // its own settings (WAL, synchronous=FULL; fsync and synchronous_commit on) as always.
    if (options.dialect === 'sqlite') {
      await sql`PRAGMA cache_size = -4000000`.execute(db);
      // Index pages read through memory mapping rather than a system call each, once the file
      // outgrows the page cache (a million errands make about 11 GB).
      await sql`PRAGMA mmap_size = 34359738368`.execute(db);
      await sql`PRAGMA synchronous = OFF`.execute(db);
    } else {
      await sql`SET synchronous_commit = off`.execute(db);
    }

    const inhabitantsPerUnit = options.inhabitantsPerUnit ?? INHABITANTS_PER_UNIT;
    const organisation = buildNationalOrganisation(seed, inhabitantsPerUnit);
    const plan = planErrands(seed, total, organisation, now);
    log(
      `${organisation.units.length} units, ${organisation.staff.length} staff, ${plan.citizens} citizens, ${total} errands`,
    );
    const registers = nationalRegisters(seed, plan.citizens, organisation);

    // The organisation goes in as the server's own seeding does it.
    await syncOrganisation(database, registers, now);
    log(`regions and units mirrored in ${seconds(started)} s`);
    await offerDefaultErrandTypes(
      database,
      organisation.units.map((u) => ({
        hsaId: u.hsaId,
        // Every type offered everywhere, whatever the unit's kind: the load sends types at random.
        kind: 'primary-care',
        notificationEmail: `inkorg.${u.hsaId.toLowerCase()}@region.example`,
      })),
      now,
    );
    count('care_unit', organisation.units.length);
    log(`default errand types offered at every unit in ${seconds(started)} s`);
    await db.transaction().execute(async (trx) => {
      await insertRows(
        trx,
        'staff_member',
        organisation.staff.map((s) => ({
          hsa_id: s.hsaId,
          given_name: s.name.given,
          family_name: s.name.family,
          profession: s.profession,
          updated_at: now,
        })),
      );
    });
    count('staff_member', organisation.staff.length);
    const citizenIds = await writeCitizens(options.dialect, opened.database.db, seed, plan, organisation, now, count);
    log(`organisation and ${plan.citizens} citizens written in ${seconds(started)} s`);

    const context: BatchContext = {
      seed,
      inhabitantsPerUnit,
      now,
      masterKey,
      citizenIds,
      owners: plan.owners,
      times: plan.times,
      listedUnit: plan.listedUnit,
      forms: [...(await loadForms(opened.database.db))],
    };
    const batches = batchSource(context, total, batchSize, options.workers ?? true);

    const accessLog = new AccessLogWriter(options.dialect);
    let lastReport = performance.now();
    let waitMs = 0;
    let writeMs = 0;
    const loopStarted = performance.now();
    try {
      for (let first = 0; first < total; first += batchSize) {
        const waitStarted = performance.now();
        const batch = await batches.next();
        const dbStarted = performance.now();
        waitMs += dbStarted - waitStarted;
        accessLog.add(batch.access);
        const watermark = plan.times[batch.end - 1] as number;
        await db.transaction().execute(async (trx) => {
          await insertRows(trx, 'errand', batch.errands.map(withBuffers));
          await insertRows(trx, 'errand_message', batch.messages.map(withBuffers));
          await insertRows(trx, 'errand_event', batch.events);
          await accessLog.flush(trx, watermark);
        });
        writeMs += performance.now() - dbStarted;
        count('errand', batch.errands.length);
        count('errand_message', batch.messages.length);
        count('errand_event', batch.events.length);
        if (performance.now() - lastReport > 10_000 || batch.end === total) {
          lastReport = performance.now();
          const rate = batch.end / ((performance.now() - loopStarted) / 1000);
          log(
            `${batch.end}/${total} errands, ${Math.round(rate)} errands/s, ${accessLog.written} access-log rows, eta ${Math.round((total - batch.end) / rate)} s (waiting for the generator ${Math.round(waitMs / 1000)} s, writing ${Math.round(writeMs / 1000)} s)`,
          );
        }
      }
    } finally {
      await batches.close();
    }
    await db.transaction().execute(async (trx) => {
      await accessLog.flush(trx, Number.POSITIVE_INFINITY);
    });
    count('access_log', accessLog.written);
    const loopSeconds = (performance.now() - loopStarted) / 1000;

    // PostgreSQL's autovacuum would gather statistics within minutes of such a load; do it now.
    // SQLite gets none: Kontakta never runs ANALYZE there, so the benchmark must not either.
    if (options.dialect === 'postgres') {
      await sql`ANALYZE`.execute(db);
      await sql`CHECKPOINT`.execute(db);
    } else {
      await sql`PRAGMA synchronous = FULL`.execute(db);
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    }

    const elapsed = (performance.now() - started) / 1000;
    const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
    const stats: GenerationStats = {
      seconds: Math.round(elapsed),
      errands: total,
      citizens: plan.citizens,
      units: organisation.units.length,
      staff: organisation.staff.length,
      rows,
      rowsPerSecond: Math.round(totalRows / elapsed),
      errandsPerSecond: Math.round(total / elapsed),
      errandLoopSeconds: Math.round(loopSeconds),
      errandLoopPerSecond: Math.round(total / loopSeconds),
      diskBytes: 0,
    };
    const meta: BenchMeta = {
      version: 1,
      dialect: options.dialect,
      seed,
      inhabitantsPerUnit,
      errands: total,
      citizens: plan.citizens,
      masterKey,
      now,
      generatedAt: new Date(now).toISOString(),
      stats,
    };
    await opened.close();
    stats.diskBytes = diskUsage(options.dir);
    writeMeta(options.dir, meta);
    return meta;
  } catch (error) {
    await opened.close();
    throw error;
  }
}

type ErrandPlan = {
  citizens: number;
  /** Citizen number of each errand, in the order errands are sent. */
  owners: Int32Array;
  /** When each errand is sent, ascending. */
  times: Float64Array;
  /** Each citizen's primary-care unit (index into the organisation's units). */
  listedUnit: Int32Array;
};

/**
 * Who sends which errand when: each citizen's count from the skewed distribution, the errands
 * shuffled over two years (a little more in the second year: use grows) and sorted by time.
 */
function planErrands(seed: number, total: number, organisation: NationalOrganisation, now: number): ErrandPlan {
  const counts: number[] = [];
  let sum = 0;
  while (sum < total) {
    const n = Math.min(errandCountFor(seed, counts.length, total), total - sum);
    counts.push(n);
    sum += n;
  }
  if (counts.length > MAX_CITIZENS) throw new Error('more citizens than the numbering holds');
  const owners = new Int32Array(total);
  let k = 0;
  for (const [citizen, n] of counts.entries()) for (let i = 0; i < n; i++) owners[k++] = citizen;
  const shuffle = randomFor(seed, STREAM.shuffle, 0);
  for (let i = total - 1; i > 0; i--) {
    const j = shuffle.below(i + 1);
    const swap = owners[i] as number;
    owners[i] = owners[j] as number;
    owners[j] = swap;
  }

  const span = 730 * DAY;
  const growth = 0.4;
  const hours = cumulativeOf(HOUR_WEIGHTS);
  const times = new Float64Array(total);
  for (let i = 0; i < total; i++) {
    const u = shuffle.next();
    // Inverse of the CDF of a density rising linearly by `growth` over the span.
    const x = (-1 + Math.sqrt(1 + 2 * growth * u * (1 + growth / 2))) / growth;
    const day = Math.floor(x * 730);
    const hour = pickWeighted(hours, shuffle);
    const at = now - span + day * DAY + hour * 3_600_000 + shuffle.below(3_600_000);
    times[i] = Math.min(at, now - 60_000);
  }
  times.sort();

  const listedUnit = new Int32Array(counts.length);
  for (let c = 0; c < counts.length; c++) listedUnit[c] = nationalCitizen(seed, c, organisation).listedUnitIndex;
  return { citizens: counts.length, owners, times, listedUnit };
}

async function writeCitizens(
  _dialect: Dialect,
  db: Parameters<typeof insertRows>[0],
  seed: number,
  plan: ErrandPlan,
  organisation: NationalOrganisation,
  now: number,
  count: (table: string, n: number) => void,
): Promise<string[]> {
  const ids: string[] = [];
  const batch = 5000;
  for (let first = 0; first < plan.citizens; first += batch) {
    const citizens: Insertable<CitizenTable>[] = [];
    const contacts: Insertable<CitizenContactTable>[] = [];
    for (let i = first; i < Math.min(plan.citizens, first + batch); i++) {
      const citizen = nationalCitizen(seed, i, organisation);
      const id = randomUUID();
      ids.push(id);
      const since = now - 800 * DAY;
      citizens.push({
        id,
        personnummer: citizen.personnummer,
        given_name: citizen.person.name.given,
        family_name: citizen.person.name.family,
        created_at: since,
        last_login_at: now - DAY,
      });
      if (citizen.email || citizen.mobile) {
        contacts.push({
          citizen_id: id,
          email: citizen.email,
          email_verified_at: citizen.email ? since : null,
          mobile: citizen.mobile,
          mobile_verified_at: citizen.mobile ? since : null,
          language: citizen.language,
          updated_at: since,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      await insertRows(trx, 'citizen', citizens);
      await insertRows(trx, 'citizen_contact', contacts);
    });
    count('citizen', citizens.length);
    count('citizen_contact', contacts.length);
  }
  return ids;
}

/** The current form version of every (unit, type), with the forms parsed once per distinct text. */
async function loadForms(db: Parameters<typeof insertRows>[0]): Promise<Map<string, ErrandForms>> {
  const offered = await db
    .selectFrom('unit_errand_type')
    .innerJoin('form_version', 'form_version.id', 'unit_errand_type.current_version_id')
    .select([
      'unit_errand_type.unit_hsa_id',
      'unit_errand_type.errand_type',
      'unit_errand_type.citizen_may_reply',
      'form_version.id',
      'form_version.definition',
      'form_version.answer_definition',
    ])
    .execute();
  const parsed = new Map<string, FormDefinition>();
  const parse = (text: string) => {
    let definition = parsed.get(text);
    if (!definition) {
      definition = JSON.parse(text) as FormDefinition;
      parsed.set(text, definition);
    }
    return definition;
  };
  return new Map(
    offered.map((row) => [
      `${row.unit_hsa_id}|${row.errand_type}`,
      {
        versionId: row.id,
        definition: parse(row.definition),
        answerDefinition: parse(row.answer_definition),
        citizenMayReply: row.citizen_may_reply === 1,
      },
    ]),
  );
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 1000);
}

/** Batches in order, the next one made while the current one is written. */
function batchSource(context: BatchContext, total: number, batchSize: number, useWorker: boolean) {
  const ranges: Array<[number, number]> = [];
  for (let first = 0; first < total; first += batchSize) ranges.push([first, Math.min(total, first + batchSize)]);
  if (!useWorker) {
    const make = errandBatchMaker(context);
    let index = 0;
    return {
      next: async () => {
        const [first, end] = ranges[index++] as [number, number];
        return make(first, end);
      },
      close: async () => {},
    };
  }
  const worker = new Worker(new URL('./errand-batch.worker.ts', import.meta.url), { workerData: context });
  const pending: Array<{ resolve: (batch: ErrandBatch) => void; reject: (error: Error) => void }> = [];
  let failure: Error | undefined;
  worker.on('message', (batch: ErrandBatch) => pending.shift()?.resolve(batch));
  worker.on('error', (error) => {
    failure = error;
    for (const waiter of pending.splice(0)) waiter.reject(error);
  });
  let requested = 0;
  const request = (): Promise<ErrandBatch> => {
    const range = ranges[requested++];
    if (!range) return Promise.reject(new Error('no more batches'));
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      pending.push({ resolve, reject });
      worker.postMessage({ first: range[0], end: range[1] });
    });
  };
  // Two batches in flight: one being made while the other is written.
  const queue: Array<Promise<ErrandBatch>> = [request()];
  return {
    next: async () => {
      if (requested < ranges.length) queue.push(request());
      return queue.shift() as Promise<ErrandBatch>;
    },
    close: () => worker.terminate().then(() => undefined),
  };
}

/** Rows from the worker carry Uint8Array; the PostgreSQL driver wants Buffer for bytea. */
function withBuffers<T extends { wrapped_key?: Uint8Array; content?: Uint8Array }>(row: T): T {
  const out = { ...row };
  if (out.wrapped_key)
    out.wrapped_key = Buffer.from(out.wrapped_key.buffer, out.wrapped_key.byteOffset, out.wrapped_key.byteLength);
  if (out.content) out.content = Buffer.from(out.content.buffer, out.content.byteOffset, out.content.byteLength);
  return out;
}
