// oidc-provider's storage for the development provider: in this process's memory, gone at a
// restart (a login in progress then simply starts again). A real provider is never this one.

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };
type Entry = { payload: Payload; expiresAt: number };

export type DevIdpAdapterFactory = (model: string) => DevIdpAdapter;

export type DevIdpAdapter = {
  upsert(id: string, payload: Payload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<Payload | undefined>;
  findByUid(uid: string): Promise<Payload | undefined>;
  findByUserCode(userCode: string): Promise<Payload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
};

/** One store per provider; entries expire as oidc-provider asks, and the store is capped. */
export function createDevIdpAdapterFactory(maxEntries = 10_000): DevIdpAdapterFactory {
  const store = new Map<string, Entry>();
  const live = (key: string): Entry | undefined => {
    const entry = store.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry;
  };
  return (model) => {
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        if (store.size >= maxEntries) store.delete(store.keys().next().value as string);
        const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
        store.set(key(id), { payload, expiresAt });
      },
      async find(id) {
        return live(key(id))?.payload;
      },
      async findByUid(uid) {
        for (const [k, entry] of store) {
          if (k.startsWith(`${model}:`) && entry.payload.uid === uid && live(k)) return entry.payload;
        }
        return undefined;
      },
      async findByUserCode(userCode) {
        for (const [k, entry] of store) {
          if (k.startsWith(`${model}:`) && entry.payload.userCode === userCode && live(k)) return entry.payload;
        }
        return undefined;
      },
      async consume(id) {
        const entry = live(key(id));
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const [k, entry] of store) if (entry.payload.grantId === grantId) store.delete(k);
      },
    };
  };
}
