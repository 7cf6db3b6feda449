/** Retry policy for Gauzy calls: which failures are worth another attempt, and how long to wait. */
export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 };

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const TRANSIENT_STATUS = new Set([502, 503, 504]);

/**
 * A create (POST) may have reached Gauzy before the failure, so it is retried only on 429, which
 * Gauzy's throttler answers before running the handler. Idempotent methods also retry on transient
 * 5xx answers and on connection errors.
 */
export function shouldRetry(method: string, outcome: { status?: number; connectionError?: boolean }): boolean {
  if (outcome.status === 429) return true;
  if (!IDEMPOTENT.has(method)) return false;
  if (outcome.connectionError) return true;
  return outcome.status !== undefined && TRANSIENT_STATUS.has(outcome.status);
}

/** Exponential backoff with full jitter; a `Retry-After` from Gauzy wins when present. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfterHeader?: string | null, random: () => number = Math.random): number {
  const retryAfter = parseRetryAfter(retryAfterHeader);
  if (retryAfter !== undefined) return Math.min(retryAfter, policy.maxDelayMs * 4);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
