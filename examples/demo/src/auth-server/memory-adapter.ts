import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds after which the entry no longer exists, or `undefined` for no expiry. */
  expiresAtMs: number | undefined;
}

/**
 * Returns an oidc-provider adapter factory that keeps every model in one process-local map.
 *
 * The demo's authorization server lives only as long as the demo, so nothing needs to survive a
 * restart. Passing an adapter also keeps oidc-provider from printing its warning about the
 * built-in development adapter.
 */
export function createMemoryAdapterFactory(): (model: string) => Adapter {
  const entries = new Map<string, Entry>();

  const read = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) {
      return undefined;
    }

    if (entry.expiresAtMs !== undefined && entry.expiresAtMs <= Date.now()) {
      entries.delete(key);
      return undefined;
    }

    return entry.payload;
  };

  return (model: string): Adapter => {
    const key = (id: string): string => `${model}:${id}`;

    return {
      async upsert(id, payload, expiresInSec) {
        const expiresAtMs = expiresInSec === undefined ? undefined : Date.now() + expiresInSec * 1000;
        entries.set(key(id), { payload: { ...payload }, expiresAtMs });
        if (typeof payload.uid === 'string') {
          entries.set(`${model}:uid:${payload.uid}`, { payload: { ref: id }, expiresAtMs });
        }
        if (typeof payload.grantId === 'string') {
          const grantKey = `grant:${payload.grantId}`;
          const ids = (read(grantKey)?.ids as string[] | undefined) ?? [];
          entries.set(grantKey, { payload: { ids: [...ids, key(id)] }, expiresAtMs: undefined });
        }
      },

      async find(id) {
        return read(key(id));
      },

      async findByUid(uid) {
        const ref = read(`${model}:uid:${uid}`)?.ref;
        return typeof ref === 'string' ? read(key(ref)) : undefined;
      },

      async findByUserCode() {
        // The demo enables no device flow, so no model carries a user code.
        return undefined;
      },

      async consume(id) {
        const payload = read(key(id));
        if (payload !== undefined) {
          payload.consumed = Math.floor(Date.now() / 1000);
        }
      },

      async destroy(id) {
        entries.delete(key(id));
      },

      async revokeByGrantId(grantId) {
        const grantKey = `grant:${grantId}`;
        for (const stored of (read(grantKey)?.ids as string[] | undefined) ?? []) {
          entries.delete(stored);
        }
        entries.delete(grantKey);
      },
    };
  };
}
