import type { AdapterPayload, OidcAdapter } from 'oidc-provider';

interface StoredEntry {
  payload: AdapterPayload;
  /** Epoch milliseconds after which the entry is gone, or `Infinity`. */
  expiresAtMs: number;
}

/**
 * Creates an oidc-provider adapter factory whose models share one in-memory store.
 *
 * oidc-provider's own memory adapter is an LRU of 1,000 entries, so a busy test could evict a
 * client assertion's `jti` and let a replay through. This store keeps every entry until its
 * expiry, which keeps replay detection exact for the life of one server. Expiry follows the real
 * clock because oidc-provider computes the lifetimes from the real clock too.
 */
export function createMemoryAdapterFactory(): (model: string) => OidcAdapter {
  const store = new Map<string, StoredEntry>();

  const read = (key: string): AdapterPayload | undefined => {
    const entry = store.get(key);
    if (entry === undefined) {
      return undefined;
    }

    if (entry.expiresAtMs <= Date.now()) {
      store.delete(key);
      return undefined;
    }

    return entry.payload;
  };

  return (model: string): OidcAdapter => {
    const keyOf = (id: string): string => `${model}:${id}`;

    return {
      async upsert(id, payload, expiresInSec) {
        const expiresAtMs = typeof expiresInSec === 'number' ? Date.now() + expiresInSec * 1000 : Infinity;
        store.set(keyOf(id), { payload, expiresAtMs });
      },

      async find(id) {
        return read(keyOf(id));
      },

      async findByUid(uid) {
        for (const key of store.keys()) {
          const payload = key.startsWith(`${model}:`) ? read(key) : undefined;
          if (payload?.uid === uid) {
            return payload;
          }
        }
        return undefined;
      },

      async findByUserCode(userCode) {
        for (const key of store.keys()) {
          const payload = key.startsWith(`${model}:`) ? read(key) : undefined;
          if (payload?.userCode === userCode) {
            return payload;
          }
        }
        return undefined;
      },

      async consume(id) {
        const payload = read(keyOf(id));
        if (payload !== undefined) {
          payload.consumed = Math.floor(Date.now() / 1000);
        }
      },

      async destroy(id) {
        store.delete(keyOf(id));
      },

      async revokeByGrantId(grantId) {
        for (const [key, entry] of store) {
          if (entry.payload.grantId === grantId) {
            store.delete(key);
          }
        }
      },
    };
  };
}
