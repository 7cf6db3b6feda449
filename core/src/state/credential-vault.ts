import { randomUUID } from 'node:crypto';
import type { GauzyIdentity, GauzyTokens } from '../gauzy/session.js';
import type { KeyValueStore } from './key-value.js';
import type { RecordCipher } from './record-cipher.js';

/** What the vault keeps per user: their Gauzy tokens (never the password) and who they are in Gauzy. */
export interface VaultRecord {
  tokens: GauzyTokens;
  identity: GauzyIdentity;
}

export interface CredentialVaultOptions {
  /** How long a record lives without use (the refresh token's lifetime at most). */
  recordTtlMs?: number;
  /** How long one instance may hold the refresh lock before another may take over. */
  lockTtlMs?: number;
}

/**
 * Users' Gauzy tokens, sealed with AES-256-GCM (bound to the user's subject) in the shared store. Gauzy
 * rotates refresh tokens, so two instances refreshing at once would sign the user out: `refresh` runs
 * the exchange once across all instances, behind a lock, and everyone else reads the result.
 */
export class CredentialVault {
  private readonly recordTtlMs: number;
  private readonly lockTtlMs: number;

  constructor(
    private readonly kv: KeyValueStore,
    private readonly cipher: RecordCipher,
    options: CredentialVaultOptions = {},
  ) {
    this.recordTtlMs = options.recordTtlMs ?? 7 * 24 * 3600 * 1000;
    this.lockTtlMs = options.lockTtlMs ?? 15_000;
  }

  async put(subject: string, record: VaultRecord): Promise<void> {
    await this.kv.set(recordKey(subject), this.cipher.seal(JSON.stringify(record), subject), this.recordTtlMs);
  }

  async get(subject: string): Promise<VaultRecord | undefined> {
    const sealed = await this.kv.get(recordKey(subject));
    const plain = sealed ? this.cipher.open(sealed, subject) : undefined;
    return plain ? (JSON.parse(plain) as VaultRecord) : undefined;
  }

  /** Forgets the user's Gauzy tokens (their grant was revoked). */
  async delete(subject: string): Promise<void> {
    await this.kv.delete(recordKey(subject));
  }

  /**
   * Replaces `stale` with fresh tokens. Whoever takes the lock runs `exchange` and stores the result;
   * the others wait for a record whose token differs from the stale one.
   */
  async refresh(subject: string, stale: VaultRecord, exchange: (record: VaultRecord) => Promise<VaultRecord>): Promise<VaultRecord> {
    const owner = randomUUID();
    const deadline = Date.now() + this.lockTtlMs;
    while (Date.now() < deadline) {
      const current = await this.get(subject);
      if (!current) throw new VaultEmptyError(subject);
      if (current.tokens.token !== stale.tokens.token) return current;
      if (await this.kv.setIfAbsent(lockKey(subject), owner, this.lockTtlMs)) {
        try {
          // Someone may have finished between our read and the lock.
          const latest = (await this.get(subject)) ?? current;
          if (latest.tokens.token !== stale.tokens.token) return latest;
          const fresh = await exchange(latest);
          await this.put(subject, fresh);
          return fresh;
        } finally {
          if ((await this.kv.get(lockKey(subject))) === owner) await this.kv.delete(lockKey(subject));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`timed out waiting for another instance to refresh the Gauzy session of ${subject}`);
  }
}

export class VaultEmptyError extends Error {
  constructor(readonly subject: string) {
    super(`no Gauzy session is stored for ${subject}`);
  }
}

const recordKey = (subject: string) => `vault:${subject}`;
const lockKey = (subject: string) => `vault-lock:${subject}`;
