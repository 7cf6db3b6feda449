import type { RateCounter } from '../state/index.js';
import { HostHttpError, RPC } from './errors.js';

export interface RateLimitPolicy {
  /** Requests (HTTP requests and WebSocket messages alike) one caller may make per window. */
  max: number;
  windowSeconds: number;
}

/** What one admission decided, and what the caller is told about its budget. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the budget is whole again. */
  resetSeconds: number;
}

/**
 * One budget per caller (the identity key, or the address when anonymous) across every transport: a
 * POST to `/mcp` or `/sse`, a GET stream, a WebSocket upgrade and each message on an open socket all
 * draw from it. The counter is the host's state, so several instances on one Redis share the budget.
 */
export class RateLimiter {
  constructor(
    private readonly counter: RateCounter,
    private readonly policy: RateLimitPolicy,
  ) {}

  async admit(callerKey: string): Promise<RateDecision> {
    const { count, resetMs } = await this.counter.hit(callerKey, this.policy.windowSeconds * 1000);
    return {
      allowed: count <= this.policy.max,
      limit: this.policy.max,
      remaining: Math.max(0, this.policy.max - count),
      resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
    };
  }
}

/**
 * Both header families: the IETF draft's `RateLimit-*` and the `X-RateLimit-*` names the product's users
 * were promised. `Retry-After` only on a refusal.
 */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  const limit = String(decision.limit);
  const remaining = String(decision.remaining);
  const reset = String(decision.resetSeconds);
  return {
    'ratelimit-limit': limit,
    'ratelimit-remaining': remaining,
    'ratelimit-reset': reset,
    'x-ratelimit-limit': limit,
    'x-ratelimit-remaining': remaining,
    'x-ratelimit-reset': reset,
    ...(decision.allowed ? {} : { 'retry-after': reset }),
  };
}

/** The refusal, as the HTTP error the host answers with and as the JSON-RPC error a WebSocket frame gets. */
export function rateLimitedError(decision: RateDecision): HostHttpError {
  return new HostHttpError(
    429,
    RPC.RATE_LIMITED,
    `Rate limit exceeded: ${decision.limit} requests per window. Retry after ${decision.resetSeconds} seconds.`,
    rateLimitHeaders(decision),
    { limit: decision.limit, retryAfter: decision.resetSeconds },
  );
}

/** The key a caller's budget is counted under. */
export function rateLimitKey(identityKey: string | undefined, address: string): string {
  return identityKey ? `id:${identityKey}` : `ip:${address}`;
}
