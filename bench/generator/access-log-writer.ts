import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../packages/server/src/storage/database.ts';
import {
  type AccessLogRow,
  lockAccessLogHead,
} from '../../packages/server/src/storage/repositories/access-log.repository.ts';
import type { DatabaseSchema } from '../../packages/server/src/storage/schema.ts';
import { entryHash, genesisHash } from '../../packages/server/src/use-cases/access-log/access-log-chain.ts';
import { insertRows } from './bulk-rows.ts';
import type { AccessEntry } from './errand-lifecycle.ts';

/**
 * The access log as the server writes it, one hash chain per unit, in the order the accesses
 * happened. Errands are generated in the order they were sent but their accesses spread over the
 * following days, so entries wait in a heap until no later-generated errand can have an earlier
 * access (the watermark), and are then chained in time order.
 */
export class AccessLogWriter {
  readonly #heap: AccessEntry[] = [];
  readonly #heads = new Map<string, { position: number; hash: string }>();
  readonly #dialect: Dialect;
  written = 0;

  constructor(dialect: Dialect) {
    this.#dialect = dialect;
  }

  get pending(): number {
    return this.#heap.length;
  }

  add(entries: readonly AccessEntry[]): void {
    for (const entry of entries) this.#push(entry);
  }

  /** Writes every entry at or before `watermark`, in time order, inside the caller's transaction. */
  async flush(trx: Kysely<DatabaseSchema>, watermark: number): Promise<number> {
    const rows: AccessLogRow[] = [];
    while (this.#heap.length > 0 && (this.#heap[0]?.at ?? Number.POSITIVE_INFINITY) <= watermark) {
      const entry = this.#pop();
      const head = await this.#head(trx, entry.unitHsaId);
      const row = {
        id: randomUUID(),
        unit_hsa_id: entry.unitHsaId,
        position: head.position + 1,
        errand_id: entry.errandId,
        citizen_id: entry.citizenId,
        staff_hsa_id: entry.staffHsaId,
        role: entry.role,
        action: entry.action,
        at: entry.at,
        previous_hash: head.hash,
      };
      const hash = entryHash(row);
      rows.push({ ...row, hash });
      head.position = row.position;
      head.hash = hash;
    }
    // The heads follow the rows by trigger, in the same transaction, as when the server appends.
    await insertRows(trx, 'access_log', rows);
    this.written += rows.length;
    return rows.length;
  }

  async #head(trx: Kysely<DatabaseSchema>, unitHsaId: string) {
    let head = this.#heads.get(unitHsaId);
    if (!head) {
      head = { ...(await lockAccessLogHead(trx, this.#dialect, unitHsaId, genesisHash(unitHsaId))) };
      this.#heads.set(unitHsaId, head);
    }
    return head;
  }

  #push(entry: AccessEntry): void {
    const heap = this.#heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as AccessEntry).at <= entry.at) break;
      heap[i] = heap[parent] as AccessEntry;
      i = parent;
    }
    heap[i] = entry;
  }

  #pop(): AccessEntry {
    const heap = this.#heap;
    const top = heap[0] as AccessEntry;
    const last = heap.pop() as AccessEntry;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child =
          right < heap.length && (heap[right] as AccessEntry).at < (heap[left] as AccessEntry).at ? right : left;
        if ((heap[child] as AccessEntry).at >= last.at) break;
        heap[i] = heap[child] as AccessEntry;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
