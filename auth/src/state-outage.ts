/** Retry-After (seconds) on every 503 answered while the state store (Redis) is unreachable. */
export const STATE_OUTAGE_RETRY_SECONDS = 5;

export const STATE_OUTAGE_BODY = {
  error: 'temporarily_unavailable',
  error_description: 'The authorization server cannot reach its state store (state store unreachable); retry shortly.',
} as const;

/** The key-value store behind oidc-provider's adapter could not be reached: answered 503, not 500. */
export class StateStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the state store is unreachable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StateStoreUnavailableError';
  }
}

/** What ioredis rejects a command with when the connection is down (offline queue given up, or disabled). */
const CONNECTION_MESSAGES = [/^Connection is closed\.?$/, /^Stream isn't writeable and enableOfflineQueue options is false$/];

/**
 * Whether an error means the state store is unreachable (an outage: answer 503 and let the client retry),
 * as opposed to a bug. An outage is: the host's StateUnavailableError (its guarded Redis stores raise it
 * for anything but a reply error), the sign-in throttle's ThrottleUnavailableError, this module's
 * StateStoreUnavailableError, ioredis's MaxRetriesPerRequestError, ioredis's "Connection is closed." (or its
 * refusal with the offline queue disabled). A bare socket error code is not taken as one: an outbound
 * fetch (a client's metadata document) fails with those too, and that is no state outage. A ReplyError (Redis answered and refused the command) is a bug, never an outage, even
 * when wrapped. ioredis is an optional peer, so errors are recognised by name, not by class.
 */
export function isStateOutage(error: unknown): boolean {
  let current: unknown = error;
  let outage = false;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const { name, message } = current as { name?: unknown; message?: unknown };
    if (name === 'ReplyError') return false;
    if (name === 'StateUnavailableError' || name === 'StateStoreUnavailableError' || name === 'ThrottleUnavailableError' || name === 'MaxRetriesPerRequestError') outage = true;
    else if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) outage = true;
    current = (current as { cause?: unknown }).cause;
  }
  return outage;
}
