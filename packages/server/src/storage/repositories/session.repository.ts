import type { Insertable, Kysely, Selectable } from 'kysely';
import { precompiledQuery } from '../precompiled-query.ts';
import type { DatabaseSchema, SessionTable } from '../schema.ts';

export type SessionRow = Selectable<SessionTable>;

export async function insertSession(db: Kysely<DatabaseSchema>, row: Insertable<SessionTable>): Promise<void> {
  await db.insertInto('session').values(row).execute();
}

export type FoundSession = SessionRow & {
  citizen_personnummer: string | null;
  /** The child's personnummer while the session acts for a child under a proxy that is still active. */
  acting_for_personnummer: string | null;
  /** How many changes the reference data has seen (see reference-cache.ts); read here so it costs no statement. */
  reference_generation: number;
};

const sessionByTokenHash = precompiledQuery<{ tokenHash: string }, FoundSession>((db, a) =>
  db
    .selectFrom('session')
    .leftJoin('citizen', 'citizen.id', 'session.citizen_id')
    .leftJoin('proxy', (join) =>
      join
        .onRef('proxy.guardian_citizen_id', '=', 'session.citizen_id')
        .onRef('proxy.child_citizen_id', '=', 'session.acting_for_citizen_id')
        .on('proxy.ended_at', 'is', null),
    )
    .leftJoin('citizen as child', 'child.id', 'proxy.child_citizen_id')
    .selectAll('session')
    .select(['citizen.personnummer as citizen_personnummer', 'child.personnummer as acting_for_personnummer'])
    .select((eb) =>
      eb
        .selectFrom('reference_generation')
        .select('value')
        .where('id', '=', 1)
        .$castTo<number>()
        .as('reference_generation'),
    )
    .where('session.token_hash', '=', a.tokenHash)
    .$castTo<FoundSession>(),
);

/**
 * A session with its citizen's personnummer (null for staff, or when the citizen is gone) and, while
 * acting for a child, the child's, but only as long as the proxy is active: one query per request,
 * built once (it runs on every request).
 */
export async function findSession(db: Kysely<DatabaseSchema>, tokenHash: string): Promise<FoundSession | undefined> {
  return (await sessionByTokenHash(db, { tokenHash }))[0];
}

export async function touchSession(db: Kysely<DatabaseSchema>, tokenHash: string, now: number): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Kysely<DatabaseSchema>, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Removes sessions past their absolute end or idle longer than `idleMs`; returns how many. */
export async function deleteExpiredSessions(db: Kysely<DatabaseSchema>, now: number, idleMs: number): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - idleMs)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Keeps a citizen's `keep` newest sessions and deletes the older ones; returns how many went. */
export async function deleteCitizenSessionsBeyond(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  keep: number,
): Promise<number> {
  const older = await db
    .selectFrom('session')
    .select('token_hash')
    .where('citizen_id', '=', citizenId)
    .orderBy('created_at', 'desc')
    .orderBy('token_hash')
    .offset(keep)
    .limit(1000)
    .execute();
  if (older.length === 0) return 0;
  await db
    .deleteFrom('session')
    .where(
      'token_hash',
      'in',
      older.map((row) => row.token_hash),
    )
    .execute();
  return older.length;
}

/** Ends every other session of the same person (citizen or staff); returns how many. */
export async function deleteOtherSessions(
  db: Kysely<DatabaseSchema>,
  owner: { citizenId: string } | { staffHsaId: string },
  keepTokenHash: string,
): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where((eb) =>
      'citizenId' in owner ? eb('citizen_id', '=', owner.citizenId) : eb('staff_hsa_id', '=', owner.staffHsaId),
    )
    .where('token_hash', '!=', keepTokenHash)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
