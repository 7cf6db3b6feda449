/**
 * The shared state store (Redis) could not be reached. The host and the authorization server both answer
 * it with 503 and `Retry-After` rather than 500: nothing is wrong with the request, and it recovers when
 * the store returns.
 */
export class StateUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the state store is unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StateUnavailableError';
  }
}

/** What ioredis rejects a command with when the connection is down (offline queue given up, or disabled). */
const CONNECTION_MESSAGES = [/^Connection is closed\.?$/, /^Stream isn't writeable and enableOfflineQueue options is false$/];

/**
 * Whether an error means the state store is unreachable (an outage: answer 503, let the client retry) as
 * opposed to a bug: a StateUnavailableError, ioredis's MaxRetriesPerRequestError, or its "Connection is
 * closed." anywhere in the cause chain. A ReplyError (Redis answered and refused the command) is a bug,
 * never an outage, even when wrapped. A bare socket error code is not taken as one: an outbound fetch (a
 * client's metadata document) fails with those too. ioredis stays out of core, so errors are recognised
 * by name.
 */
export function isStateOutage(error: unknown): boolean {
  let current: unknown = error;
  let outage = false;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const { name, message } = current as { name?: unknown; message?: unknown };
    if (name === 'ReplyError') return false;
    if (name === 'StateUnavailableError' || name === 'MaxRetriesPerRequestError') outage = true;
    else if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) outage = true;
    current = (current as { cause?: unknown }).cause;
  }
  return outage;
}
