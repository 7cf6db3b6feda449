import { createHash } from 'node:crypto';

/**
 * Bearer tokens whose signature and claims were checked, so the next request with the same token skips the
 * signature check (an ES256 verification costs about as much as the rest of a call that does no Gauzy work).
 * Keyed by the token's SHA-256, so the cache holds no usable token. An entry lives until the token expires or
 * `maxAgeMs` has passed, whichever is first, so a key the issuer withdraws stops being trusted within that time;
 * the oldest entries go first once `maxEntries` are held.
 */
export class VerifiedTokens<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(private readonly options: { maxEntries: number; maxAgeMs: number; now?: () => number }) {}

  get(token: string): T | undefined {
    const key = keyOf(token);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** `expiresAt`: the token's own expiry (ms since the epoch). */
  set(token: string, value: T, expiresAt: number): void {
    const until = Math.min(expiresAt, this.now() + this.options.maxAgeMs);
    if (until <= this.now()) return;
    const key = keyOf(token);
    this.entries.delete(key);
    this.entries.set(key, { value, until });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}

function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
