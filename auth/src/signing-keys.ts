import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export type SigningAlgorithm = 'ES256' | 'RS256';

/** One signing key and its life: published first, then signing, then only verifying until its tokens expire. */
export interface ManagedKey {
  jwk: JWK;
  createdAt: number;
  /** When it started signing; undefined while it is only published (the next key). */
  activatedAt?: number;
  /** When it stopped signing; it stays published until every token it signed has expired. */
  retiredAt?: number;
}

export interface KeyRing {
  keys: ManagedKey[];
}

export interface KeyPolicy {
  algorithm: SigningAlgorithm;
  /** How long a key signs before the next one takes over. */
  rotateAfterMs: number;
  /** The longest a signed token lives (access tokens): how long a retired key stays published. */
  maxTokenLifetimeMs: number;
  /** How long a new key is published before it signs, so every verifier's JWKS cache has it first. */
  publishAheadMs: number;
}

export const DEFAULT_KEY_POLICY: KeyPolicy = {
  algorithm: 'ES256',
  rotateAfterMs: 30 * 24 * 3600_000,
  maxTokenLifetimeMs: 15 * 60_000,
  publishAheadMs: 24 * 3600_000,
};

/**
 * Brings a key ring up to date at `now`: there is always one signing key and one published next key;
 * the next key starts signing only after it has been published for `publishAheadMs` and the signing key
 * is due; a retired key leaves once the tokens it signed have expired. Pure except for key generation.
 */
export async function maintainKeyRing(ring: KeyRing, policy: KeyPolicy, now: number): Promise<{ ring: KeyRing; changed: boolean }> {
  const keys = ring.keys.map((key) => ({ ...key }));
  let changed = false;
  let active = keys.find((key) => key.activatedAt !== undefined && key.retiredAt === undefined);
  if (!active) {
    active = { jwk: await newKey(policy.algorithm), createdAt: now, activatedAt: now };
    keys.push(active);
    changed = true;
  }
  const next = keys.find((key) => key.activatedAt === undefined);
  if (next && now - active.activatedAt! >= policy.rotateAfterMs && now - next.createdAt >= policy.publishAheadMs) {
    active.retiredAt = now;
    next.activatedAt = now;
    changed = true;
  }
  // Always one key waiting in the JWKS, so the next rotation never signs with a key nobody has seen.
  if (!keys.some((key) => key.activatedAt === undefined)) {
    keys.push({ jwk: await newKey(policy.algorithm), createdAt: now });
    changed = true;
  }
  const kept = keys.filter((key) => key.retiredAt === undefined || now - key.retiredAt < policy.maxTokenLifetimeMs);
  if (kept.length !== keys.length) changed = true;
  return { ring: { keys: kept }, changed };
}

/** The provider's JWKS: the signing key first (oidc-provider signs with the first key of an algorithm), then the rest. */
export function providerJwks(ring: KeyRing): { keys: JWK[] } {
  const signing = ring.keys.filter((key) => key.activatedAt !== undefined && key.retiredAt === undefined);
  const others = ring.keys.filter((key) => !signing.includes(key));
  return { keys: [...signing, ...others].map((key) => key.jwk) };
}

/** Key ring persisted to a JSON file (the single-process default: a data directory), written atomically. */
export class FileKeyRingStore {
  constructor(private readonly path: string) {}

  load(): KeyRing {
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as KeyRing;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { keys: [] };
      throw new Error(`cannot read the signing keys at ${this.path}: ${(error as Error).message}`);
    }
  }

  save(ring: KeyRing): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temporary, JSON.stringify(ring, null, 2), { mode: 0o600 });
    renameSync(temporary, this.path);
  }
}

async function newKey(algorithm: SigningAlgorithm): Promise<JWK> {
  const { privateKey } = await generateKeyPair(algorithm, { extractable: true, ...(algorithm === 'RS256' ? { modulusLength: 2048 } : {}) });
  return { ...(await exportJWK(privateKey)), kid: `${algorithm.toLowerCase()}-${randomBytes(8).toString('hex')}`, alg: algorithm, use: 'sig' };
}
