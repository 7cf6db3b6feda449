import { createHash } from 'node:crypto';
import { StateUnavailableError } from '@gauzy-mcp/core/state';
import type { Redis } from 'ioredis';

/**
 * Slows password guessing on the sign-in page: after `maxFailures` wrong passwords for one email from
 * one address within the window, further attempts are refused until the window passes. Gauzy's own
 * login limits still apply behind it.
 *
 * An attempt is counted before the password goes to Gauzy (`attempt`), not after Gauzy refused it, so
 * guesses sent all at once cannot all pass the check before any is counted. A right password clears the
 * count (`succeeded`); an attempt Gauzy did not judge (unreachable, rate-limited) gives its count back
 * (`undecided`); a wrong one keeps it.
 *
 * With Redis the count is shared by every instance (one atomic script per attempt, keys under the
 * deployment's prefix, the email and address hashed); without it, it is kept in this process.
 */
export interface SignInThrottle {
  /** Seconds to wait, or 0 when this attempt may go ahead (and is then counted as a failure until settled). Rejects with StateUnavailableError when the shared count cannot be reached: the attempt is refused, not let through uncounted. */
  attempt(ip: string, email: string): Promise<number>;
  succeeded(ip: string, email: string): Promise<void>;
  undecided(ip: string, email: string): Promise<void>;
}

export interface SignInThrottleOptions {
  maxFailures?: number;
  windowMs?: number;
  /** Share the count between instances; `prefix` is the deployment's key prefix. */
  redis?: { client: Redis; prefix: string };
}

export const DEFAULT_MAX_FAILURES = 5;
export const DEFAULT_WINDOW_MS = 15 * 60_000;

export function createSignInThrottle(options: SignInThrottleOptions = {}): SignInThrottle {
  const maxFailures = options.maxFailures ?? DEFAULT_MAX_FAILURES;
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  return options.redis ? new RedisSignInThrottle(options.redis.client, options.redis.prefix, maxFailures, windowMs) : new MemorySignInThrottle(maxFailures, windowMs);
}

/** The count kept in this process (one instance, no Redis). */
export class MemorySignInThrottle implements SignInThrottle {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxFailures = DEFAULT_MAX_FAILURES,
    private readonly windowMs = DEFAULT_WINDOW_MS,
  ) {}

  async attempt(ip: string, email: string): Promise<number> {
    const id = identity(ip, email);
    const now = Date.now();
    let entry = this.failures.get(id);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + this.windowMs };
      this.failures.set(id, entry);
    }
    if (entry.count >= this.maxFailures) return Math.max(1, Math.ceil((entry.resetAt - now) / 1000));
    entry.count++;
    if (this.failures.size > 10_000) for (const [stale, value] of this.failures) if (value.resetAt <= now) this.failures.delete(stale);
    return 0;
  }

  async succeeded(ip: string, email: string): Promise<void> {
    this.failures.delete(identity(ip, email));
  }

  async undecided(ip: string, email: string): Promise<void> {
    const entry = this.failures.get(identity(ip, email));
    if (entry && entry.count > 0 && entry.resetAt > Date.now()) entry.count--;
  }
}

/**
 * Counts a new attempt unless the limit is already reached: one fixed window per key, started (PEXPIRE) by
 * its first attempt. Returns [count, milliseconds left in the window, 1 if counted else 0].
 */
const ATTEMPT_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[2]) then
  local left = redis.call('PTTL', KEYS[1])
  if left < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); left = tonumber(ARGV[1]) end
  return {count, left, 0}
end
count = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); left = tonumber(ARGV[1]) end
return {count, left, 1}
`;

/** Gives back one counted attempt, if the window it was counted in is still open. */
const UNDECIDED_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return count
`;

/** The count shared by every instance on one Redis. */
export class RedisSignInThrottle implements SignInThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly maxFailures = DEFAULT_MAX_FAILURES,
    private readonly windowMs = DEFAULT_WINDOW_MS,
  ) {}

  /** The key names neither the email nor the address: both are hashed. */
  key(ip: string, email: string): string {
    return `${this.prefix}auth-sign-in-throttle:${createHash('sha256').update(identity(ip, email)).digest('base64url')}`;
  }

  async attempt(ip: string, email: string): Promise<number> {
    const [, left, counted] = (await this.run(() => this.redis.eval(ATTEMPT_SCRIPT, 1, this.key(ip, email), String(this.windowMs), String(this.maxFailures)))) as [number, number, number];
    return counted === 1 ? 0 : Math.max(1, Math.ceil(left / 1000));
  }

  async succeeded(ip: string, email: string): Promise<void> {
    await this.run(() => this.redis.del(this.key(ip, email)));
  }

  async undecided(ip: string, email: string): Promise<void> {
    await this.run(() => this.redis.eval(UNDECIDED_SCRIPT, 1, this.key(ip, email)));
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new StateUnavailableError(error);
    }
  }
}

const identity = (ip: string, email: string) => `${ip}\u0000${email.trim().toLowerCase()}`;
