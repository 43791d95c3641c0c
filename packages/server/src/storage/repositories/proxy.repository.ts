import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ProxyEndReason, ProxyEventTable, ProxyTable } from '../proxy-schema.ts';
import type { DatabaseSchema } from '../schema.ts';

export type ProxyRow = Selectable<ProxyTable>;

/** An active proxy with the child's identity, for lists and checks. */
export type ProxyWithChild = ProxyRow & {
  child_personnummer: string;
  child_given_name: string;
  child_family_name: string;
};

function activeProxies(db: Kysely<DatabaseSchema>) {
  return db
    .selectFrom('proxy')
    .innerJoin('citizen', 'citizen.id', 'proxy.child_citizen_id')
    .selectAll('proxy')
    .select([
      'citizen.personnummer as child_personnummer',
      'citizen.given_name as child_given_name',
      'citizen.family_name as child_family_name',
    ])
    .where('proxy.ended_at', 'is', null);
}

export async function findActiveProxy(
  db: Kysely<DatabaseSchema>,
  guardianId: string,
  childId: string,
): Promise<ProxyWithChild | undefined> {
  return activeProxies(db)
    .where('proxy.guardian_citizen_id', '=', guardianId)
    .where('proxy.child_citizen_id', '=', childId)
    .executeTakeFirst();
}

/** The children a guardian is proxy for now, by name. A guardian has a handful at most. */
export async function listActiveProxiesOfGuardian(
  db: Kysely<DatabaseSchema>,
  guardianId: string,
): Promise<ProxyWithChild[]> {
  return activeProxies(db)
    .where('proxy.guardian_citizen_id', '=', guardianId)
    .orderBy('citizen.given_name')
    .orderBy('proxy.id')
    .limit(50)
    .execute();
}

/** Every active proxy for one child (both guardians may have one), with each guardian's personnummer. */
export async function listActiveProxiesOfChild(
  db: Kysely<DatabaseSchema>,
  childId: string,
): Promise<(ProxyRow & { guardian_personnummer: string })[]> {
  return db
    .selectFrom('proxy')
    .innerJoin('citizen', 'citizen.id', 'proxy.guardian_citizen_id')
    .selectAll('proxy')
    .select('citizen.personnummer as guardian_personnummer')
    .where('proxy.child_citizen_id', '=', childId)
    .where('proxy.ended_at', 'is', null)
    .orderBy('proxy.id')
    .execute();
}

/** Children with an active proxy after `afterChildId`, in id order: the scheduled review's batches. */
export async function listChildrenWithActiveProxies(
  db: Kysely<DatabaseSchema>,
  afterChildId: string,
  limit: number,
): Promise<{ child_citizen_id: string; personnummer: string }[]> {
  return db
    .selectFrom('proxy')
    .innerJoin('citizen', 'citizen.id', 'proxy.child_citizen_id')
    .select(['proxy.child_citizen_id', 'citizen.personnummer'])
    .distinct()
    .where('proxy.ended_at', 'is', null)
    .where('proxy.child_citizen_id', '>', afterChildId)
    .orderBy('proxy.child_citizen_id')
    .limit(limit)
    .execute();
}

export async function insertProxy(
  db: Kysely<DatabaseSchema>,
  guardianId: string,
  childId: string,
  now: number,
  /** The child's municipality now (for the statistics); '' when unknown. */
  municipalityCode = '',
): Promise<ProxyRow> {
  const row: ProxyRow = {
    id: randomUUID(),
    guardian_citizen_id: guardianId,
    child_citizen_id: childId,
    created_at: now,
    ended_at: null,
    end_reason: null,
    municipality_code: municipalityCode,
  };
  await db.insertInto('proxy').values(row).execute();
  return row;
}

/** Ends the proxies given (if still active); returns the ids that this call ended. */
export async function endProxies(
  db: Kysely<DatabaseSchema>,
  proxyIds: readonly string[],
  reason: ProxyEndReason,
  now: number,
): Promise<string[]> {
  if (proxyIds.length === 0) return [];
  const ended = await db
    .updateTable('proxy')
    .set({ ended_at: now, end_reason: reason })
    .where('id', 'in', [...proxyIds])
    .where('ended_at', 'is', null)
    .returning('id')
    .execute();
  return ended.map((row) => row.id);
}

export async function insertProxyEvent(
  db: Kysely<DatabaseSchema>,
  event: { proxyId: string; kind: ProxyEventTable['kind']; reason?: string; at: number },
): Promise<void> {
  await db
    .insertInto('proxy_event')
    .values({ id: randomUUID(), proxy_id: event.proxyId, kind: event.kind, reason: event.reason ?? null, at: event.at })
    .execute();
}

/** Records that a notice went out; false when it already had (the job then sends nothing). */
export async function claimProxyNotice(
  db: Kysely<DatabaseSchema>,
  notice: { childId: string; notice: 'first-notice' | 'reminder'; endDate: string },
  now: number,
): Promise<boolean> {
  const result = await db
    .insertInto('proxy_notice')
    .values({ child_citizen_id: notice.childId, notice: notice.notice, end_date: notice.endDate, sent_at: now })
    .onConflict((oc) => oc.columns(['child_citizen_id', 'notice', 'end_date']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Stops every session that acts for the child (the proxy ended): they fall back to the guardian. */
export async function stopActingFor(db: Kysely<DatabaseSchema>, childId: string, guardianIds: readonly string[]) {
  if (guardianIds.length === 0) return;
  await db
    .updateTable('session')
    .set({ acting_for_citizen_id: null })
    .where('acting_for_citizen_id', '=', childId)
    .where('citizen_id', 'in', [...guardianIds])
    .execute();
}
