/**
 * Small shared values with expiry, and a set-if-absent that serves as a lock across instances. The
 * host keeps it in memory or in Redis; the authorization server writes its grants and the credential
 * vault into the same store, which is why the contract lives here and not in either of them.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** True when this call stored the value (nobody held the key). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
}

/** A {@link KeyValueStore} for one process: expired values read as absent and are dropped by `sweep`. */
export class MemoryKeyValueStore implements KeyValueStore {
  private readonly values = new Map<string, { value: string; expiresAt: number }>();

  async get(key: string): Promise<string | undefined> {
    const entry = this.values.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.values.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.values.set(key, { value, expiresAt: ttlMs ? Date.now() + ttlMs : Infinity });
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if ((await this.get(key)) !== undefined) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  /** Drops expired values (reads already ignore them; this frees their memory). */
  sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.values) if (entry.expiresAt <= now) this.values.delete(key);
  }
}
