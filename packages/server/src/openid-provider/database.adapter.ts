import type { Database } from '../storage/database.ts';
import {
  deleteOidcPayload,
  deleteOidcPayloadsOfGrant,
  findOidcPayload,
  findOidcPayloadByUid,
  upsertOidcPayload,
} from '../storage/repositories/oidc-payload.repository.ts';

// oidc-provider's storage for Kontakta's provider: the database, so every process of an
// installation sees the same interactions, codes and tokens. Clients are the connected services
// (read through `findClient`, never written by the provider).

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; consumed?: number };

export type ClientMetadata = Record<string, unknown> & { client_id: string };

export function createDatabaseAdapter(
  database: Database,
  clock: () => number,
  findClient: (clientId: string) => Promise<ClientMetadata | undefined>,
) {
  const { db } = database;
  return (model: string) => {
    if (model === 'Client') {
      return {
        find: (id: string) => findClient(id),
        upsert: async () => {},
        findByUid: async () => undefined,
        findByUserCode: async () => undefined,
        consume: async () => {},
        destroy: async () => {},
        revokeByGrantId: async () => {},
      };
    }
    const parse = (row: { payload: string } | undefined) => (row ? (JSON.parse(row.payload) as Payload) : undefined);
    return {
      async upsert(id: string, payload: Payload, expiresIn?: number) {
        await upsertOidcPayload(db, {
          model,
          id,
          payload: JSON.stringify(payload),
          grant_id: typeof payload.grantId === 'string' ? payload.grantId : null,
          uid: typeof payload.uid === 'string' ? payload.uid : null,
          expires_at: typeof expiresIn === 'number' ? clock() + expiresIn * 1000 : null,
        });
      },
      async find(id: string) {
        return parse(await findOidcPayload(db, model, id, clock()));
      },
      async findByUid(uid: string) {
        return parse(await findOidcPayloadByUid(db, model, uid, clock()));
      },
      async findByUserCode() {
        return undefined;
      },
      async consume(id: string) {
        const row = await findOidcPayload(db, model, id, clock());
        if (!row) return;
        const payload = { ...(JSON.parse(row.payload) as Payload), consumed: Math.floor(clock() / 1000) };
        await upsertOidcPayload(db, { ...row, payload: JSON.stringify(payload) });
      },
      async destroy(id: string) {
        await deleteOidcPayload(db, model, id);
      },
      async revokeByGrantId(grantId: string) {
        await deleteOidcPayloadsOfGrant(db, grantId);
      },
    };
  };
}
