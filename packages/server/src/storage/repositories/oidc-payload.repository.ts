import { type Kysely, type Selectable, sql } from 'kysely';
import type { OidcPayloadTable } from '../connected-service-schema.ts';
import type { DatabaseSchema } from '../schema.ts';

// oidc-provider's state for Kontakta's OpenID Provider (interactions, codes, tokens, grants,
// sessions), in the database so that every process of an installation shares it.

export type OidcPayloadRow = Selectable<OidcPayloadTable>;

export async function upsertOidcPayload(db: Kysely<DatabaseSchema>, row: OidcPayloadRow): Promise<void> {
  const { model: _model, id: _id, ...changes } = row;
  await db
    .insertInto('oidc_payload')
    .values(row)
    .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet(changes))
    .execute();
}

/** A live payload (not expired at `now`). */
export async function findOidcPayload(
  db: Kysely<DatabaseSchema>,
  model: string,
  id: string,
  now: number,
): Promise<OidcPayloadRow | undefined> {
  return db
    .selectFrom('oidc_payload')
    .selectAll()
    .where('model', '=', model)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
}

export async function findOidcPayloadByUid(
  db: Kysely<DatabaseSchema>,
  model: string,
  uid: string,
  now: number,
): Promise<OidcPayloadRow | undefined> {
  return db
    .selectFrom('oidc_payload')
    .selectAll()
    .where('uid', '=', uid)
    .where('model', '=', model)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
}

export async function updateOidcPayloadText(
  db: Kysely<DatabaseSchema>,
  model: string,
  id: string,
  payload: string,
): Promise<void> {
  await db.updateTable('oidc_payload').set({ payload }).where('model', '=', model).where('id', '=', id).execute();
}

export async function deleteOidcPayload(db: Kysely<DatabaseSchema>, model: string, id: string): Promise<void> {
  await db.deleteFrom('oidc_payload').where('model', '=', model).where('id', '=', id).execute();
}

export async function deleteOidcPayloadsOfGrant(db: Kysely<DatabaseSchema>, grantId: string): Promise<void> {
  await db.deleteFrom('oidc_payload').where('grant_id', '=', grantId).execute();
}

/**
 * Everything the provider keeps for one account (the pairwise subject a service knows a citizen
 * by): its grants, and the codes and tokens issued under them. A subject names one citizen at one
 * service, so this ends exactly that service's access for that citizen.
 */
export async function deleteOidcPayloadsOfAccount(db: Kysely<DatabaseSchema>, accountId: string): Promise<void> {
  // The payload is the provider's JSON, `"accountId":"..."` as JSON.stringify writes it; the
  // subject is base64url, so `_` is the only LIKE wildcard to escape (and `\` the escape itself).
  const literal = JSON.stringify({ accountId })
    .slice(1, -1)
    .replace(/[\\%_]/g, (c) => `\\${c}`);
  const pattern = `%${literal}%`;
  const grants = await db
    .selectFrom('oidc_payload')
    .select('id')
    .where('model', '=', 'Grant')
    .where(sql<boolean>`payload like ${pattern} escape '\\'`)
    .execute();
  const grantIds = grants.map((grant) => grant.id);
  if (grantIds.length > 0) await db.deleteFrom('oidc_payload').where('grant_id', 'in', grantIds).execute();
  await db.deleteFrom('oidc_payload').where(sql<boolean>`payload like ${pattern} escape '\\'`).execute();
}

/** Removes what has expired; the provider never reads it again. */
export async function deleteExpiredOidcPayloads(db: Kysely<DatabaseSchema>, now: number): Promise<number> {
  const result = await db.deleteFrom('oidc_payload').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
