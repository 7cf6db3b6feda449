import type { KeyValueStore } from '@gauzy-mcp/core/state';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { isStateOutage, StateUnavailableError } from '@gauzy-mcp/core/state';

/** Models whose instances carry a grantId and go when the grant is revoked. */
const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'ClientCredentials', 'Client', 'InitialAccessToken', 'RegistrationAccessToken', 'BackchannelAuthenticationRequest']);

/**
 * oidc-provider's storage on the host's shared key-value store (memory, or Redis for several instances):
 * codes, tokens, sessions, interactions, grants and registered clients survive a restart (with Redis) and
 * any instance can continue what another began. Secondary lookups (by uid, user code, grant) are index keys.
 */
export function keyValueAdapter(store: KeyValueStore): new (model: string) => Adapter {
  const kv = outageAware(store);
  return class KeyValueAdapter implements Adapter {
    constructor(readonly model: string) {}

    key(id: string): string {
      return `oidc:${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const ttlMs = expiresIn ? expiresIn * 1000 : undefined;
      await kv.set(this.key(id), JSON.stringify(payload), ttlMs);
      if (payload.grantId && GRANTABLE.has(this.model)) {
        const grantKey = `oidc:grant-index:${payload.grantId}`;
        const members = new Set<string>(JSON.parse((await kv.get(grantKey)) ?? '[]') as string[]);
        members.add(this.key(id));
        await kv.set(grantKey, JSON.stringify([...members]), ttlMs);
      }
      if (payload.userCode) await kv.set(`oidc:user-code:${payload.userCode}`, id, ttlMs);
      if (payload.uid) await kv.set(`oidc:uid:${payload.uid}`, id, ttlMs);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      const stored = await kv.get(this.key(id));
      return stored ? (JSON.parse(stored) as AdapterPayload) : undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = await kv.get(`oidc:user-code:${userCode}`);
      return id ? this.find(id) : undefined;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = await kv.get(`oidc:uid:${uid}`);
      return id ? this.find(id) : undefined;
    }

    async consume(id: string): Promise<void> {
      const stored = await this.find(id);
      if (!stored) return;
      // Keep the remaining lifetime: a consumed code must stay findable (and refused) until it expires.
      const expiresIn = typeof stored.exp === 'number' ? Math.max(1, stored.exp - Math.floor(Date.now() / 1000)) : 0;
      await kv.set(this.key(id), JSON.stringify({ ...stored, consumed: Math.floor(Date.now() / 1000) }), expiresIn ? expiresIn * 1000 : undefined);
    }

    async destroy(id: string): Promise<void> {
      await kv.delete(this.key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      const grantKey = `oidc:grant-index:${grantId}`;
      const members = JSON.parse((await kv.get(grantKey)) ?? '[]') as string[];
      for (const member of members) await kv.delete(member);
      await kv.delete(grantKey);
    }
  };
}

/**
 * The store with its outages named: a store that cannot be reached fails with StateUnavailableError
 * (oidc-provider reports it as a server_error, which the server turns into a 503); any other failure,
 * a Redis reply error included, stays what it was.
 */
function outageAware(kv: KeyValueStore): Pick<KeyValueStore, 'get' | 'set' | 'delete'> {
  const guard = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      throw isStateOutage(error) && !(error instanceof StateUnavailableError) ? new StateUnavailableError(error) : error;
    }
  };
  return {
    get: (key) => guard(() => kv.get(key)),
    set: (key, value, ttlMs) => guard(() => kv.set(key, value, ttlMs)),
    delete: (key) => guard(() => kv.delete(key)),
  };
}
